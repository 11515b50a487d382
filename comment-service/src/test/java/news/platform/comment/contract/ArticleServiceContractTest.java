package news.platform.comment.contract;

import java.time.Duration;
import java.util.List;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.annotations.PactDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import news.platform.autoconfigure.feed.FeedEvent;
import news.platform.autoconfigure.feed.FeedPage;
import news.platform.autoconfigure.feed.follow.HttpFeedSource;
import news.platform.comment.articlestate.ArticleStateClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What comment-service expects of article-service's internal API, as a consumer-driven contract:
 * the test runs comment-service's real clients against Pact's mock server (the shared
 * {@link HttpFeedSource} its feed follower reads with, and its own {@link ArticleStateClient}) and
 * writes the pact to
 * {@code contracts/} at the repository root, where article-service's build verifies it against
 * the real service ({@code ArticleServiceContractVerificationTest}). Only the fields the client
 * reads are pinned, so article-service stays free to add others.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "article-service", pactVersion = PactSpecVersion.V3)
@PactDirectory("../contracts")
class ArticleServiceContractTest {

	static {
		// Pact JVM reports usage to a third party unless told not to; a build sends nothing out
		System.setProperty("pact_do_not_track", "true");
	}

	static final String ISO_INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z";

	static final String BEARER = "Bearer [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+";

	static final String EXAMPLE_TOKEN = "Bearer eyJhbGciOiJSUzI1NiJ9.eyJyb2xlcyI6WyJzZXJ2aWNlIl19.c2lnbmF0dXJl";

	@Pact(consumer = "comment-service")
	RequestResponsePact feedAfterASeq(PactDslWithProvider builder) {
		PactDslJsonBody page = new PactDslJsonBody();
		page.minArrayLike("events", 1)
			.integerType("seq", 42L)
			.stringMatcher("type", "article\\.(published|updated|unpublished|deleted|comments-changed)",
					"article.published")
			.integerType("schemaVersion", 1)
			.stringMatcher("occurredAt", ISO_INSTANT, "2026-11-25T08:00:00.123Z")
			.stringType("articleId", "a1b2c3")
			.object("data")
			.stringMatcher("status", "DRAFT|IN_REVIEW|SCHEDULED|PUBLISHED|UNPUBLISHED|DELETED", "PUBLISHED")
			.stringType("section", "vijesti")
			.stringMatcher("publishedAt", ISO_INSTANT, "2026-11-25T08:00:00Z")
			.stringMatcher("firstPublishedAt", ISO_INSTANT, "2026-11-25T08:00:00Z")
			.booleanType("commentsOpen", true)
			.closeObject()
			.closeArray();
		page.integerType("next", 42L);
		return builder.given("an article was published")
			.uponReceiving("a page of feed events after a seq")
			.method("GET")
			.path("/internal/v1/articles/events")
			.query("limit=1")
			.queryParameterFromProviderState("after", "${after}", "41")
			.matchHeader("Authorization", BEARER, EXAMPLE_TOKEN)
			.willRespondWith()
			.status(200)
			.matchHeader("Content-Type", "application/json.*", "application/json")
			.body(page)
			.toPact();
	}

	/**
	 * Schema version 2 adds types a reader-facing consumer does not act on ({@code article.saved}
	 * for unpublished work, taxonomy events): the page still reads, and the event says enough (its
	 * type) to be skipped.
	 */
	@Pact(consumer = "comment-service")
	RequestResponsePact feedWithATypeTheConsumerSkips(PactDslWithProvider builder) {
		PactDslJsonBody page = new PactDslJsonBody();
		page.minArrayLike("events", 1)
			.integerType("seq", 43L)
			.stringMatcher("type", "article\\.saved", "article.saved")
			.integerType("schemaVersion", 2)
			.stringMatcher("occurredAt", ISO_INSTANT, "2026-11-25T08:05:00.123Z")
			.stringType("articleId", "d4e5f6")
			.object("data")
			.stringMatcher("status", "DRAFT|IN_REVIEW|SCHEDULED|UNPUBLISHED|DELETED", "DRAFT")
			.closeObject()
			.closeArray();
		page.integerType("next", 43L);
		return builder.given("a draft was saved")
			.uponReceiving("a page of feed events holding a type the consumer skips")
			.method("GET")
			.path("/internal/v1/articles/events")
			.query("limit=1")
			.queryParameterFromProviderState("after", "${after}", "42")
			.matchHeader("Authorization", BEARER, EXAMPLE_TOKEN)
			.willRespondWith()
			.status(200)
			.matchHeader("Content-Type", "application/json.*", "application/json")
			.body(page)
			.toPact();
	}

