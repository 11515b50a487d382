import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark helper for article-service, JDK only (no libraries):
 * <pre>
 *   java bench/article/Seed.java seed   BASE_URL PRIVATE_PEM COUNT THREADS SLUGS_OUT
 *   java bench/article/Seed.java cursor BASE_URL PAGE          (prints the path of list page PAGE, limit 20)
 * </pre>
 * {@code seed} creates and publishes COUNT articles through the REST API (POST /api/v1/articles, then
 * POST /{id}/publish) with an editor token it signs itself (RS256, SHA256withRSA), from THREADS
 * threads; then publishes one sentinel article and waits until search finds it, so the index has
 * caught up with everything before it. Slugs go to SLUGS_OUT, one a line. Deterministic text
 * (fixed random seed per article index). Prints the seed rate.
 */
public final class Seed {

	private static final String[] WORDS = ("vlada ministar grad grada gradu županija sabor izbori predsjednik zakon "
			+ "proračun gospodarstvo turizam more obala otok luka brod promet cesta autocesta željeznica "
			+ "škola sveučilište učenik nastavnik bolnica liječnik zdravlje cijepljenje kultura kazalište "
			+ "glazba festival knjiga izložba nogomet rukomet utakmica prvenstvo reprezentacija trener "
			+ "vijeće gradonačelnik općina stanovnik građani udruga sindikat plaća mirovina porez cijena "
			+ "inflacija banka tvrtka radnik zaposlenje investicija projekt energija struja plin voda "
			+ "klima vrućina kiša oluja požar vatrogasci policija sud presuda istraga optužnica svjedok "
			+ "evakuacija evakuacije stanovnika poplava potres spašavanje hitna pomoć zgrada kuća stan "
			+ "je su će bi da se na u iz za od do kod prema nakon prije tijekom zbog unatoč kako koji "
			+ "koja koje što ali ili te pa jer dok kad ako već još samo također riječima izjavio "
			+ "izjavila objavio objavila kazao kazala naglasio naglasila dodao dodala rekao rekla "
			+ "Zagreb Split Rijeka Osijek Zadar Pula Dubrovnik Šibenik Varaždin Karlovac Sisak Slavonija "
			+ "Dalmacija Istra Zagorje Hrvatska Europa prošloga tjedna ovoga mjeseca sljedeće godine "
			+ "čelnik dužnosnik stručnjak analitičar ravnatelj župan zastupnik oporba koalicija stranka "
			+ "odluka sjednica rasprava prijedlog mjere potpora sredstva milijuna eura kuna posto rast pad")
		.split(" ");

	private static final String[] SECTIONS = { "vijesti", "sport", "kultura", "gospodarstvo", "svijet", "lifestyle",
			"zagreb", "regija" };

	private static final String[] TAGS = { "izbori", "promet", "zdravlje", "turizam", "nogomet", "rukomet", "kultura",
			"energija", "potres", "poplava", "evakuacija", "porezi", "mirovine", "škole", "sud", "policija", "more",
			"vrućine", "cijene", "eu" };

	private static final String[] AUTHORS = { "Ana Horvat", "Marko Kovačević", "Ivana Babić", "Tomislav Marić",
			"Petra Novak", "Luka Jurić", "Maja Knežević", "Ivan Vuković", "Katarina Pavlović", "Josip Šarić",
			"Marija Perić", "Nikola Tomić" };

