package news.platform.comment;

import org.junit.jupiter.api.Test;

import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceFoundationContract;
import news.platform.testsupport.ServiceIntegrationTest;

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
				"feed_consumer_lag_seconds{", "consumer=\"comment-service\"", "feed_consumer_events_total{");
	}

	@Test
	void openApiDocumentListsTheCommentEndpoints() {
		Http.Response docs = Http.get(api("/v3/api-docs"));
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/v1/comments/articles/{articleId}", "/api/v1/comments/counts",
				"/api/v1/comments/moderation/queue", "/api/v1/comments/articles/{articleId}/stream",
				"/problems/comments-closed", "application/problem+json");
	}

}