	@Pact(consumer = "comment-service")
	RequestResponsePact stateOfAPublishedArticle(PactDslWithProvider builder) {
		PactDslJsonBody request = new PactDslJsonBody();
		request.array("ids").valueFromProviderState("${articleId}", "a1b2c3").closeArray();
		PactDslJsonBody response = new PactDslJsonBody();
		response.minArrayLike("articles", 1)
			.valueFromProviderState("id", "${articleId}", "a1b2c3")
			.booleanValue("exists", true)
			.booleanValue("published", true)
			.booleanValue("commentsOpen", true)
			// the section picks the moderation policy and the auto-close delay
			.stringType("section", "vijesti")
			.stringMatcher("firstPublishedAt", "\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z", "2026-11-25T08:00:00Z")
			.closeArray();
		return builder.given("an article was published")
			.uponReceiving("the state of a published article")
			.method("POST")
			.path("/internal/v1/articles/state")
			.matchHeader("Authorization", BEARER, EXAMPLE_TOKEN)
			.matchHeader("Content-Type", "application/json.*", "application/json")
			.body(request)
			.willRespondWith()
			.status(200)
			.body(response)
			.toPact();
	}

	@Pact(consumer = "comment-service")
	RequestResponsePact stateOfAnUnknownArticle(PactDslWithProvider builder) {
		PactDslJsonBody request = new PactDslJsonBody();
		request.array("ids").stringValue("nema-takvog-clanka").closeArray();
		PactDslJsonBody response = new PactDslJsonBody();
		response.minArrayLike("articles", 1)
			.stringValue("id", "nema-takvog-clanka")
			.booleanValue("exists", false)
			.booleanValue("published", false)
			.booleanValue("commentsOpen", false)
			.closeArray();
		return builder.uponReceiving("the state of an article that does not exist")
			.method("POST")
			.path("/internal/v1/articles/state")
			.matchHeader("Authorization", BEARER, EXAMPLE_TOKEN)
			.matchHeader("Content-Type", "application/json.*", "application/json")
			.body(request)
			.willRespondWith()
			.status(200)
			.body(response)
			.toPact();
	}

	@Test
	@PactTestFor(pactMethod = "feedAfterASeq")
	void readsFeedEvents(MockServer server) {
		HttpFeedSource feed = new HttpFeedSource(server.getUrl(), "articles", "articleId", () -> EXAMPLE_TOKEN,
				Duration.ofSeconds(5));
		FeedPage page = feed.read(41, 1);
		assertThat(page.next()).isEqualTo(42);
		FeedEvent event = page.events().get(0);
		assertThat(event.seq()).isEqualTo(42);
		assertThat(event.type()).isEqualTo("article.published");
		assertThat(event.subjectId()).isEqualTo("a1b2c3");
		assertThat(event.occurredAt()).isNotNull();
		assertThat(event.data().string("status")).isEqualTo("PUBLISHED");
		assertThat(event.data().string("section")).isEqualTo("vijesti");
		assertThat(event.data().bool("commentsOpen")).isTrue();
		assertThat(event.data().instant("firstPublishedAt")).isNotNull();
		assertThat(event.data().instant("publishedAt")).isNotNull();
	}

	@Test
	@PactTestFor(pactMethod = "feedWithATypeTheConsumerSkips")
	void readsAPageWithATypeItSkips(MockServer server) {
		HttpFeedSource feed = new HttpFeedSource(server.getUrl(), "articles", "articleId", () -> EXAMPLE_TOKEN,
				Duration.ofSeconds(5));
		FeedPage page = feed.read(42, 1);
		assertThat(page.next()).isEqualTo(43);
		FeedEvent event = page.events().get(0);
		// the shared follower hands it on; comment-service's handler acts on reader events only
		assertThat(event.type()).isEqualTo("article.saved");
		assertThat(event.schemaVersion()).isEqualTo(2);
		assertThat(event.subjectId()).isEqualTo("d4e5f6");
		assertThat(event.data().string("status")).isEqualTo("DRAFT");
	}

	@Test
	@PactTestFor(pactMethod = "stateOfAPublishedArticle")
	void readsTheStateOfAPublishedArticle(MockServer server) {
		List<ArticleStateClient.StateAnswer> answers = client(server).state(List.of("a1b2c3"));
		assertThat(answers).hasSize(1);
		assertThat(answers.get(0).exists()).isTrue();
		assertThat(answers.get(0).published()).isTrue();
		assertThat(answers.get(0).commentsOpen()).isTrue();
		assertThat(answers.get(0).section()).isEqualTo("vijesti");
		assertThat(answers.get(0).firstPublishedAt()).isNotNull();
	}

	@Test
	@PactTestFor(pactMethod = "stateOfAnUnknownArticle")
	void readsTheStateOfAnUnknownArticle(MockServer server) {
		List<ArticleStateClient.StateAnswer> answers = client(server).state(List.of("nema-takvog-clanka"));
		assertThat(answers.get(0).exists()).isFalse();
	}

	private static ArticleStateClient client(MockServer server) {
		return new ArticleStateClient(server.getUrl(), () -> EXAMPLE_TOKEN, Duration.ofSeconds(5));
	}

}
