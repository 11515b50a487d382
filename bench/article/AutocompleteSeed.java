import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Seeds the tag and author autocomplete scenario straight into article-service's MongoDB (the
 * service is stopped meanwhile and reads them whole when it starts): TAGS tags named after
 * Croatian places and topics (with č, ć, đ, š, ž), AUTHORS author profiles with Croatian names, and
 * N published articles naming three tags and one author each, in the stored shape. Writes the
 * prefixes the load generator asks (2-4 letters, folded or not, of real names) to a file.
 *
 *   java -cp <driver jars> AutocompleteSeed.java <mongodb uri> <articles> <tags> <authors> <prefixes file>
 */
public class AutocompleteSeed {

	static final String[] PLACES = { "Zagreb", "Čačak", "Split", "Rijeka", "Osijek", "Zadar", "Šibenik", "Đakovo",
			"Varaždin", "Karlovac", "Požega", "Čakovec", "Vukovar", "Dubrovnik", "Pula", "Križevci", "Županja",
			"Slavonski Brod", "Bjelovar", "Koprivnica", "Sisak", "Gospić", "Knin", "Makarska", "Ploče", "Našice",
			"Virovitica", "Đurđevac", "Samobor", "Velika Gorica" };

	static final String[] TOPICS = { "izbori", "proračun", "poplave", "potres", "promet", "škole", "bolnice",
			"cijene", "plaće", "turizam", "nogomet", "košarka", "kultura", "kazalište", "glazba", "energija",
			"mirovine", "porezi", "stanovanje", "klima", "šume", "luka", "željeznica", "zračna luka", "vinogradi" };

	static final String[] FIRST = { "Ivan", "Ana", "Marko", "Ivana", "Josip", "Marija", "Tomislav", "Petra", "Luka",
			"Željka", "Đuro", "Snježana", "Matija", "Katarina", "Stjepan", "Lucija", "Krešimir", "Mirjana", "Dražen",
			"Nives" };

	static final String[] LAST = { "Horvat", "Kovačević", "Babić", "Marić", "Jurić", "Novak", "Kovačić", "Knežević",
			"Vuković", "Marković", "Petrović", "Matić", "Tomić", "Pavlović", "Šarić", "Božić", "Grgić", "Perić",
			"Đurić", "Žagar" };

	public static void main(String[] args) throws Exception {
		String uri = args[0];
		int articles = Integer.parseInt(args[1]);
		int tagCount = Integer.parseInt(args[2]);
		int authorCount = Integer.parseInt(args[3]);
		Path prefixes = Path.of(args[4]);
		Random random = new Random(16);
		Date now = new Date();
		long started = System.nanoTime();
		try (MongoClient client = MongoClients.create(uri)) {
			MongoDatabase db = client.getDatabase("articles");
			List<String> tagIds = new ArrayList<>();
			List<String> names = new ArrayList<>();
			List<Document> tags = new ArrayList<>();
			List<Document> tagSlugs = new ArrayList<>();
			for (int i = 0; i < tagCount; i++) {
				String base = i % 2 == 0 ? PLACES[i / 2 % PLACES.length] : TOPICS[i / 2 % TOPICS.length];
				String name = i < PLACES.length * 2 ? base : base + " " + (i / (PLACES.length * 2));
				String id = new ObjectId().toHexString();
				String slug = slug(name) + "-" + i;
				tagIds.add(id);
				names.add(name);
				tags.add(new Document("_id", id).append("slug", slug).append("name", name)
					.append("previousSlugs", List.of()).append("mergedInto", null).append("revision", 1L)
					.append("createdAt", now).append("updatedAt", now));
				tagSlugs.add(new Document("_id", slug).append("tagId", id));
				if (tags.size() == 1000) {
					db.getCollection("tags").insertMany(tags);
					db.getCollection("tag_slugs").insertMany(tagSlugs);
					tags.clear();
					tagSlugs.clear();
				}
			}
			if (!tags.isEmpty()) {
				db.getCollection("tags").insertMany(tags);
				db.getCollection("tag_slugs").insertMany(tagSlugs);
			}
			List<String> authorIds = new ArrayList<>();
			List<Document> authors = new ArrayList<>();
			for (int i = 0; i < authorCount; i++) {
				String name = FIRST[i % FIRST.length] + " " + LAST[i / FIRST.length % LAST.length]
						+ (i < FIRST.length * LAST.length ? "" : " " + i);
				String id = new ObjectId().toHexString();
				authorIds.add(id);
				names.add(name);
				authors.add(new Document("_id", id).append("slug", slug(name) + "-" + i).append("name", name)
					.append("bio", null).append("photoMediaId", null).append("links", List.of())
					.append("public", false).append("userId", null).append("previousSlugs", List.of())
					.append("revision", 1L).append("createdAt", now).append("updatedAt", now));
			}
			db.getCollection("authors").insertMany(authors);
			List<Document> batch = new ArrayList<>();
			for (int i = 0; i < articles; i++) {
				String id = new ObjectId().toHexString();
				Date published = new Date(now.getTime() - (long) (articles - i) * 60_000);
				batch.add(new Document("_id", id).append("slug", "autocomplete-" + i)
					.append("previousSlugs", List.of()).append("language", "hr")
					.append("headline", "Vijest " + i + " iz " + PLACES[i % PLACES.length])
					.append("standfirst", null)
					.append("body", List.of(new Document("type", "paragraph").append("text",
							"Odlomak o temi " + TOPICS[i % TOPICS.length] + ".")))
					.append("authors", List.of(authorIds.get(random.nextInt(authorIds.size()))))
					.append("section", "vijesti")
					.append("tags", List.of(tagIds.get(random.nextInt(tagIds.size())),
							tagIds.get(random.nextInt(tagIds.size())), tagIds.get(random.nextInt(tagIds.size()))))
					.append("commentsOpen", true).append("status", "PUBLISHED").append("ownerId", "editor")
					.append("createdAt", published).append("updatedAt", published)
					.append("publishedAt", published).append("firstPublishedAt", published)
					.append("revision", 1L).append("wordCount", 5).append("readingMinutes", 1)
					.append("corrections", List.of()));
				if (batch.size() == 2000) {
					db.getCollection("articles").insertMany(batch);
					batch.clear();
				}
			}
			if (!batch.isEmpty()) {
				db.getCollection("articles").insertMany(batch);
			}
			// prefixes of 2-4 letters of any word of the names, half of them with their diacritics
			List<String> asked = new ArrayList<>();
			for (int i = 0; i < 2000; i++) {
				String[] words = names.get(random.nextInt(names.size())).split(" ");
				String word = words[random.nextInt(words.length)];
				if (!Character.isLetter(word.charAt(0))) {
					word = words[0];
				}
				String prefix = word.substring(0, Math.min(word.length(), 2 + random.nextInt(3)));
				asked.add(java.net.URLEncoder.encode(i % 2 == 0 ? prefix : prefix.toLowerCase(Locale.ROOT),
						java.nio.charset.StandardCharsets.UTF_8));
			}
			Files.write(prefixes, asked);
		}
		System.out.printf("seeded %d tags, %d authors and %d articles in %.1f s%n", tagCount, authorCount, articles,
				(System.nanoTime() - started) / 1e9);
	}

	static String slug(String name) {
		String text = Normalizer.normalize(name.replace("đ", "d").replace("Đ", "D"), Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "");
		return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
	}

}
