package news.platform.media.cleanup;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;

import news.platform.media.MediaApi;
import news.platform.media.TestImages;
import news.platform.media.original.Originals;
import news.platform.media.usage.ArticleServiceStub;
import news.platform.media.usage.ArticleServiceStub.References;
import news.platform.testsupport.ServiceIntegrationTest;

import static news.platform.media.MediaApi.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The clean-up job against a stub of article-service: it deletes an item no article has named for
 * the configured time (with its original and renditions) only after article-service said nothing
 * names it, keeps what article-service names, and deletes nothing at all when article-service
 * cannot answer (down, slow, a 404 for the endpoint, the breaker open).
 */
@ServiceIntegrationTest
class MediaCleanupTest {

	@LocalServerPort
	int port;

	@Autowired
	MediaCleanup cleanup;

	@Autowired
	Originals originals;

	@Autowired
	MongoDatabase database;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Resilience4JCircuitBreakerFactory breakers;

	MediaApi api;

	ArticleServiceStub articles = ArticleServiceStub.get();

	/** Past the configured 90 days: every unused item is a candidate. */
	Instant later = Instant.now().plus(91, ChronoUnit.DAYS);

	@BeforeEach
	void setUp() {
		this.api = new MediaApi(this.port);
		this.articles.references(References.ANSWER);
	}

	@AfterEach
	void answerAgain() {
		this.articles.references(References.ANSWER);
		this.breakers.getCircuitBreakerRegistry().circuitBreaker(MediaCleanup.BREAKER).reset();
	}

	@Test
	void deletesWhatNobodyNamesAndKeepsTheRest() {
		JsonNode unused = upload();
		JsonNode named = upload();
		JsonNode inDraft = upload();
		String unusedId = unused.path("id").asString();
		String namedId = named.path("id").asString();
		String draftId = inDraft.path("id").asString();
		// a rendition of the unused one is stored
		assertThat(this.api.get(unused.path("renditions").path("thumb").asString()).status()).isEqualTo(200);
		assertThat(renditionsOf(unused.path("hash").asString())).isPositive();
		this.articles.saved("cleanup-" + draftId, "DRAFT", draftId, List.of(draftId));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.api
			.get("/api/v1/media/" + draftId + "/usage", "Authorization", "Bearer " + EDITOR)
			.json()
			.path("articles")
			.size()).isEqualTo(1));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(this.database.getCollection("media_items")
			.find(Filters.eq("_id", draftId))
			.first()
			.getInteger("usageCount")).isEqualTo(1));
		this.articles.unreferenced(List.of(unusedId));
		double reclaimedBefore = reclaimed();
		int questionsBefore = this.articles.referenceQuestions().size();

		MediaCleanup.Report report = this.cleanup.run(this.later);

		assertThat(report.outcome()).isEqualTo("completed");
		assertThat(report.deleted()).contains(unusedId).doesNotContain(namedId, draftId);
		assertThat(report.kept()).contains(namedId).doesNotContain(unusedId, draftId);
		List<String> asked = this.articles.referenceQuestions()
			.subList(questionsBefore, this.articles.referenceQuestions().size())
			.stream()
			.flatMap(List::stream)
			.toList();
		assertThat(asked).as("asked before each delete; a used item is not even a candidate")
			.contains(unusedId, namedId)
			.doesNotContain(draftId);

		assertThat(this.api.get("/api/v1/media/" + unusedId).status()).isEqualTo(404);
		assertThat(this.originals.find(unused.path("hash").asString())).isNull();
		assertThat(renditionsOf(unused.path("hash").asString())).isZero();
		assertThat(this.api.get("/api/v1/media/" + namedId).status()).isEqualTo(200);
		assertThat(this.api.get("/api/v1/media/" + draftId).status()).isEqualTo(200);
		assertThat(reclaimed() - reclaimedBefore).isGreaterThanOrEqualTo(unused.path("byteSize").asLong());
		assertThat(report.reclaimedBytes()).isGreaterThan(unused.path("byteSize").asLong());

		// what article-service named waits another full period before it is asked about again
		MediaCleanup.Report next = this.cleanup.run(this.later);
		assertThat(next.kept()).doesNotContain(namedId);
	}

	@Test
	void aMissingEndpointDeletesNothing() {
		String id = upload().path("id").asString();
		this.articles.unreferenced(List.of(id));
		this.articles.references(References.MISSING);
		MediaCleanup.Report report = this.cleanup.run(this.later);
		assertThat(report.outcome()).isEqualTo("endpoint-missing");
		assertThat(report.deleted()).isEmpty();
		assertThat(this.api.get("/api/v1/media/" + id).status()).isEqualTo(200);
	}

	@Test
	void anArticleServiceThatFailsOrHangsDeletesNothing() {
		String id = upload().path("id").asString();
		this.articles.unreferenced(List.of(id));
		this.articles.references(References.FAILING);
		assertThat(this.cleanup.run(this.later).outcome()).isEqualTo("article-service-unavailable");
		this.articles.references(References.HANGING);
		long started = System.nanoTime();
		MediaCleanup.Report hung = this.cleanup.run(this.later);
		assertThat(hung.outcome()).isEqualTo("article-service-unavailable");
		assertThat(hung.deleted()).isEmpty();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the call's time limit, not the stub's 5 s")
			.isLessThan(Duration.ofSeconds(4));
		assertThat(this.api.get("/api/v1/media/" + id).status()).isEqualTo(200);
	}

	@Test
	void whileTheBreakerIsOpenArticleServiceIsNotAskedAndNothingIsDeleted() {
		String id = upload().path("id").asString();
		this.articles.unreferenced(List.of(id));
		this.articles.references(References.FAILING);
		for (int i = 0; i < 3; i++) {
			this.cleanup.run(this.later);
		}
		this.articles.references(References.ANSWER);
		int questions = this.articles.referenceQuestions().size();
		MediaCleanup.Report report = this.cleanup.run(this.later);
		assertThat(report.outcome()).isEqualTo("article-service-unavailable");
		assertThat(this.articles.referenceQuestions()).hasSize(questions);
		assertThat(this.api.get("/api/v1/media/" + id).status()).isEqualTo(200);
		// closed again: the answer counts
		this.breakers.getCircuitBreakerRegistry().circuitBreaker(MediaCleanup.BREAKER).reset();
		assertThat(this.cleanup.run(this.later).deleted()).contains(id);
	}

	@Test
	void aDeletedItemsTombstoneGoesWithItsOriginalAfterTheGrace() {
		JsonNode item = upload();
		String id = item.path("id").asString();
		String hash = item.path("hash").asString();
		MediaApi.Response deleted = this.api.send("DELETE", "/api/v1/media/" + id, HttpRequest.BodyPublishers.noBody(),
				"Authorization", "Bearer " + EDITOR);
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(this.originals.find(hash)).as("a manual delete leaves the original").isNotNull();
		// once the relay has moved the tombstone's event into the feed, the tombstone can go
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			this.cleanup.run(this.later);
			assertThat(this.database.getCollection("media_items").find(Filters.eq("_id", id)).first()).isNull();
		});
		assertThat(this.originals.find(hash)).isNull();
	}

	private JsonNode upload() {
		// bytes of its own: an original no other item shares
		return this.api.uploaded(TestImages.jpeg(TestImages.picture(64, 48, ThreadLocalRandom.current().nextLong())));
	}

	private long renditionsOf(String hash) {
		return this.database.getCollection("renditions").countDocuments(Filters.regex("_id", "^r1:" + hash + ":"));
	}

	private double reclaimed() {
		return this.meters.get("media.cleanup.reclaimed").counter().count();
	}

}
