package news.platform.article.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.article.ArticleApi;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;

import static news.platform.article.ArticleApi.EDITOR;
import static news.platform.article.ArticleApi.SERVICE;
import static news.platform.article.ArticleApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class EventFeedTest {

	@LocalServerPort
	int port;

	ArticleApi api;

	@BeforeEach
	void setUp() {
		this.api = new ArticleApi(this.port);
	}

	@Test
	void publishUpdateCommentsUnpublishAndDeleteAppearInOrderWithoutGaps() {
		String id = this.api.draft(EDITOR, unique("Događaji")).path("id").asString();
		this.api.action(EDITOR, id, "submit", null);
		JsonNode published = this.api.action(EDITOR, id, "publish", null).json();
		long revision = published.path("revision").asLong();
		assertThat(this.api.update("PATCH", EDITOR, id, "\"" + revision + "\"", "{\"standfirst\": \"Novo\"}").status())
			.isEqualTo(200);
		assertThat(this.api.update("PATCH", EDITOR, id, "\"" + (revision + 1) + "\"", "{\"commentsOpen\": false}")
			.status()).isEqualTo(200);
		this.api.action(EDITOR, id, "unpublish", null);
		assertThat(Http.send("DELETE", this.api.url("/api/v1/articles/" + id), null, "Authorization",
				Http.bearer(EDITOR)).status()).isEqualTo(204);

		// schema version 2: every write readers cannot see is also article.saved (create, submit,
		// unpublish); the reader events keep their order and meaning
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(eventsOf(id)).extracting(event -> event.path("type").asString())
				.containsExactly("article.saved", "article.saved", "article.published", "article.updated",
						"article.comments-changed", "article.unpublished", "article.saved", "article.deleted"));
		JsonNode first = eventsOf(id).get(2);
		assertThat(first.path("schemaVersion").asInt()).isEqualTo(2);
		assertThat(first.path("occurredAt").asString()).endsWith("Z");
		JsonNode data = first.path("data");
		assertThat(data.path("status").asString()).isEqualTo("PUBLISHED");
		assertThat(data.path("section").asString()).isEqualTo("vijesti");
		assertThat(data.path("language").asString()).isEqualTo("hr");
		assertThat(data.path("commentsOpen").asBoolean()).isTrue();
		assertThat(data.path("mediaIds").get(0).asString()).isEqualTo("m-1");
		assertThat(data.path("publishedAt").asString()).isEqualTo(data.path("firstPublishedAt").asString());
		assertThat(data.path("url").asString()).isEqualTo("http://localhost:8080/vijesti/" + published.path("slug").asString());

		List<JsonNode> all = allEvents();
		for (int i = 0; i < all.size(); i++) {
			assertThat(all.get(i).path("seq").asLong()).isEqualTo(i + 1);
		}
	}

	@Test
	void draftsAndEmbargoedArticlesAreAnnouncedToStaffFollowersOnlyAndNeverWithTheirText() {
		this.api.author("Iva Ivić");
		String id = this.api.create(EDITOR, """
				{"headline": "%s", "section": "sport", "embargoUntil": "2099-01-01T00:00:00+01:00",
				 "tags": ["tajna"], "authors": ["iva-ivic"],
				 "body": [{"type": "paragraph", "text": "Tajni tekst nacrta."}, {"type": "image", "mediaId": "m-9"}]}
				""".formatted(unique("Tiho"))).json().path("id").asString();
		this.api.action(EDITOR, id, "publish", null);
		String marker = this.api.published(unique("Marker")).path("id").asString();
		await().atMost(Duration.ofSeconds(10)).until(() -> eventsOf(marker).size() == 2);

		List<JsonNode> events = eventsOf(id);
		assertThat(events).extracting(event -> event.path("type").asString())
			.as("no reader event for a draft or an embargoed schedule")
			.containsExactly("article.saved", "article.saved");
		JsonNode scheduled = events.get(1).path("data");
		assertThat(scheduled.path("status").asString()).isEqualTo("SCHEDULED");
		assertThat(scheduled.path("owner").asString()).isEqualTo("editor-1");
		assertThat(scheduled.path("section").asString()).isEqualTo("sport");
		assertThat(scheduled.path("tags").get(0).asString()).isEqualTo("tajna");
		assertThat(scheduled.path("authors").get(0).asString()).as("authors by slug").isEqualTo("iva-ivic");
		assertThat(scheduled.path("mediaIds").get(0).asString()).isEqualTo("m-9");
		assertThat(scheduled.path("scheduledAt").asString()).isEqualTo("2098-12-31T23:00:00Z");
		assertThat(scheduled.path("updatedAt").asString()).endsWith("Z");
		assertThat(events.toString()).as("a draft's words stay in this service").doesNotContain("Tajni tekst")
			.doesNotContain("Tiho");
	}

	@Test
	void aDraftDeletedBeforeItWasEverPublishedIsSavedWithStatusDeleted() {
		String id = this.api.draft(EDITOR, unique("Obrisani nacrt")).path("id").asString();
		assertThat(Http.send("DELETE", this.api.url("/api/v1/articles/" + id), null, "Authorization",
				Http.bearer(EDITOR)).status()).isEqualTo(204);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(eventsOf(id))
			.extracting(event -> event.path("type").asString() + " " + event.path("data").path("status").asString())
			.containsExactly("article.saved DRAFT", "article.saved DELETED"));
	}

	@Test
	void stateAnswersForABatchOfIds() {
		String published = this.api.published(unique("Stanje")).path("id").asString();
		String draft = this.api.draft(EDITOR, unique("Skica")).path("id").asString();
		Http.Response response = Http.post(this.api.url("/internal/v1/articles/state"),
				"{\"ids\": [\"" + published + "\", \"" + draft + "\", \"nema\"]}", "Content-Type", "application/json",
				"Authorization", Http.bearer(SERVICE));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode articles = response.json().path("articles");
		assertThat(articles.get(0).path("published").asBoolean()).isTrue();
		assertThat(articles.get(0).path("commentsOpen").asBoolean()).isTrue();
		assertThat(articles.get(1).path("published").asBoolean()).isFalse();
		assertThat(articles.get(1).path("exists").asBoolean()).isTrue();
		assertThat(articles.get(2).path("exists").asBoolean()).isFalse();
		assertThat(Http.post(this.api.url("/internal/v1/articles/state"), "{\"ids\": []}", "Content-Type",
				"application/json", "Authorization", Http.bearer(SERVICE)).status()).isEqualTo(422);
		assertThat(Http.post(this.api.url("/internal/v1/articles/state"), "{\"ids\": [\"x\"]}", "Content-Type",
				"application/json", "Authorization", Http.bearer(EDITOR)).status()).isEqualTo(403);
	}

	@Test
	void feedParametersAreValidated() {
		assertThat(Http.get(this.api.url("/internal/v1/articles/events?after=-1"), "Authorization", Http.bearer(SERVICE))
			.status()).isEqualTo(422);
		assertThat(Http.get(this.api.url("/internal/v1/articles/events?limit=5000"), "Authorization",
				Http.bearer(SERVICE)).status()).isEqualTo(422);
		assertThat(Http.get(this.api.url("/internal/v1/articles/events?after=abc"), "Authorization",
				Http.bearer(SERVICE)).status()).isEqualTo(400);
	}

	private List<JsonNode> eventsOf(String articleId) {
		return allEvents().stream().filter(event -> event.path("articleId").asString().equals(articleId)).toList();
	}

	private List<JsonNode> allEvents() {
		List<JsonNode> events = new ArrayList<>();
		long after = 0;
		while (true) {
			JsonNode page = Http.get(this.api.url("/internal/v1/articles/events?after=" + after + "&limit=100"),
					"Authorization", Http.bearer(SERVICE)).json();
			page.path("events").forEach(events::add);
			if (page.path("events").isEmpty()) {
				return events;
			}
			after = page.path("next").asLong();
		}
	}

}
