package news.platform.article.workflow;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.article.ArticleApi;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;

import static news.platform.article.ArticleApi.EDITOR;
import static news.platform.article.ArticleApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class WorkflowTest {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	ArticleApi api;

	@BeforeEach
	void setUp() {
		this.api = new ArticleApi(this.port);
	}

	@Test
	void draftToReviewToPublishedToUnpublished() {
		String id = this.api.draft(EDITOR, unique("Tijek")).path("id").asString();
		assertThat(this.api.action(EDITOR, id, "submit", null).json().path("status").asString())
			.isEqualTo("IN_REVIEW");
		JsonNode published = this.api.action(EDITOR, id, "publish", null).json();
		assertThat(published.path("status").asString()).isEqualTo("PUBLISHED");
		assertThat(published.path("firstPublishedAt").asString()).isEqualTo(published.path("publishedAt").asString());
		assertThat(this.api.get("/api/v1/articles/" + id).status()).isEqualTo(200);
		assertThat(this.api.action(EDITOR, id, "unpublish", null).json().path("status").asString())
			.isEqualTo("UNPUBLISHED");
		assertThat(this.api.get("/api/v1/articles/" + id).status()).isEqualTo(404);
	}

	@Test
	void publishingAndSchedulingShowInTheOperatorsMetrics() {
		double publishedBefore = metric("articles_published_total");
		String id = this.api.draft(EDITOR, unique("Brojač")).path("id").asString();
		this.api.action(EDITOR, id, "publish", null);
		assertThat(metric("articles_published_total")).isEqualTo(publishedBefore + 1);

		String later = this.api.draft(EDITOR, unique("Zakazano")).path("id").asString();
		String at = OffsetDateTime.now(ZoneOffset.ofHours(1)).plusDays(2).toString();
		this.api.action(EDITOR, later, "schedule", "{\"at\":\"" + at + "\"}");
		assertThat(metric("articles_scheduled_backlog")).isGreaterThanOrEqualTo(1);
	}

	private double metric(String name) {
		String body = Http.get("http://localhost:" + this.managementPort + "/actuator/prometheus").body();
		return body.lines()
			.filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElseThrow(() -> new AssertionError(name + " is not exported"));
	}

	@Test
	void anIllegalTransitionNamesTheStatusAndWhatIsAllowed() {
		String id = this.api.draft(EDITOR, unique("Nedopušteno")).path("id").asString();
		Http.Response response = this.api.action(EDITOR, id, "unpublish", null);
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.path("type").asString()).isEqualTo("/problems/illegal-transition");
		assertThat(problem.path("detail").asString()).contains("DRAFT").contains("submit").contains("publish");
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("status");
		assertThat(this.api.get("/api/v1/articles/" + id, "Authorization", Http.bearer(EDITOR)).json()
			.path("revision")
			.asLong()).isEqualTo(1);
	}

	@Test
	void aStaleIfMatchOnATransitionAnswers412() {
		String id = this.api.draft(EDITOR, unique("Zastarjelo")).path("id").asString();
		assertThat(this.api.action(EDITOR, id, "submit", null, "If-Match", "\"7\"").status()).isEqualTo(412);
	}

	@Test
	void aScheduledArticleGoesLiveByItselfAndTimesKeepTheirOffset() {
		String id = this.api.draft(EDITOR, unique("Zakazano")).path("id").asString();
		OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(2)).plusSeconds(2);
		Http.Response scheduled = this.api.action(EDITOR, id, "schedule", "{\"at\": \"" + at + "\"}");
		assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(200);
		assertThat(scheduled.json().path("status").asString()).isEqualTo("SCHEDULED");
		assertThat(scheduled.json().path("scheduledAt").asString()).endsWith("Z");
		assertThat(this.api.get("/api/v1/articles/" + id).status()).isEqualTo(404);
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(this.api.get("/api/v1/articles/" + id).status()).isEqualTo(200));
	}

	@Test
	void schedulingInThePastIsRefused() {
		String id = this.api.draft(EDITOR, unique("Prošlost")).path("id").asString();
		Http.Response response = this.api.action(EDITOR, id, "schedule", "{\"at\": \"2020-01-01T10:00:00+01:00\"}");
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("at");
	}

	@Test
	void publishingUnderAFutureEmbargoSchedulesAtTheEmbargo() {
		OffsetDateTime embargo = OffsetDateTime.now(ZoneOffset.ofHours(1)).plusDays(1).withNano(0);
		Http.Response created = this.api.create(EDITOR, """
				{"headline": "%s", "section": "vijesti", "embargoUntil": "%s"}
				""".formatted(unique("Embargo"), embargo));
		String id = created.json().path("id").asString();
		JsonNode published = this.api.action(EDITOR, id, "publish", null).json();
		assertThat(published.path("status").asString()).isEqualTo("SCHEDULED");
		assertThat(published.path("scheduledAt").asString()).isEqualTo(embargo.toInstant().toString());
		assertThat(this.api.get("/api/v1/articles/" + id).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/articles/by-slug/" + published.path("slug").asString()).status())
			.isEqualTo(404);
	}

}
