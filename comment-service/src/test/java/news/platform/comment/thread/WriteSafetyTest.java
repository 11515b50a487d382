package news.platform.comment.thread;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.comment.ArticleServiceStub;
import news.platform.comment.CommentApi;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class WriteSafetyTest {

	@LocalServerPort
	int port;

	CommentApi api;

	ArticleServiceStub articles = ArticleServiceStub.get();

	@BeforeEach
	void setUp() {
		this.api = new CommentApi(this.port);
	}

	@Test
	void postingFasterThanTheLimitAnswers429WithRetryAfter() {
		String article = this.articles.publish("vijesti");
		String reader = CommentApi.reader();
		for (int i = 0; i < 5; i++) {
			assertThat(this.api.post(reader, article, "Komentar " + i, null).status()).isEqualTo(201);
		}
		Http.Response limited = this.api.post(reader, article, "Jedan previše", null);
		assertThat(limited.status()).as(limited.body()).isEqualTo(429);
		assertThat(limited.contentType()).startsWith("application/problem+json");
		assertThat(limited.json().path("type").asString()).isEqualTo("/problems/rate-limited");
		assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
		assertThat(this.api.thread(article, null).path("count").asLong()).isEqualTo(5);
		// another reader is not affected
		assertThat(this.api.post(CommentApi.reader(), article, "Drugi čitatelj", null).status()).isEqualTo(201);
	}

	@Test
	void aRetryWithTheSameIdempotencyKeyReturnsTheSameComment() {
		String article = this.articles.publish("vijesti");
		String reader = CommentApi.reader();
		Http.Response first = this.api.post(reader, article, "Samo jednom", null, "Idempotency-Key", "key-1");
		Http.Response retry = this.api.post(reader, article, "Samo jednom", null, "Idempotency-Key", "key-1");
		assertThat(first.status()).isEqualTo(201);
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retry.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
		assertThat(retry.header("Location")).isEqualTo(first.header("Location"));

		Http.Response reused = this.api.post(reader, article, "Nešto drugo", null, "Idempotency-Key", "key-1");
		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.json().path("type").asString()).isEqualTo("/problems/idempotency-key-reused");

		// the key is the poster's own: another reader's same key is another comment
		Http.Response other = this.api.post(CommentApi.reader(), article, "Samo jednom", null, "Idempotency-Key", "key-1");
		assertThat(other.json().path("id").asString()).isNotEqualTo(first.json().path("id").asString());
		assertThat(this.api.thread(article, null).path("count").asLong()).isEqualTo(2);
	}

	@Test
	void concurrentRetriesStoreOneComment() throws Exception {
		String article = this.articles.publish("vijesti");
		String reader = CommentApi.reader();
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Callable<Http.Response>> calls = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				calls.add(() -> this.api.post(reader, article, "Mreža je spora", null, "Idempotency-Key", "retry-storm"));
			}
			Set<String> ids = new HashSet<>();
			for (Future<Http.Response> result : pool.invokeAll(calls)) {
				Http.Response response = result.get();
				assertThat(response.status()).as(response.body()).isEqualTo(201);
				ids.add(response.json().path("id").asString());
			}
			assertThat(ids).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.api.thread(article, null).path("count").asLong()).isEqualTo(1);
	}

	@Test
	void anEditAtAStaleVersionIsRefusedWith409() {
		String article = this.articles.publish("vijesti");
		String author = CommentApi.reader();
		JsonNode posted = this.api.post(author, article, "Prva verzija", null).json();
		String id = posted.path("id").asString();
		long version = posted.path("version").asLong();

		Http.Response edited = this.api.send("PATCH", author, "/api/v1/comments/" + id,
				"{\"text\": \"Druga verzija\", \"version\": " + version + "}");
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		assertThat(edited.json().path("edited").asBoolean()).isTrue();
		assertThat(edited.json().path("version").asLong()).isEqualTo(version + 1);

		Http.Response stale = this.api.send("PATCH", author, "/api/v1/comments/" + id,
				"{\"text\": \"Treća verzija\", \"version\": " + version + "}");
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().path("type").asString()).isEqualTo("/problems/version-conflict");
		assertThat(this.api.send("PATCH", CommentApi.reader(), "/api/v1/comments/" + id,
				"{\"text\": \"Tuđi\", \"version\": " + (version + 1) + "}").status()).isEqualTo(403);
		assertThat(this.api.send("PATCH", author, "/api/v1/comments/" + id, "{\"text\": \"Bez verzije\"}").status())
			.isEqualTo(422);

		JsonNode shown = this.api.thread(article, null).path("comments").get(0);
		assertThat(shown.path("text").asString()).isEqualTo("Druga verzija");
		assertThat(shown.path("edited").asBoolean()).isTrue();
		assertThat(shown.path("editedAt").asString()).endsWith("Z");
	}

	@Test
	void editsCloseWithTheEditWindow() throws Exception {
		String article = this.articles.publish("vijesti");
		String author = CommentApi.reader();
		JsonNode posted = this.api.post(author, article, "Napisano na brzinu", null).json();
		String path = "/api/v1/comments/" + posted.path("id").asString();
		try (AutoCloseable later = news.platform.comment.TestClock.INSTANCE.advance(Duration.ofMinutes(16))) {
			Http.Response late = this.api.send("PATCH", author, path,
					"{\"text\": \"Prekasno\", \"version\": " + posted.path("version").asLong() + "}");
			assertThat(late.status()).isEqualTo(409);
			assertThat(late.json().path("type").asString()).isEqualTo("/problems/edit-window-closed");
		}
		assertThat(this.api.send("PATCH", author, path,
				"{\"text\": \"Na vrijeme\", \"version\": " + posted.path("version").asLong() + "}").status())
			.isEqualTo(200);
	}

	@Test
	void twoModeratorsActingOnOneCommentOneWinsTheOtherGets409() throws Exception {
		String article = this.articles.publish("politika");
		JsonNode pending = this.api.posted(article, "Čeka moderatora", null);
		assertThat(pending.path("status").asString()).isEqualTo("pending");
		String id = pending.path("id").asString();
		long version = pending.path("version").asLong();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Http.Response> approve = pool
				.submit(() -> this.api.moderate(CommentApi.MODERATOR, id, "approve", version, null));
			Future<Http.Response> reject = pool
				.submit(() -> this.api.moderate(CommentApi.MODERATOR_2, id, "reject", version, "spam"));
			List<Integer> statuses = List.of(approve.get().status(), reject.get().status());
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
			Http.Response loser = approve.get().status() == 409 ? approve.get() : reject.get();
			assertThat(loser.json().path("type").asString()).isEqualTo("/problems/version-conflict");
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.api.asModerator(id).path("version").asLong()).isEqualTo(version + 1);
	}

}
