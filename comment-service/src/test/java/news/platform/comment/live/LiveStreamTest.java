package news.platform.comment.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.comment.ArticleServiceStub;
import news.platform.comment.CommentApi;
import news.platform.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class LiveStreamTest {

	@LocalServerPort
	int port;

	@Autowired
	LiveStream stream;

	CommentApi api;

	ArticleServiceStub articles = ArticleServiceStub.get();

	@BeforeEach
	void setUp() {
		this.api = new CommentApi(this.port);
	}

	/** Through a proxy that asks for gzip (as the gateway may), events still arrive one by one. */
	@Test
	void eventsArriveAlsoWhenTheClientAcceptsGzip() throws Exception {
		String article = this.articles.publish("vijesti");
		List<String> lines = new CopyOnWriteArrayList<>();
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		CompletableFuture<HttpResponse<java.io.InputStream>> response = client.sendAsync(
				HttpRequest.newBuilder(URI.create(this.api.url("/api/v1/comments/articles/" + article + "/stream")))
					.header("Accept", "text/event-stream")
					.header("Accept-Encoding", "gzip")
					.build(),
				HttpResponse.BodyHandlers.ofInputStream());
		try {
			HttpResponse<java.io.InputStream> stream = response.join();
			boolean gzipped = stream.headers().firstValue("Content-Encoding").orElse("").contains("gzip");
			assertThat(gzipped).as("the live stream is never compressed (gzip held events back)").isFalse();
			CompletableFuture.runAsync(() -> {
				try (java.io.InputStream raw = gzipped ? new java.util.zip.GZIPInputStream(stream.body(), 64)
						: stream.body();
						java.io.BufferedReader reader = new java.io.BufferedReader(
								new java.io.InputStreamReader(raw, java.nio.charset.StandardCharsets.UTF_8))) {
					String line;
					while ((line = reader.readLine()) != null) {
						lines.add(line);
					}
				}
				catch (java.io.IOException ex) {
					// the stream is cancelled at the end of the test
				}
			});
			await().atMost(Duration.ofSeconds(5)).until(() -> this.stream.subscribers(article) == 1);
			String id = this.api.posted(article, "Komprimirano uživo", null).path("id").asString();
			await().atMost(Duration.ofSeconds(3)).until(() -> lines.contains("id:" + id));
			System.out.println("SSE with Accept-Encoding gzip: Content-Encoding " + (gzipped ? "gzip" : "none"));
		}
		finally {
			response.cancel(true);
		}
	}

	@Test
	void aNewlyVisibleCommentReachesASubscriberWithinASecond() {
		String article = this.articles.publish("politika");
		List<String> lines = new CopyOnWriteArrayList<>();
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		CompletableFuture<HttpResponse<Stream<String>>> response = client.sendAsync(
				HttpRequest.newBuilder(URI.create(this.api.url("/api/v1/comments/articles/" + article + "/stream")))
					.header("Accept", "text/event-stream")
					.build(),
				HttpResponse.BodyHandlers.ofLines());
		try {
			HttpResponse<Stream<String>> stream = response.join();
			assertThat(stream.statusCode()).isEqualTo(200);
			assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
			CompletableFuture.runAsync(() -> stream.body().forEach(lines::add));
			await().atMost(Duration.ofSeconds(5)).until(() -> this.stream.subscribers(article) == 1);

			// pre-moderated: nothing is sent while the comment waits
			JsonNode pending = this.api.posted(article, "Uživo, ali na čekanju", null);
			String id = pending.path("id").asString();
			long approvedAt = System.nanoTime();
			assertThat(this.api.moderate(CommentApi.MODERATOR, id, "approve", pending.path("version").asLong(), null)
				.status()).isEqualTo(200);
			// the goal is 1 s; the bound is generous so a loaded machine does not fail the build
			await().atMost(Duration.ofSeconds(3)).until(() -> lines.stream().anyMatch(line -> line.equals("id:" + id)));
			long elapsedMillis = (System.nanoTime() - approvedAt) / 1_000_000;
			assertThat(lines).contains("event:comment");
			assertThat(lines.stream().filter(line -> line.startsWith("data:")).anyMatch(line -> line.contains(id)
					&& line.contains("Uživo, ali na čekanju"))).isTrue();
			assertThat(lines.stream().filter(line -> line.startsWith("id:")).toList()).containsExactly("id:" + id);
			System.out.println("SSE delivery after approval: " + elapsedMillis + " ms");
		}
		finally {
			response.cancel(true);
		}
	}

}
