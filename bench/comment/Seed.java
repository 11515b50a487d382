import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;

/**
 * comment-service benchmark helper (run by run.sh with the MongoDB driver from the service's jar on
 * the class path):
 *
 * <pre>
 * seed &lt;mongo-uri&gt; &lt;hot-comments&gt; &lt;articles&gt;   bulk-writes the data set straight into the service's database
 * cursor &lt;base&gt; &lt;article&gt; &lt;page&gt;               follows cursors and prints the cursor that opens that page
 * sse &lt;base&gt; &lt;token-file&gt; &lt;article&gt; &lt;n&gt;        n times: post (with the file's first token), and time until the comment arrives on the stream
 * </pre>
 *
 * The data set: article {@code bench-hot} with hot-comments comments (half top-level, half replies
 * nested up to 3 levels, reactions spread so "most reacted" differs from "newest"), and
 * {@code bench-a0000…} articles with 0–5 comments each; their counters; every article published and
 * open in the article-state projection (the benchmark runs without article-service).
 */
public class Seed {

	static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

	static final Random RANDOM = new Random(42);

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "seed" -> seed(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
			case "cursor" -> System.out.println(cursor(args[1], args[2], Integer.parseInt(args[3])));
			case "sse" -> sse(args[1], Path.of(args[2]), args[3], Integer.parseInt(args[4]));
			default -> throw new IllegalArgumentException(args[0]);
		}
	}

	static void seed(String uri, int hot, int articles) {
		long started = System.nanoTime();
		try (MongoClient client = MongoClients.create(uri)) {
			MongoDatabase db = client.getDatabase("comments");
			MongoCollection<Document> comments = db.getCollection("comments");
			Instant now = Instant.now();
			List<Document> states = new ArrayList<>();
			List<Document> counts = new ArrayList<>();
			states.add(state("bench-hot", now));
			counts.add(new Document("_id", "bench-hot").append("visible", (long) hot).append("stored", (long) hot));
			// the hot article: half top-level, then replies to earlier comments (depth at most 3)
			List<Document> batch = new ArrayList<>();
			List<Document> all = new ArrayList<>();
			Instant start = now.minus(Duration.ofDays(2));
			int top = hot / 2;
			for (int i = 0; i < hot; i++) {
				Instant at = start.plusMillis(i * 10L);
				Document comment;
				if (i < top) {
					comment = comment("bench-hot", null, null, 0, at, i);
				}
				else {
					Document parent = all.get(RANDOM.nextInt(all.size()));
					int depth = parent.getInteger("depth");
					String parentId = depth >= 3 ? parent.getString("parentId") : parent.getString("_id");
					comment = comment("bench-hot", parentId, parent.getString("_id"), Math.min(3, depth + 1), at, i);
				}
				all.add(comment);
				batch.add(comment);
				if (batch.size() == 1000) {
					comments.insertMany(batch, new InsertManyOptions().ordered(false));
					batch.clear();
				}
			}
			int small = 0;
			for (int a = 0; a < articles; a++) {
				String id = String.format("bench-a%04d", a);
				states.add(state(id, now));
				int n = a % 6;
				for (int i = 0; i < n; i++) {
					batch.add(comment(id, null, null, 0, start.plusMillis(a * 100L + i), i));
					small++;
				}
				counts.add(new Document("_id", id).append("visible", (long) n).append("stored", (long) n));
				if (batch.size() >= 1000) {
					comments.insertMany(batch, new InsertManyOptions().ordered(false));
					batch.clear();
				}
			}
			if (!batch.isEmpty()) {
				comments.insertMany(batch, new InsertManyOptions().ordered(false));
			}
			db.getCollection("article_states").insertMany(states, new InsertManyOptions().ordered(false));
			db.getCollection("comment_counts").insertMany(counts, new InsertManyOptions().ordered(false));
			System.out.printf("seeded %d comments on bench-hot, %d on %d articles (bulk writes, %.1f s)%n", hot, small,
					articles, (System.nanoTime() - started) / 1e9);
		}
	}

	static Document state(String id, Instant now) {
		return new Document("_id", id).append("exists", true)
			.append("published", true)
			.append("commentsOpen", true)
			.append("commentsCloseAt", null)
			.append("section", "vijesti")
			.append("firstPublishedAt", Date.from(now))
			.append("seq", 1L)
			.append("source", "bench")
			.append("updatedAt", Date.from(now));
	}

	static Document comment(String article, String parentId, String inReplyTo, int depth, Instant at, int i) {
		long likes = RANDOM.nextInt(10) == 0 ? RANDOM.nextInt(200) : RANDOM.nextInt(5);
		return new Document("_id", id()).append("articleId", article)
			.append("parentId", parentId)
			.append("inReplyTo", inReplyTo)
			.append("depth", depth)
			.append("authorId", "bench-user-" + RANDOM.nextInt(2000))
			.append("authorName", "Čitatelj " + RANDOM.nextInt(2000))
			.append("text", "Komentar broj " + i + ": slažem se s autorom, ali ne sasvim; evo zašto mislim drugačije o tome.")
			.append("status", "VISIBLE")
			.append("createdAt", Date.from(at))
			.append("editedAt", null)
			.append("version", 1L)
			.append("rev", 1L)
			.append("reactions", new Document("like", likes))
			.append("reactionCount", likes)
			.append("reportCount", 0)
			.append("flags", List.of())
			.append("rejectReason", null)
			.append("requestHash", null)
			.append("history", List.of());
	}

	static String id() {
		char[] id = new char[26];
		id[0] = 'c';
		for (int i = 1; i < 26; i++) {
			id[i] = BASE32[RANDOM.nextInt(32)];
		}
		return new String(id);
	}

	static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	static final Pattern NEXT = Pattern.compile("\"next\":\"([^\"]+)\"");

	static String cursor(String base, String article, int page) throws Exception {
		String cursor = null;
		for (int p = 1; p < page; p++) {
			String url = base + "/api/v1/comments/articles/" + article + "?limit=20"
					+ (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
			String body = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
				.body();
			Matcher matcher = NEXT.matcher(body);
			if (!matcher.find()) {
				throw new IllegalStateException("no page " + (p + 1) + " (thread too short)");
			}
			cursor = matcher.group(1);
		}
		return cursor;
	}

	/** Posts n comments and times each until its "id:" line arrives on the article's stream. */
	static void sse(String base, Path tokenFile, String article, int n) throws Exception {
		// a reader's access token from identity (run.sh signs the bench's readers in with tools/tokens)
		String token = Files.readAllLines(tokenFile).stream().filter(line -> !line.isBlank()).findFirst()
			.orElseThrow(() -> new IllegalStateException("no token in " + tokenFile)).strip();
		HttpResponse<java.util.stream.Stream<String>> stream = HTTP.send(
				HttpRequest.newBuilder(URI.create(base + "/api/v1/comments/articles/" + article + "/stream"))
					.header("Accept", "text/event-stream")
					.build(),
				HttpResponse.BodyHandlers.ofLines());
		java.util.concurrent.BlockingQueue<String> ids = new java.util.concurrent.LinkedBlockingQueue<>();
		CompletableFuture.runAsync(() -> stream.body().forEach(line -> {
			if (line.startsWith("id:")) {
				ids.add(line.substring(3).trim());
			}
		}));
		Thread.sleep(300);
		long[] millis = new long[n];
		for (int i = 0; i < n; i++) {
			long sent = System.nanoTime();
			String body = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/comments/articles/" + article))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"SSE mjerenje " + i + " " + System.nanoTime() + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString()).body();
			Matcher matcher = Pattern.compile("\"id\":\"(c[a-z2-7]{25})\"").matcher(body);
			if (!matcher.find()) {
				throw new IllegalStateException("post failed: " + body);
			}
			String id = matcher.group(1);
			while (true) {
				String arrived = ids.poll(5, TimeUnit.SECONDS);
				if (arrived == null) {
					throw new IllegalStateException("comment " + id + " did not arrive within 5 s");
				}
				if (arrived.equals(id)) {
					break;
				}
			}
			millis[i] = (System.nanoTime() - sent) / 1_000_000;
		}
		Arrays.sort(millis);
		System.out.printf("SSE post-to-delivery over %d comments: p50 %d ms, max %d ms%n", n, millis[n / 2], millis[n - 1]);
		System.exit(0);
	}

}
