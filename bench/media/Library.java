import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Benchmark helper for the photo library; needs only the JDK and the MongoDB driver (library.sh
 * takes it from the service's own jar):
 * <pre>
 *   java -cp 'lib/*' bench/media/Library.java seed MONGODB_URI DATABASE COUNT OUT_DIR
 * </pre>
 * Writes COUNT items into {@code media_items} with bulk inserts of 1,000 (as the service stores
 * them, without originals: search and {@code ids=} never read the bytes), and into OUT_DIR:
 * {@code queries.txt} (200 searches as query strings: one to three words, some with filters),
 * {@code idlists.txt} (500 lines of 50 random existing ids, comma-separated). Deterministic (a
 * fixed random seed). The text is what a newsroom's photo library holds: captions of the
 * "what, where (locative), when" kind with Croatian place names, alt texts, credits of a few
 * hundred photographers, tags, camera or descriptive file names.
 */
public final class Library {

	static final String[] SUBJECTS = ("Most|Prosvjed|Poplava|Požar|Sastanak|Utakmica|Koncert|Izložba|Sajam|Promet|Gužva|"
			+ "Snijeg|Kiša|Nevrijeme|Potres|Obnova|Gradilište|Tržnica|Luka|Zračna luka|Bolnica|Škola|Vrtić|Knjižnica|"
			+ "Kazalište|Katedrala|Crkva|Trg|Park|Šuma|Rijeka|Jezero|Plaža|Otok|Trajekt|Vlak|Autobus|Tramvaj|Biciklisti|"
			+ "Maratonci|Ribari|Vatrogasci|Policija|Vojnici|Liječnici|Studenti|Umirovljenici|Djeca|Turisti|Navijači|"
			+ "Glazbenici|Glumci|Ministar financija|Predsjednik Vlade|Gradonačelnik|Župan|Saborski zastupnici|"
			+ "Sindikalisti|Poljoprivrednici|Lovci|Berba grožđa|Berba maslina|Svečanost|Mimohod|Dodjela nagrada|"
			+ "Otvorenje ceste|Novi vrtić|Stari grad|Ljetna pozornica|Božićni sajam|Adventski vijenac|Ulica|Kolodvor|"
			+ "Stadion|Dvorana|Tunel|Vijadukt|Brod|Jedrilica|Svjetionik|Tvornica|Brodogradilište|Rafinerija").split("\\|");

	static final String[] PLACES = ("u Zagrebu|u Splitu|u Rijeci|u Osijeku|u Zadru|u Čačku|u Sisku|u Karlovcu|"
			+ "u Varaždinu|u Puli|u Dubrovniku|u Šibeniku|u Vukovaru|na Krku|na Hvaru|u Slavonskom Brodu|u Bjelovaru|"
			+ "u Koprivnici|u Čakovcu|u Gospiću|u Požegi|u Virovitici|u Beogradu|u Sarajevu|u Ljubljani|u Bruxellesu|"
			+ "u Beču|u Đakovu|u Vinkovcima|u Samoboru|u Velikoj Gorici|u Makarskoj|u Opatiji|u Rovinju|u Poreču|"
			+ "u Trogiru|u Kninu|u Imotskom|u Metkoviću|u Pločama|na Braču|na Korčuli|na Pagu|u Lici|u Zagorju|"
			+ "u Slavoniji|u Istri|u Dalmaciji|na Jarunu|na Savi|na Dravi|kod Karlovca|ispred Sabora|ispred Vlade|"
			+ "na Markovu trgu|na Trgu bana Jelačića|u Maksimiru|na Bundeku|pokraj Save|uz Jadransku magistralu")
		.split("\\|");

	static final String[] WHEN = ("u ponedjeljak|u utorak|u srijedu|u četvrtak|u petak|u subotu|u nedjelju|"
			+ "tijekom noći|rano ujutro|u podne|navečer|nakon utakmice|prije sjednice|za vrijeme nevremena|"
			+ "prvog dana proljeća|na Badnjak|u svibnju|u lipnju|u srpnju|u kolovozu|u rujnu|u listopadu|u studenom|"
			+ "u prosincu|u siječnju|u veljači|u ožujku|u travnju").split("\\|");

	static final String[] ALT = ("Pogled na|Ljudi ispred|Detalj s|Panorama|Snimka iz zraka:|Noćni prizor:|"
			+ "Zimski prizor:|Ljetni prizor:|Gužva kod|Radovi na").split("\\|");

	static final String[] FIRST = ("Ivo|Ana|Marko|Petra|Tomislav|Ivana|Luka|Maja|Josip|Katarina|Davor|Martina|"
			+ "Goran|Sanja|Hrvoje|Lana|Darko|Nina|Željko|Mirna|Boris|Jelena|Đuro|Vesna|Zoran").split("\\|");

	static final String[] LAST = ("Ivić|Anić|Horvat|Kovačević|Babić|Marić|Jurić|Novak|Knežević|Vuković|Pukanić|"
			+ "Matić|Tomić|Pavlović|Šarić|Lovrić|Grgić|Perić|Radić|Božić|Čačić|Barišić|Mikulić|Žagar|Brkić").split("\\|");

	static final String[] AGENCIES = { "Pixsell", "HINA", "Reuters", "AFP", "AP", "EPA", "CROPIX" };

	static final String[] TAGS = ("Zagreb|Split|Rijeka|Osijek|Zadar|Čačak|Sisak|Karlovac|Dubrovnik|Vukovar|"
			+ "politika|gospodarstvo|sport|kultura|promet|vrijeme|crna kronika|zdravstvo|obrazovanje|turizam|"
			+ "poplave|požari|potres|izbori|Sabor|Vlada|nogomet|rukomet|košarka|koncert|festival|Advent|more|"
			+ "poljoprivreda|industrija|energetika|okoliš|znanost|tehnologija|arhiva").split("\\|");

	static final String[] TYPES = { "image/jpeg", "image/jpeg", "image/jpeg", "image/jpeg", "image/jpeg", "image/jpeg",
			"image/png", "image/webp", "image/gif" };

	public static void main(String[] args) throws IOException {
		if (args.length != 5 || !"seed".equals(args[0])) {
			System.err.println("usage: Library.java seed MONGODB_URI DATABASE COUNT OUT_DIR");
			System.exit(2);
		}
		seed(args[1], args[2], Integer.parseInt(args[3]), Path.of(args[4]));
	}

	static void seed(String uri, String databaseName, int count, Path out) throws IOException {
		Random random = new Random(20261125L);
		List<String> ids = new ArrayList<>(count);
		List<String> uploaders = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			uploaders.add(i == 0 ? "editor-bench" : "journalist-" + i);
		}
		Instant newest = Instant.parse("2026-11-25T12:00:00Z");
		long span = Duration.ofDays(730).toMillis();
		long started = System.nanoTime();
		try (MongoClient client = MongoClients.create(uri)) {
			MongoCollection<Document> items = client.getDatabase(databaseName).getCollection("media_items");
			List<Document> batch = new ArrayList<>(1000);
			// oldest first, as a library grows; ObjectIds carry the upload time
			long[] times = new long[count];
			for (int i = 0; i < count; i++) {
				times[i] = newest.toEpochMilli() - (long) (random.nextDouble() * span);
			}
			java.util.Arrays.sort(times);
			for (int i = 0; i < count; i++) {
				Instant createdAt = Instant.ofEpochMilli(times[i]);
				String id = new ObjectId(Date.from(createdAt), i & 0xFFFFFF).toHexString();
				ids.add(id);
				batch.add(item(random, id, createdAt, uploaders.get(random.nextInt(uploaders.size()))));
				if (batch.size() == 1000) {
					items.insertMany(batch, new InsertManyOptions().ordered(false));
					batch.clear();
				}
			}
			if (!batch.isEmpty()) {
				items.insertMany(batch, new InsertManyOptions().ordered(false));
			}
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("seeded %d items in %.1f s (%.0f/s)%n", count, seconds, count / seconds);
		Files.createDirectories(out);
		Files.write(out.resolve("queries.txt"), queries(new Random(7), uploaders));
		List<String> lists = new ArrayList<>();
		Random pick = new Random(11);
		for (int i = 0; i < 500; i++) {
			List<String> list = new ArrayList<>(50);
			for (int j = 0; j < 50; j++) {
				list.add(ids.get(pick.nextInt(ids.size())));
			}
			lists.add(String.join(",", list));
		}
		Files.write(out.resolve("idlists.txt"), lists);
	}

	static Document item(Random random, String id, Instant createdAt, String uploader) {
		String subject = pick(random, SUBJECTS);
		String place = pick(random, PLACES);
		String caption = subject + " " + place + (random.nextBoolean() ? " " + pick(random, WHEN) : "") + ".";
		String photographer = pick(random, FIRST) + " " + pick(random, LAST);
		String credit = photographer + "/" + pick(random, AGENCIES);
		List<String> tags = new ArrayList<>();
		int tagCount = random.nextInt(5);
		for (int t = 0; t < tagCount; t++) {
			String tag = pick(random, TAGS);
			if (!tags.contains(tag)) {
				tags.add(tag);
			}
		}
		String mediaType = pick(random, TYPES);
		String extension = mediaType.substring(6).replace("jpeg", "jpg");
		String fileName = switch (random.nextInt(3)) {
			case 0 -> "IMG_" + (1000 + random.nextInt(9000)) + "." + extension;
			case 1 -> "DSC" + (10000 + random.nextInt(90000)) + "." + extension.toUpperCase();
			default -> slug(subject + " " + place) + "-" + (2024 + random.nextInt(3)) + "." + extension;
		};
		int usage = random.nextInt(10) < 6 ? 1 + random.nextInt(3) : 0;
		byte[] hash = new byte[32];
		random.nextBytes(hash);
		Document document = new Document("_id", id).append("version", 1L + random.nextInt(3))
			.append("hash", HexFormat.of().formatHex(hash))
			.append("mediaType", mediaType)
			.append("width", 4000)
			.append("height", 3000)
			.append("byteSize", 2_000_000L + random.nextInt(6_000_000))
			.append("orientation", 1)
			.append("alt", random.nextInt(4) == 0 ? null : pick(random, ALT) + " " + subject.toLowerCase() + " " + place)
			.append("caption", caption)
			.append("credit", credit)
			.append("copyright", credit.substring(credit.indexOf('/') + 1))
			.append("source", credit.substring(credit.indexOf('/') + 1))
			.append("focalX", 0.5)
			.append("focalY", 0.5)
			.append("tags", tags)
			.append("uploadedBy", uploader)
			.append("createdAt", Date.from(createdAt))
			.append("updatedAt", Date.from(createdAt))
			.append("blurHash", "LEHV6nWB2yk8pyo0adR*.7kCMdnj")
			.append("dominantColour", "#6a7b8c")
			.append("fileName", fileName)
			.append("feedRevision", 1L)
			.append("usageCount", usage)
			.append("usageRev", (long) usage);
		if (usage == 0) {
			document.append("unusedSince", Date.from(createdAt));
		}
		return document;
	}

	/** 200 searches as an editor types them: one to three words, a third with a filter. */
	static List<String> queries(Random random, List<String> uploaders) {
		List<String> queries = new ArrayList<>();
		String[] singles = { "most", "čačak", "cacku", "poplava", "sisak", "prosvjed", "vatrogasci", "zagreb",
				"požar", "split", "luka", "koncert", "sabor", "snijeg", "nevrijeme", "katedrala", "trajekt", "berba",
				"otok", "stadion", "pukanić", "horvat", "maslina", "brodogradilište", "svjetionik" };
		for (int i = 0; i < 200; i++) {
			String text;
			switch (i % 4) {
				case 0 -> text = singles[random.nextInt(singles.length)];
				case 1 -> text = firstWord(pick(random, SUBJECTS)) + " " + lastWord(pick(random, PLACES));
				case 2 -> text = lastWord(pick(random, PLACES)) + " " + lastWord(pick(random, WHEN));
				default -> text = firstWord(pick(random, SUBJECTS)).toLowerCase() + " " + lastWord(pick(random, PLACES))
						+ " " + pick(random, LAST);
			}
			StringBuilder query = new StringBuilder("q=").append(URLEncoder.encode(text, StandardCharsets.UTF_8));
			switch (random.nextInt(9)) {
				case 0 -> query.append("&type=png");
				case 1 -> query.append("&unused=true");
				case 2 -> query.append("&uploader=").append(uploaders.get(random.nextInt(uploaders.size())));
				case 3 -> query.append("&from=2026-01-01&to=2026-06-30");
				case 4 -> query.append("&tag=").append(URLEncoder.encode(pick(random, TAGS), StandardCharsets.UTF_8));
				default -> {
				}
			}
			queries.add(query.toString());
		}
		return queries;
	}

	static String pick(Random random, String[] values) {
		return values[random.nextInt(values.length)];
	}

	static String firstWord(String text) {
		return text.split(" ")[0];
	}

	static String lastWord(String text) {
		String[] words = text.split(" ");
		return words[words.length - 1];
	}

	static String slug(String text) {
		String folded = java.text.Normalizer.normalize(text.toLowerCase().replace("đ", "d"), java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "");
		return folded.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
	}

}
