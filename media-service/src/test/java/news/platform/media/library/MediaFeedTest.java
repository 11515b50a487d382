package news.platform.media.library;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.media.MediaApi;
import news.platform.media.item.MediaItems;
import news.platform.media.usage.ArticleServiceStub;
import news.platform.testsupport.ServiceIntegrationTest;
import news.platform.testsupport.TestTokens;

import static news.platform.media.MediaApi.EDITOR;
import static news.platform.media.library.Library.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every write of an item reaches media-service's own feed ({@code /internal/v1/media/events}), and
 * the library index follows that feed: a write this replica did not make itself (another replica's)
 * shows in its searches through the feed alone.
 */
@ServiceIntegrationTest
class MediaFeedTest {

	static final String SERVICE = TestTokens.token("article-service", "service");

	@LocalServerPort
	int port;

	@Autowired
	MediaItems items;

	MediaApi api;

	Library library;

	String marker = Library.marker();

	@BeforeEach
	void setUp() {
		this.api = new MediaApi(this.port);
		this.library = new Library(this.api);
	}

	@Test
	void everyWriteOfAnItemIsAnEventOnMediasOwnFeed() {
		String id = this.library.upload(EDITOR, "feed.jpg");
		this.library.describe(id, "{\"caption\": \"Na feedu\"}");
		ArticleServiceStub.get().saved("feed-" + this.marker, "DRAFT", id, List.of(id));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(types(id)).contains("media.usage-changed"));
		ArticleServiceStub.get().saved("feed-" + this.marker, "DELETED", null, List.of());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(types(id)).filteredOn("media.usage-changed"::equals).hasSize(2));
		MediaApi.Response deleted = this.api.send("DELETE", "/api/v1/media/" + id, HttpRequest.BodyPublishers.noBody(),
				"Authorization", "Bearer " + EDITOR);
		assertThat(deleted.status()).isEqualTo(204);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(types(id)).containsExactly("media.created",
				"media.updated", "media.usage-changed", "media.usage-changed", "media.deleted"));
		JsonNode usage = events(id).get(2);
		assertThat(usage.path("schemaVersion").asInt()).isEqualTo(1);
		assertThat(usage.path("data").path("usageCount").asInt()).isEqualTo(1);
		assertThat(events(id).get(1).path("data").path("version").asLong()).isEqualTo(2);
		// the feed is for services only
		assertThat(this.api.get("/internal/v1/media/events?after=0", "Authorization", "Bearer " + EDITOR).status())
			.isEqualTo(403);
	}

	@Test
	void anotherReplicasWriteReachesThisReplicasIndexThroughTheFeed() {
		String id = this.library.upload(EDITOR, "replika.jpg");
		assertThat(this.library.ids(q("replika " + this.marker))).isEmpty();

		// what another replica's edit leaves in the database: the change and its staged event, and
		// none of this replica's own listeners called
		this.items.update(id, 1, new Document("caption", "Druga replika " + this.marker), Instant.now());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.library.ids(q("replika " + this.marker))).containsExactly(id));

		this.items.delete(id, Instant.now());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.library.ids(q("replika " + this.marker))).isEmpty());
		assertThat(this.api.get("/api/v1/media/" + id).status()).isEqualTo(404);
	}

	private List<String> types(String mediaId) {
		return events(mediaId).stream().map(event -> event.path("type").asString()).toList();
	}

	private List<JsonNode> events(String mediaId) {
		List<JsonNode> found = new ArrayList<>();
		long after = 0;
		while (true) {
			MediaApi.Response page = this.api.get("/internal/v1/media/events?after=" + after + "&limit=1000",
					"Authorization", "Bearer " + SERVICE);
			assertThat(page.status()).as(page.text()).isEqualTo(200);
			JsonNode events = page.json().path("events");
			for (JsonNode event : events) {
				if (mediaId.equals(event.path("mediaId").asString())) {
					found.add(event);
				}
			}
			long next = page.json().path("next").asLong();
			if (events.isEmpty() || next == after) {
				return found;
			}
			after = next;
		}
	}

}
