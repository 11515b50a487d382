package news.platform.comment;

import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceFoundationContract;
import news.platform.testsupport.ServiceIntegrationTest;
import news.platform.testsupport.problems.ProblemCatalogueCheck;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class CommentServiceFoundationTest extends ServiceFoundationContract {

	@Override
	protected String pathThatReadsMongoDb() {
		// a well-formed id of no comment: looked up by _id
		return "/api/v1/comments/caaaaaaaaaaaaaaaaaaaaaaaaa";
	}

	@Test
	void everyAgreedMetricExistsBeforeAnyTraffic() {
		String metrics = Http.get(management("/actuator/prometheus")).body();
		assertThat(metrics).contains("comments_moderation_pending", "comments_moderation_oldest_age_seconds",
				"comments_moderation_actions_total{action=\"approve\"", "comments_moderation_actions_total{action=\"ban\"",
				"comments_posted_total{", "outcome=\"visible\"", "outcome=\"rate_limited\"",
				"comments_moderation_settings_revision");
		// the shared feed follower's meters, under the consumer name dashboards and alerts read
		assertThat(Arrays.stream(metrics.split("\n")).filter(line -> line.startsWith("feed_consumer_")))
			.anySatisfy(line -> assertThat(line).startsWith("feed_consumer_lag_seconds{")
				.contains("consumer=\"comment-service\"", "feed=\"articles\""))
			.anySatisfy(line -> assertThat(line).startsWith("feed_consumer_events_total{")
				.contains("consumer=\"comment-service\"", "feed=\"articles\""));
	}

	@Test
	void openApiDocumentListsTheCommentEndpoints() {
		Http.Response docs = Http.get(api("/v3/api-docs"));
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/v1/comments/articles/{articleId}", "/api/v1/comments/counts",
				"/api/v1/comments/moderation/queue", "/api/v1/comments/articles/{articleId}/stream",
				"/problems/comments-closed", "application/problem+json");
	}

	@Test
	void theReadmeAndTheOpenApiDocumentNameTheProblemTypesOfTheCatalogue() {
		Http.Response docs = Http.get(api("/v3/api-docs"));
		assertThat(docs.status()).isEqualTo(200);
		ProblemCatalogueCheck.verify("news.platform.comment", Path.of("README.md"), docs.body(), true);
	}

}