	public static void main(String[] args) throws Exception {
		if (args.length >= 6 && args[0].equals("seed")) {
			seed(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]), Path.of(args[5]));
		}
		else if (args.length >= 3 && args[0].equals("cursor")) {
			System.out.println(cursor(args[1], Integer.parseInt(args[2])));
		}
		else {
			System.err.println("usage: Seed seed BASE PRIVATE_PEM COUNT THREADS SLUGS_OUT | Seed cursor BASE PAGE");
			System.exit(2);
		}
	}

	static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5)).build();

	static void seed(String base, Path privatePem, int count, int threads, Path slugsOut) throws Exception {
		String token = token(privatePem);
		String[] slugs = new String[count];
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
						slugs[i] = createAndPublish(base, token, body);
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
		createAndPublish(base, token, article(count, sentinelWord));
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
				"seeded %d articles (%d failed, %.1f MB of request JSON, %d threads) in %.1f s = %.0f articles/s (create+publish); index caught up %.1f s later (total %.1f s)%n",
				count - failed.get(), failed.get(), bytes[0] / 1e6, threads, seconds, count / seconds,
				total - seconds, total);
		if (failed.get() > 0) {
			System.exit(1);
		}
	}

	static String createAndPublish(String base, String token, String body) throws Exception {
		HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/articles"))
			.header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
		if (created.statusCode() != 201) {
			throw new IllegalStateException("create: " + created.statusCode() + " " + created.body());
		}
		String id = field(created.body(), "id");
		String slug = field(created.body(), "slug");
		HttpResponse<String> published = HTTP.send(
				HttpRequest.newBuilder(URI.create(base + "/api/v1/articles/" + id + "/publish"))
					.header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
				HttpResponse.BodyHandlers.ofString());
		if (published.statusCode() != 200) {
			throw new IllegalStateException("publish: " + published.statusCode() + " " + published.body());
		}
		return slug;
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
		Random r = new Random(1_000_003L * i + 7);
		int targetWords = 600 + r.nextInt(601);
		int blocks = 8 + r.nextInt(8);
		StringBuilder json = new StringBuilder(targetWords * 9);
		String headline = sentence(r, 6 + r.nextInt(7), false) + " " + (i + 1);
		if (extraWord != null) {
			headline = headline + " " + extraWord;
		}
		json.append("{\"language\":\"hr\",\"headline\":").append(quote(headline));
		json.append(",\"standfirst\":").append(quote(sentence(r, 20 + r.nextInt(15), true)));
		json.append(",\"section\":").append(quote(SECTIONS[r.nextInt(SECTIONS.length)]));
		json.append(",\"authors\":[").append(quote(AUTHORS[r.nextInt(AUTHORS.length)]));
		if (r.nextInt(4) == 0) {
			json.append(',').append(quote(AUTHORS[r.nextInt(AUTHORS.length)]));
		}
		json.append("],\"tags\":[");
		int tags = 1 + r.nextInt(4);
		for (int t = 0; t < tags; t++) {
			json.append(t == 0 ? "" : ",").append(quote(TAGS[(r.nextInt(TAGS.length) + t) % TAGS.length] + (t > 0 ? "-" + t : "")));
		}
		json.append("],\"commentsOpen\":true,\"body\":[");
		int wordsLeft = targetWords;
		int paragraphsLeft = blocks;
		for (int b = 0; b < blocks; b++) {
			if (b > 0) {
				json.append(',');
			}
			if (b > 1 && b % 4 == 0) {
				json.append("{\"type\":\"heading\",\"level\":2,\"text\":").append(quote(sentence(r, 3 + r.nextInt(5), false))).append('}');
			}
			else if (b > 1 && b % 5 == 3) {
				json.append("{\"type\":\"quote\",\"text\":").append(quote(sentence(r, 15 + r.nextInt(20), true)))
					.append(",\"attribution\":").append(quote(AUTHORS[r.nextInt(AUTHORS.length)])).append('}');
			}
			else {
				int words = Math.max(30, wordsLeft / Math.max(1, paragraphsLeft));
				wordsLeft -= words;
				StringBuilder p = new StringBuilder();
				int w = 0;
				while (w < words) {
					int n = 8 + r.nextInt(14);
					p.append(p.isEmpty() ? "" : " ").append(sentence(r, n, true));
					w += n;
				}
				json.append("{\"type\":\"paragraph\",\"text\":").append(quote(p.toString())).append('}');
			}
			paragraphsLeft--;
		}
		return json.append("]}").toString();
	}

	static String sentence(Random r, int words, boolean period) {
		StringBuilder s = new StringBuilder();
		for (int i = 0; i < words; i++) {
			String w = WORDS[r.nextInt(WORDS.length)];
			if (i == 0) {
				w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
			}
			s.append(i == 0 ? "" : (r.nextInt(12) == 0 ? ", " : " ")).append(w);
		}
		return period ? s.append('.').toString() : s.toString();
	}

	static String quote(String s) {
		return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

	// ---- RS256 token, JDK only

	static String token(Path privatePem) throws Exception {
		String pem = Files.readString(privatePem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
		PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
		long now = System.currentTimeMillis() / 1000;
		String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
		String payload = b64("{\"iss\":\"http://localhost:8080/dev-issuer\",\"aud\":\"news-platform\",\"sub\":\"bench-editor\","
				+ "\"name\":\"Bench Editor\",\"roles\":[\"editor\"],\"iat\":" + now + ",\"exp\":" + (now + 4 * 3600) + "}");
		Signature signature = Signature.getInstance("SHA256withRSA");
		signature.initSign(key);
		signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
		return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
	}

	static String b64(String s) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
	}

}
