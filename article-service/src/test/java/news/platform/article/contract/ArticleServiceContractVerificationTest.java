package news.platform.article.contract;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import au.com.dius.pact.provider.junit5.HttpTestTarget;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junit5.PactVerificationInvocationContextProvider;
import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.State;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;
import org.apache.hc.core5.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.article.ArticleApi;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;

import static org.awaitility.Awaitility.await;

/**
 * Verifies the consumer contracts other services committed under {@code contracts/} (today
 * comment-service's pact for the event feed and the state endpoint) against this service, running
 * as in every other integration test. A change that breaks what a consumer reads fails this build.
 */
@ServiceIntegrationTest
@Provider("article-service")
@PactFolder("../contracts")
class ArticleServiceContractVerificationTest {

	static {
		// Pact JVM reports usage to a third party unless told not to; a build sends nothing out
		System.setProperty("pact_do_not_track", "true");
	}

	@LocalServerPort
	int port;

	@BeforeEach
	void target(PactVerificationContext context) {
		context.setTarget(new HttpTestTarget("localhost", this.port));
	}

	@TestTemplate
	@ExtendWith(PactVerificationInvocationContextProvider.class)
	void honoursTheConsumerContract(PactVerificationContext context, HttpRequest request) {
		// the pact carries an example token; the real service wants a valid service token
		request.setHeader("Authorization", Http.bearer(ArticleApi.SERVICE));
		context.verifyInteraction();
	}

	/**
	 * Publishes an article through the API and answers where its {@code article.published} event
	 * sits in the feed (its draft's {@code article.saved} events come before it).
	 */
	@State("an article was published")
	Map<String, Object> anArticleWasPublished() {
		ArticleApi api = new ArticleApi(this.port);
		String id = api.published(ArticleApi.unique("Ugovor s komentarima")).path("id").asString();
		long seq = awaitSeq(api, id, "article.published");
		return Map.of("after", String.valueOf(seq - 1), "articleId", id);
	}

	/**
	 * Saves a draft through the API and answers where its {@code article.saved} event sits: a type of
	 * schema version 2 that a reader-facing consumer skips.
	 */
	@State("a draft was saved")
	Map<String, Object> aDraftWasSaved() {
		ArticleApi api = new ArticleApi(this.port);
		String id = api.draft(ArticleApi.EDITOR, ArticleApi.unique("Ugovor s nacrtom")).path("id").asString();
		long seq = awaitSeq(api, id, "article.saved");
		return Map.of("after", String.valueOf(seq - 1), "articleId", id);
	}

	private static long awaitSeq(ArticleApi api, String articleId, String type) {
		AtomicLong seq = new AtomicLong();
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			long found = seqOf(api, articleId, type);
			seq.set(found);
			return found > 0;
		});
		return seq.get();
	}

	private static long seqOf(ArticleApi api, String articleId, String type) {
		long after = 0;
		while (true) {
			JsonNode page = Http.get(api.url("/internal/v1/articles/events?after=" + after + "&limit=500"),
					"Authorization", Http.bearer(ArticleApi.SERVICE))
				.json();
			for (JsonNode event : page.path("events")) {
				if (event.path("articleId").asString().equals(articleId) && event.path("type").asString().equals(type)) {
					return event.path("seq").asLong();
				}
			}
			if (page.path("events").isEmpty()) {
				return 0;
			}
			after = page.path("next").asLong();
		}
	}

}
