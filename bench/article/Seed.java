import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Date;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Benchmark helper for article-service; needs only the JDK and the MongoDB driver (run.sh takes
 * it from the service's own jar):
 * <pre>
 *   java -cp 'lib/*' bench/article/Seed.java seed   BASE_URL TOKEN_FILE COUNT THREADS SLUGS_OUT
 *   java -cp 'lib/*' bench/article/Seed.java bulk   BASE_URL TOKEN_FILE COUNT THREADS TEMPLATES MONGODB_URI SLUGS_OUT
 *   java -cp 'lib/*' bench/article/Seed.java cursor BASE_URL PAGE          (prints the path of list page PAGE, limit 20)
 *   java -cp 'lib/*' bench/article/Seed.java queries COUNT                 (COUNT different two-word searches)
 * </pre>
 * {@code seed} creates COUNT articles through the REST API (POST /api/v1/articles) with the editor's
 * access token in TOKEN_FILE (run.sh gets it from identity), from THREADS threads, and publishes
 * most of them (POST /{id}/publish); UNPUBLISHED_PERCENT (environment, default 10) of them stay
 * unpublished, as a newsroom's work in progress: drafts, and one in three of those submitted for
 * review (POST /{id}/submit). The sections the articles name are made first (POST /api/v1/sections;
 * one that exists answers 409, which is fine): an article's section must exist. Then it publishes
 * one sentinel article and waits until search finds it, so the index has caught up with everything
 * before it. The slugs of the published articles go to SLUGS_OUT, one a line (readers can only GET
 * those). Deterministic text (fixed random seed per article index). Prints the seed rate.
 */
public final class Seed {

	// The corpus has the term statistics of news text, not of a word list: a few hundred words
	// that every article uses (function words, the newsroom's everyday vocabulary), topic words
	// that only articles on that topic use, and a long tail of rare words (Zipf-distributed, as
	// in real text), so an index holds tens of thousands of terms and a topical query such as
	// "evakuacija grada" matches the articles of its topic, not every article.
	private static final String[] FUNCTION_WORDS = ("je su će bi da se na u iz za od do kod prema nakon prije "
			+ "tijekom zbog unatoč kako koji koja koje što ali ili te pa jer dok kad ako već još samo također")
		.split(" ");

	private static final String[] COMMON_WORDS = ("vlada ministar grad grada gradu županija sabor predsjednik "
			+ "zakon godine tjedna mjeseca dana stanovnici građani riječima izjavio izjavila objavio objavila "
			+ "kazao kazala naglasio naglasila dodao dodala rekao rekla Zagreb Split Rijeka Osijek Zadar Pula "
			+ "Hrvatska Europa prošloga ovoga sljedeće čelnik dužnosnik stručnjak ravnatelj odluka sjednica "
			+ "prijedlog mjere milijuna eura posto rast pad")
		.split(" ");

	private static final String[][] TOPICS = {
			"izbori stranka koalicija oporba zastupnik glasanje kandidat birači kampanja mandat".split(" "),
			"proračun gospodarstvo inflacija banka tvrtka investicija porez cijena plaća mirovina".split(" "),
			"turizam more obala otok luka brod gosti noćenja sezona apartmani".split(" "),
			"promet cesta autocesta željeznica gužva nesreća vozači tunel most naplata".split(" "),
			"škola sveučilište učenik nastavnik studenti nastava upis ispiti fakultet razred".split(" "),
			"bolnica liječnik zdravlje cijepljenje pacijenti hitna lijekovi operacija medicinske sestre".split(" "),
			"kultura kazalište glazba festival knjiga izložba koncert redatelj predstava publika".split(" "),
			"nogomet rukomet utakmica prvenstvo reprezentacija trener golova momčad liga navijači".split(" "),
			"poplava potres požar vatrogasci spašavanje evakuacija evakuacije evakuaciju oluja stradalih".split(" "),
			"policija sud presuda istraga optužnica svjedok uhićenje kazna odvjetnik tužiteljstvo".split(" "),
			"energija struja plin voda klima vrućina suša elektrana obnovljivi potrošnja".split(" "),
			"udruga sindikat radnik zaposlenje štrajk pregovori poslodavci ugovor prosvjed zahtjevi".split(" ") };

	private static final String[] SYLLABLES = ("ba be bi bo bu ca ce ci co cu ča če či da de di do du đa ga go gu "
			+ "ja je jo ka ke ki ko ku la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po pu ra re ri ro ru "
			+ "sa se si so su ša še ši ta te ti to tu va ve vi vo za ze zi zo ža že ži ljan nik ska ović ina ost")
		.split(" ");

	private static final int RARE_WORDS = 30_000;

	// cumulative Zipf (s = 1) weights of the rare words, rank 1 first
	private static final double[] RARE_CDF = zipfCdf(RARE_WORDS);

	private static final String[] SECTIONS = { "vijesti", "sport", "kultura", "gospodarstvo", "svijet", "lifestyle",
			"zagreb", "regija" };

	private static final String[] TAGS = { "izbori", "promet", "zdravlje", "turizam", "nogomet", "rukomet", "kultura",
			"energija", "potres", "poplava", "evakuacija", "porezi", "mirovine", "škole", "sud", "policija", "more",
			"vrućine", "cijene", "eu" };

	private static final String[] AUTHORS = { "Ana Horvat", "Marko Kovačević", "Ivana Babić", "Tomislav Marić",
			"Petra Novak", "Luka Jurić", "Maja Knežević", "Ivan Vuković", "Katarina Pavlović", "Josip Šarić",
			"Marija Perić", "Nikola Tomić" };

	// every UNPUBLISHED_EVERY-th article stays unpublished (default: every 10th, 10 %), spread evenly
	// over the numbers so both the API part and the bulk part hold some
	private static final int UNPUBLISHED_PERCENT = Integer.parseInt(
			System.getenv().getOrDefault("UNPUBLISHED_PERCENT", "10"));

	/** What becomes of article i: published, a draft, or a draft submitted for review. */
	enum Fate {

		PUBLISHED, DRAFT, IN_REVIEW;

		static Fate of(int i) {
			// article i is unpublished when the running share of unpublished ones grows past the percentage
			if (UNPUBLISHED_PERCENT <= 0 || (long) (i + 1) * UNPUBLISHED_PERCENT / 100 == (long) i * UNPUBLISHED_PERCENT / 100) {
				return PUBLISHED;
			}
			long k = (long) (i + 1) * UNPUBLISHED_PERCENT / 100; // the k-th unpublished article
			return k % 3 == 0 ? IN_REVIEW : DRAFT;
		}

	}

	public static void main(String[] args) throws Exception {
		if (args.length >= 6 && args[0].equals("seed")) {
			seed(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]), Path.of(args[5]));
		}
		else if (args.length >= 8 && args[0].equals("bulk")) {
			bulk(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
					Integer.parseInt(args[5]), args[6], Path.of(args[7]));
		}
		else if (args.length >= 2 && args[0].equals("queries")) {
			queries(Integer.parseInt(args[1]));
		}
		else if (args.length >= 3 && args[0].equals("cursor")) {
			System.out.println(cursor(args[1], Integer.parseInt(args[2])));
		}
		else {
			System.err.println("usage: Seed seed BASE TOKEN_FILE COUNT THREADS SLUGS_OUT"
					+ " | Seed bulk BASE TOKEN_FILE COUNT THREADS TEMPLATES MONGODB_URI SLUGS_OUT | Seed cursor BASE PAGE");
			System.exit(2);
		}
	}

	static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).build();

	static void seed(String base, Path tokenFile, int count, int threads, Path slugsOut) throws Exception {
		String token = token(tokenFile);
		String sections = ensureSections(base, token);
		String[] slugs = new String[count];
		AtomicInteger drafts = new AtomicInteger();
		AtomicInteger inReview = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		long bytes[] = new long[1];
		long started = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		List<Future<?>> futures = new ArrayList<>();
		int chunk = 100;
		for (int from = 0; from < count; from += chunk) {
			int f = from;
			futures.add(pool.submit(() -> {
				for (int i = f; i < Math.min(count, f + chunk); i++) {
					String body = article(i, null);
					synchronized (bytes) {
						bytes[0] += body.length();
					}
					try {
						Fate fate = Fate.of(i);
						String slug = create(base, token, body, fate);
						switch (fate) {
							case PUBLISHED -> slugs[i] = slug;
							case DRAFT -> drafts.incrementAndGet();
							case IN_REVIEW -> inReview.incrementAndGet();
						}
					}
					catch (Exception e) {
						if (failed.incrementAndGet() <= 5) {
							System.err.println("article " + i + ": " + e.getMessage());
						}
					}
					int n = done.incrementAndGet();
					if (n % 1000 == 0) {
						double s = (System.nanoTime() - started) / 1e9;
						System.out.printf("  %d articles in %.0f s (%.0f/s)%n", n, s, n / s);
					}
				}
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get();
		}
		pool.shutdown();
		double seconds = (System.nanoTime() - started) / 1e9;
		// the sentinel: published after every other article, so once search finds it the index holds all
		String sentinelWord = "kontrolnibench" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
		create(base, token, article(count, sentinelWord), Fate.PUBLISHED);
		long waitStart = System.nanoTime();
		while (true) {
			HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/articles/search?q=" + sentinelWord))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (r.statusCode() == 200 && r.body().contains("\"slug\"")) {
				break;
			}
			if (System.nanoTime() - waitStart > 600e9) {
				throw new IllegalStateException("search did not find the sentinel within 10 min");
			}
			Thread.sleep(200);
		}
		double total = (System.nanoTime() - started) / 1e9;
		StringBuilder out = new StringBuilder();
		for (String slug : slugs) {
			if (slug != null) {
				out.append(slug).append('\n');
			}
		}
		Files.writeString(slugsOut, out);
		System.out.printf(
				"seeded %d articles (%d unpublished: %d drafts, %d in review; %d failed, %.1f MB of request JSON, %d threads) in %.1f s = %.0f articles/s (create+publish or submit); index caught up %.1f s later (total %.1f s); sections: %s%n",
				count - failed.get(), drafts.get() + inReview.get(), drafts.get(), inReview.get(), failed.get(),
				bytes[0] / 1e6, threads, seconds, count / seconds, total - seconds, total, sections);
		if (failed.get() > 0) {
			System.exit(1);
		}
	}

	/**
	 * The first TEMPLATES articles through the API, as {@code seed} does (with their share of
	 * drafts and articles in review); the others written straight into the service's database
	 * (inserts of 1,000), each a copy of a template article of the same fate (published, draft or
	 * in review, as the API stored it) with the generated text, id, slug and times of its own. Such
	 * an article has what a reader, a list, a work list and search use (the article document and
	 * its slug claim) but no revision history and no feed events: the search index learns of them
	 * only by a rebuild from MongoDB, which is what the benchmark then measures.
	 */
	static void bulk(String base, Path tokenFile, int count, int threads, int templates, String mongoUri,
			Path slugsOut) throws Exception {
		int viaApi = Math.min(count, templates);
		seed(base, tokenFile, viaApi, threads, slugsOut);
		if (count <= viaApi) {
			return;
		}
		long started = System.nanoTime();
		List<String> slugs = new ArrayList<>(Files.readAllLines(slugsOut));
		try (MongoClient client = MongoClients.create(mongoUri)) {
			MongoDatabase database = client.getDatabase("articles");
			MongoCollection<Document> articles = database.getCollection("articles");
			MongoCollection<Document> slugClaims = database.getCollection("article_slugs");
			List<Document> published = articles.find(Filters.eq("status", "PUBLISHED")).into(new ArrayList<>());
			List<Document> drafts = articles.find(Filters.eq("status", "DRAFT")).into(new ArrayList<>());
			List<Document> inReview = articles.find(Filters.eq("status", "IN_REVIEW")).into(new ArrayList<>());
			if (drafts.isEmpty() || inReview.isEmpty()) {
				// too few templates (or UNPUBLISHED_PERCENT=0): unpublished bulk articles copy what there is
				List<Document> unpublished = new ArrayList<>(drafts);
				unpublished.addAll(inReview);
				drafts = drafts.isEmpty() ? unpublished : drafts;
				inReview = inReview.isEmpty() ? unpublished : inReview;
			}
			int unpublishedCount = 0;
			int inReviewCount = 0;
			Instant oldest = published.stream().map(d -> d.getDate("publishedAt").toInstant()).min(Instant::compareTo)
				.orElseThrow();
			List<Document> batch = new ArrayList<>();
			List<Document> claims = new ArrayList<>();
			long bytes = 0;
			for (int i = viaApi; i < count; i++) {
				Generated g = generate(i, null);
				String id = new ObjectId().toHexString();
				String slug = slug(g.headline(), i);
				// older than every API article, one a minute back in time: 100,000 span ~70 days
				Date at = Date.from(oldest.minusSeconds(60L * (count - i)));
				Fate fate = Fate.of(i);
				List<Document> templatesOfFate = switch (fate) {
					case PUBLISHED -> published;
					case DRAFT -> drafts;
					case IN_REVIEW -> inReview;
				};
				if (templatesOfFate.isEmpty()) {
					throw new IllegalStateException("no " + fate + " template among the API-seeded articles");
				}
				Document article = new Document(templatesOfFate.get(i % templatesOfFate.size()));
				article.remove("pendingEvents");
				article.remove("relayedEventIds");
				article.append("_id", id).append("slug", slug).append("previousSlugs", List.of())
					.append("headline", g.headline()).append("standfirst", g.standfirst())
					.append("body", g.blocks().stream().map(Document::new).toList())
					.append("authors", g.authors()).append("section", g.section()).append("tags", g.tags())
					.append("createdAt", at).append("updatedAt", at).append("wordCount", g.words())
					.append("readingMinutes", Math.max(1, Math.round(g.words() / 200f)));
				if (fate == Fate.PUBLISHED) {
					article.append("firstPublishedAt", at).append("publishedAt", at).append("revision", 2L);
					slugs.add(slug);
				}
				else {
					// a draft keeps the template's shape: no publication times, its revision, owner and status
					unpublishedCount++;
					inReviewCount += fate == Fate.IN_REVIEW ? 1 : 0;
				}
				batch.add(article);
				claims.add(new Document("_id", slug).append("articleId", id).append("current", true));
				bytes += g.json().length();
				if (batch.size() == 1000 || i == count - 1) {
					articles.insertMany(batch, new InsertManyOptions().ordered(false));
					slugClaims.insertMany(claims, new InsertManyOptions().ordered(false));
					batch.clear();
					claims.clear();
					if ((i + 1) % 10_000 == 0) {
						double s = (System.nanoTime() - started) / 1e9;
						System.out.printf("  %d articles in %.0f s (bulk)%n", i + 1, s);
					}
				}
			}
			Files.write(slugsOut, slugs);
			double seconds = (System.nanoTime() - started) / 1e9;
			System.out.printf(
					"seeded %d articles: %d through the API (create+publish or submit, %d threads), %d written into MongoDB (%d of them unpublished: %d drafts, %d in review, copies of API drafts; %.1f MB of article JSON, inserts of 1,000) in %.1f s = %.0f articles/s%n",
					count, viaApi, threads, count - viaApi, unpublishedCount, unpublishedCount - inReviewCount,
					inReviewCount, bytes / 1e6, seconds, (count - viaApi) / seconds);
		}
	}

	/** A slug as the service makes one (Croatian letters folded), made unique by the article number. */
	static String slug(String headline, int i) {
		String folded = Normalizer.normalize(headline.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toLowerCase(java.util.Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("^-|-$", "");
		if (folded.length() > 60) {
			folded = folded.substring(0, 60).replaceAll("-[^-]*$", "");
		}
		return folded + "-b" + (i + 1);
	}

	/**
	 * The sections the generated articles name, made through the API as an editor would (an
	 * article's section must exist); one that exists already answers 409. Returns "made N, existed M".
	 */
	static String ensureSections(String base, String token) throws Exception {
		int made = 0;
		int existed = 0;
		for (String section : SECTIONS) {
			String name = Character.toUpperCase(section.charAt(0)) + section.substring(1);
			HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/sections"))
				.header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"slug\":" + quote(section) + ",\"name\":" + quote(name) + "}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (r.statusCode() == 201) {
				made++;
			}
			else if (r.statusCode() == 409) {
				existed++;
			}
			else {
				throw new IllegalStateException("section " + section + ": " + r.statusCode() + " " + r.body());
			}
		}
		return "made " + made + ", existed " + existed;
	}

	/** Creates the article; publishes it, submits it for review or leaves it a draft. Returns its slug. */
	static String create(String base, String token, String body, Fate fate) throws Exception {
		HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/articles"))
			.header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		if (created.statusCode() != 201) {
			throw new IllegalStateException("create: " + created.statusCode() + " " + created.body());
		}
		String id = field(created.body(), "id");
		String slug = field(created.body(), "slug");
		if (fate == Fate.DRAFT) {
			return slug;
		}
		String action = fate == Fate.PUBLISHED ? "publish" : "submit";
		HttpResponse<String> moved = HTTP.send(
				HttpRequest.newBuilder(URI.create(base + "/api/v1/articles/" + id + "/" + action))
					.header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
		if (moved.statusCode() != 200) {
			throw new IllegalStateException(action + ": " + moved.statusCode() + " " + moved.body());
		}
		return slug;
	}

	/**
	 * COUNT different two-word searches (a topic word and an everyday word, URL-encoded), one a
	 * line: what readers look for, each matching the articles of a topic.
	 */
	static void queries(int count) {
		Random r = new Random(42);
		java.util.Set<String> queries = new java.util.LinkedHashSet<>();
		while (queries.size() < count) {
			String[] topic = TOPICS[r.nextInt(TOPICS.length)];
			String q = topic[r.nextInt(topic.length)] + " " + COMMON_WORDS[r.nextInt(COMMON_WORDS.length)].toLowerCase();
			queries.add(java.net.URLEncoder.encode(q, StandardCharsets.UTF_8));
		}
		queries.forEach(System.out::println);
	}

	/** "page<TAB>path" of list page {@code page}, or of the last page with 20 items when there are fewer pages. */
	static String cursor(String base, int page) throws Exception {
		String path = "/api/v1/articles?limit=20";
		int p = 1;
		for (; p < page; p++) {
			HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (r.statusCode() != 200) {
				throw new IllegalStateException("page " + p + ": " + r.statusCode());
			}
			String next = field(r.body(), "nextCursor");
			if (next == null) {
				break;
			}
			String nextPath = "/api/v1/articles?limit=20&cursor=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8);
			HttpResponse<String> peek = HTTP.send(HttpRequest.newBuilder(URI.create(base + nextPath)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (peek.statusCode() != 200 || peek.body().split("\"slug\"", -1).length - 1 < 20) {
				break; // keep pages of a full 20 items, so page 1 and this page do the same work
			}
			path = nextPath;
		}
		return p + "\t" + path;
	}

	static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
		return m.find() ? m.group(1) : null;
	}

	// ---- the article generator: 8-15 blocks, ~600-1,200 words

	static String article(int i, String extraWord) {
		return generate(i, extraWord).json();
	}

	/** An article as the editor's API takes it; blocks hold only strings and numbers. */
	record Generated(String headline, String standfirst, String section, List<String> authors, List<String> tags,
			List<Map<String, Object>> blocks, int words) {

		String json() {
			StringBuilder json = new StringBuilder(words * 9);
			json.append("{\"language\":\"hr\",\"headline\":").append(quote(headline));
			json.append(",\"standfirst\":").append(quote(standfirst));
			json.append(",\"section\":").append(quote(section));
			// bylines through the API name author profiles (issue 16), which the seed does not make; the
			// articles written straight into MongoDB keep free-text names, which read as they always did
			json.append(",\"source\":").append(quote(String.join(", ", authors)));
			json.append(",\"tags\":").append(strings(tags));
			json.append(",\"commentsOpen\":true,\"body\":[");
			for (int b = 0; b < blocks.size(); b++) {
				json.append(b == 0 ? "{" : ",{");
				int f = 0;
				for (Map.Entry<String, Object> field : blocks.get(b).entrySet()) {
					json.append(f++ == 0 ? "" : ",").append(quote(field.getKey())).append(':');
					json.append(field.getValue() instanceof String text ? quote(text) : field.getValue());
				}
				json.append('}');
			}
			return json.append("]}").toString();
		}

		private static String strings(List<String> values) {
			StringBuilder out = new StringBuilder("[");
			for (String value : values) {
				out.append(out.length() == 1 ? "" : ",").append(quote(value));
			}
			return out.append(']').toString();
		}

	}

	// 8-15 blocks, ~600-1,200 words; deterministic per article index
	static Generated generate(int i, String extraWord) {
		Random r = new Random(1_000_003L * i + 7);
		Topics topics = Topics.of(r);
		int targetWords = 600 + r.nextInt(601);
		int blockCount = 8 + r.nextInt(8);
		String headline = sentence(r, topics, 6 + r.nextInt(7), false) + " " + (i + 1);
		if (extraWord != null) {
			headline = headline + " " + extraWord;
		}
		String standfirst = sentence(r, topics, 20 + r.nextInt(15), true);
		String section = SECTIONS[r.nextInt(SECTIONS.length)];
		List<String> authors = new ArrayList<>(List.of(AUTHORS[r.nextInt(AUTHORS.length)]));
		if (r.nextInt(4) == 0) {
			authors.add(AUTHORS[r.nextInt(AUTHORS.length)]);
		}
		List<String> tags = new ArrayList<>();
		int tagCount = 1 + r.nextInt(4);
		for (int t = 0; t < tagCount; t++) {
			tags.add(TAGS[(r.nextInt(TAGS.length) + t) % TAGS.length] + (t > 0 ? "-" + t : ""));
		}
		List<Map<String, Object>> blocks = new ArrayList<>();
		int words = 0;
		int wordsLeft = targetWords;
		int paragraphsLeft = blockCount;
		for (int b = 0; b < blockCount; b++) {
			Map<String, Object> block = new LinkedHashMap<>();
			if (b > 1 && b % 4 == 0) {
				int n = 3 + r.nextInt(5);
				block.put("type", "heading");
				block.put("level", 2);
				block.put("text", sentence(r, topics, n, false));
				words += n;
			}
			else if (b > 1 && b % 5 == 3) {
				int n = 15 + r.nextInt(20);
				block.put("type", "quote");
				block.put("text", sentence(r, topics, n, true));
				block.put("attribution", AUTHORS[r.nextInt(AUTHORS.length)]);
				words += n;
			}
			else {
				int target = Math.max(30, wordsLeft / Math.max(1, paragraphsLeft));
				wordsLeft -= target;
				StringBuilder p = new StringBuilder();
				int w = 0;
				while (w < target) {
					int n = 8 + r.nextInt(14);
					p.append(p.isEmpty() ? "" : " ").append(sentence(r, topics, n, true));
					w += n;
				}
				block.put("type", "paragraph");
				block.put("text", p.toString());
				words += w;
			}
			blocks.add(block);
			paragraphsLeft--;
		}
		return new Generated(headline, standfirst, section, authors, tags, blocks, words);
	}

	static String sentence(Random r, Topics topics, int words, boolean period) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < words; i++) {
			String w = word(r, topics);
			if (i == 0) {
				w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
			}
			s.append(i == 0 ? "" : (r.nextInt(12) == 0 ? ", " : " ")).append(w);
		}
		return period ? s.append('.').toString() : s.toString();
	}

	/** The two topics an article is about: most topic words come from the first. */
	record Topics(String[] main, String[] second) {

		static Topics of(Random r) {
			int main = r.nextInt(TOPICS.length);
			int second = (main + 1 + r.nextInt(TOPICS.length - 1)) % TOPICS.length;
			return new Topics(TOPICS[main], TOPICS[second]);
		}

	}

	static String word(Random r, Topics topics) {
		int p = r.nextInt(100);
		if (p < 40) {
			return FUNCTION_WORDS[r.nextInt(FUNCTION_WORDS.length)];
		}
		if (p < 70) {
			return COMMON_WORDS[r.nextInt(COMMON_WORDS.length)];
		}
		if (p < 82) {
			return topics.main()[r.nextInt(topics.main().length)];
		}
		if (p < 90) {
			return topics.second()[r.nextInt(topics.second().length)];
		}
		int rank = Arrays.binarySearch(RARE_CDF, r.nextDouble());
		return rareWord(rank < 0 ? -rank - 1 : rank);
	}

	/** The rare word of a rank: two to four syllables, the same word for the same rank in every run. */
	static String rareWord(int rank) {
		Random r = new Random(rank * 7_919L + 13);
		StringBuilder w = new StringBuilder();
		int syllables = 2 + r.nextInt(3);
		for (int i = 0; i < syllables; i++) {
			w.append(SYLLABLES[r.nextInt(SYLLABLES.length)]);
		}
		return w.toString();
	}

	static double[] zipfCdf(int n) {
		double[] cdf = new double[n];
		double sum = 0;
		for (int i = 0; i < n; i++) {
			sum += 1.0 / (i + 1);
			cdf[i] = sum;
		}
		for (int i = 0; i < n; i++) {
			cdf[i] /= sum;
		}
		return cdf;
	}

	static String quote(String s) {
		return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

	// ---- the editor's access token (from identity; a file, so no token shows in ps)

	static String token(Path tokenFile) throws Exception {
		String token = Files.readString(tokenFile).strip();
		if (token.isEmpty()) {
			throw new IllegalStateException("no token in " + tokenFile);
		}
		return token;
	}

}
