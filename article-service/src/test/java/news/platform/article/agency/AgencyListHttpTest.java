package news.platform.article.agency;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.autoconfigure.feed.publish.FeedPublisher;
import news.platform.autoconfigure.mongodb.QueryShapes;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;
import news.platform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Staff work lists by the agency's state ({@code agency=pending-update|withdrawn}), over HTTP: a
 * published story gets the agency's newer version and is listed until an editor applies or
 * discards it, a kill notice lists a story as withdrawn (published or not), the filter combines
 * with the others and pages by cursor, a change taken by another replica reaches this one's lists
 * through the feed, and bad values or readers are refused as for the other staff filters. Each
 * test files its stories under a tag of its own, so other tests' stories in the shared database
 * never show.
 */
@ServiceIntegrationTest
class AgencyListHttpTest {

	private static final String NINJS = "application/ninjs+json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The issue's bound for a change to reach every replica's lists. */
	private static final Duration WITHIN = Duration.ofSeconds(2);

	@LocalServerPort
	int port;

	@Autowired
	MongoDatabase database;

	@Autowired
	QueryShapes shapes;

	@Autowired
	FeedPublisher articleFeed;

	String tag;

	@BeforeEach
	void setUp() {
		// letters only: a tag slug of this test alone
		StringBuilder letters = new StringBuilder("agencija");
		Random random = new Random();
		for (int i = 0; i < 10; i++) {
			letters.append((char) ('a' + random.nextInt(26)));
		}
		this.tag = letters.toString();
	}

	@Test
	void aPublishedStoryWithTheAgencysNewerVersionIsListedUntilAnEditorAppliesIt() {
		ObjectNode item = item("example-dpa_text.json");
		item.put("version", "2");
		String id = importAndPublish(item);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(ids("status=published", EDITOR)).containsExactly(id));
		assertThat(ids("agency=pending-update", EDITOR)).isEmpty();

		item.put("version", "3");
		Http.Response pending = importItem(item, JOURNALIST);
		assertThat(pending.status()).as(pending.body()).isEqualTo(202);

		await().atMost(WITHIN)
			.untilAsserted(() -> assertThat(ids("agency=pending-update", EDITOR)).containsExactly(id));
		// a journalist's work list too (published stories are everyone's), and with other filters
		assertThat(ids("agency=pending-update", JOURNALIST)).containsExactly(id);
		assertThat(ids("agency=pending-update&status=published&sort=published", EDITOR)).containsExactly(id);
		assertThat(ids("agency=pending-update&status=draft", EDITOR)).isEmpty();
		assertThat(ids("agency=withdrawn", EDITOR)).isEmpty();

		Http.Response applied = Http.post(url("/api/v1/articles/" + id + "/agency/pending-update/apply"), null,
				"If-Match", etag(id), "Authorization", Http.bearer(EDITOR));
		assertThat(applied.status()).as(applied.body()).isEqualTo(200);

		await().atMost(WITHIN).untilAsserted(() -> assertThat(ids("agency=pending-update", EDITOR)).isEmpty());
		assertThat(ids("status=published", EDITOR)).containsExactly(id);
	}

	@Test
	void aDiscardedUpdateLeavesTheList() {
		ObjectNode item = item("example-ntb_text.json");
		item.put("version", "1");
		String id = importAndPublish(item);
		item.put("version", "2");
		assertThat(importItem(item, EDITOR).status()).isEqualTo(202);
		await().atMost(WITHIN)
			.untilAsserted(() -> assertThat(ids("agency=pending-update", EDITOR)).containsExactly(id));

		Http.Response discarded = Http.send("DELETE", url("/api/v1/articles/" + id + "/agency/pending-update"), null,
				"If-Match", etag(id), "Authorization", Http.bearer(EDITOR));
		assertThat(discarded.status()).as(discarded.body()).isEqualTo(204);

		await().atMost(WITHIN).untilAsserted(() -> assertThat(ids("agency=pending-update", EDITOR)).isEmpty());
	}

	@Test
	void aCanceledItemListsTheStoryAsWithdrawnPublishedOrNot() {
		ObjectNode draftItem = item("example-ntb_text.json");
		Http.Response draft = importItem(draftItem, JOURNALIST);
		assertThat(draft.status()).as(draft.body()).isEqualTo(201);
		String draftId = draft.json().get("id").stringValue();
		ObjectNode storyItem = item("example-dpa_text.json");
		String storyId = importAndPublish(storyItem);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(ids("", EDITOR)).containsExactlyInAnyOrder(draftId, storyId));

		assertThat(importItem(kill(draftItem), JOURNALIST).status()).isEqualTo(200);
		assertThat(importItem(kill(storyItem), JOURNALIST).status()).isEqualTo(200);

		await().atMost(WITHIN)
			.untilAsserted(() -> assertThat(ids("agency=withdrawn", EDITOR)).containsExactlyInAnyOrder(draftId, storyId));
		assertThat(ids("agency=withdrawn&status=published", EDITOR)).containsExactly(storyId);
		assertThat(ids("agency=withdrawn&status=draft", EDITOR)).containsExactly(draftId);
		// the journalist's own draft and the published story
		assertThat(ids("agency=withdrawn&owner=me", JOURNALIST)).containsExactly(draftId);
		assertThat(ids("agency=pending-update", EDITOR)).isEmpty();
		// the story stays published: nothing is unpublished automatically
		assertThat(Http.get(url("/api/v1/articles/" + storyId)).status()).isEqualTo(200);
	}

	@Test
	void theFilterPagesByCursor() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ObjectNode item = item("example-simple_text.json");
			Http.Response created = importItem(item, JOURNALIST);
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			ids.add(created.json().get("id").stringValue());
			assertThat(importItem(kill(item), JOURNALIST).status()).isEqualTo(200);
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(ids("agency=withdrawn", EDITOR)).hasSize(3));

		JsonNode first = list("tag=" + this.tag + "&agency=withdrawn&limit=2", EDITOR).json();
		String cursor = first.get("nextCursor").stringValue();
		assertThat(cursor).isNotNull();
		JsonNode second = list("tag=" + this.tag + "&agency=withdrawn&limit=2&cursor=" + cursor, EDITOR).json();

		List<String> paged = new ArrayList<>(ids(first));
		paged.addAll(ids(second));
		assertThat(paged).as("every story once, across two pages").containsExactlyInAnyOrderElementsOf(ids);
		assertThat(ids(first)).hasSize(2);
		assertThat(second.get("nextCursor").isNull()).isTrue();
	}

	@Test
	void aKillNoticeTakenByAnotherReplicaReachesThisReplicasListsThroughTheFeed() {
		ObjectNode item = item("example-simple_text.json");
		Http.Response created = importItem(item, EDITOR);
		String id = created.json().get("id").stringValue();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ids("", EDITOR)).containsExactly(id));

		// another replica: same database, its own store object; only the feed tells this one
		AgencyItems otherReplica = new AgencyItems(this.database, this.shapes, this.articleFeed);
		otherReplica.markWithdrawn(id, null, java.time.Instant.now());

		await().atMost(WITHIN)
			.untilAsserted(() -> assertThat(ids("agency=withdrawn", EDITOR)).containsExactly(id));
		JsonNode events = Http.get(url("/internal/v1/articles/events/head"), "Authorization", Http.bearer(SERVICE))
			.json();
		long head = events.get("seq").longValue();
		JsonNode page = Http.get(url("/internal/v1/articles/events?after=" + Math.max(0, head - 50) + "&limit=100"),
				"Authorization", Http.bearer(SERVICE))
			.json();
		List<JsonNode> announced = new ArrayList<>();
		page.get("events").forEach(announced::add);
		assertThat(announced).as("announced on the article feed").anySatisfy(event -> {
			assertThat(event.get("type").stringValue()).isEqualTo("agency.changed");
			assertThat(event.get("articleId").stringValue()).isEqualTo(id);
			assertThat(event.at("/data/withdrawn").booleanValue()).isTrue();
			assertThat(event.at("/data/pendingUpdate").booleanValue()).isFalse();
			assertThat(event.at("/data/uri").stringValue()).isEqualTo(item.get("uri").stringValue());
		});
	}

	@Test
	void anUnknownListIsRefusedNamingAgencyAndReadersMayNotAsk() {
		for (String value : List.of("pending", "WITHDRAWN", "pending-update,withdrawn", "")) {
			Http.Response refused = list("agency=" + value, EDITOR);
			assertThat(refused.status()).as(value).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.json().get("type").stringValue()).isEqualTo("/problems/invalid-parameter");
			assertThat(fields(refused.json())).containsExactly("agency");
		}
		Http.Response twice = list("agency=withdrawn&agency=pending-update", EDITOR);
		assertThat(twice.status()).isEqualTo(400);
		assertThat(fields(twice.json())).containsExactly("agency");

		// as for the other staff filters: what it says first (400), then who may use it (403)
		Http.Response readerBadValue = Http.get(url("/api/v1/articles?agency=nope"));
		assertThat(readerBadValue.status()).isEqualTo(400);
		assertThat(fields(readerBadValue.json())).containsExactly("agency");
		for (String reader : new String[] { null, TestTokens.token("reader-agency", "reader") }) {
			Http.Response forbidden = reader == null ? Http.get(url("/api/v1/articles?agency=withdrawn"))
					: Http.get(url("/api/v1/articles?agency=withdrawn"), "Authorization", Http.bearer(reader));
			assertThat(forbidden.status()).isEqualTo(403);
			assertThat(fields(forbidden.json())).containsExactly("agency");
		}
		Http.Response search = Http.get(url("/api/v1/articles/search?q=vijest&agency=nope"), "Authorization",
				Http.bearer(EDITOR));
		assertThat(search.status()).isEqualTo(400);
		assertThat(fields(search.json())).containsExactly("agency");
	}

	private static final String EDITOR = TestTokens.token("editor-agency-lists", "editor");

	private static final String JOURNALIST = TestTokens.token("journalist-agency-lists", "journalist");

	private static final String SERVICE = TestTokens.token("comment-service", "service");

	/** Imported with this test's tag, then published by an editor; answers the article id. */
	private String importAndPublish(ObjectNode item) {
		Http.Response created = importItem(item, EDITOR);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().get("id").stringValue();
		Http.Response published = Http.post(url("/api/v1/articles/" + id + "/publish"), null, "If-Match",
				created.header("ETag"), "Authorization", Http.bearer(EDITOR));
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		return id;
	}

	private Http.Response importItem(ObjectNode item, String token) {
		return Http.post(url("/api/v1/articles/import?tags=" + this.tag), item.toString(), "Content-Type", NINJS,
				"Authorization", Http.bearer(token));
	}

	private String etag(String id) {
		return Http.get(url("/api/v1/articles/" + id), "Authorization", Http.bearer(EDITOR)).header("ETag");
	}

	private Http.Response list(String query, String token) {
		String url = url("/api/v1/articles?" + query);
		return Http.get(url, "Authorization", Http.bearer(token));
	}

	/** This test's stories in the list, in its order. */
	private List<String> ids(String query, String token) {
		Http.Response answer = list("tag=" + this.tag + "&limit=50" + (query.isEmpty() ? "" : "&" + query), token);
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return ids(answer.json());
	}

	private static List<String> ids(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("items").forEach(item -> ids.add(item.get("id").stringValue()));
		return ids;
	}

	private static ObjectNode kill(ObjectNode item) {
		ObjectNode killed = item.deepCopy();
		killed.put("pubstatus", "canceled");
		killed.remove("bodies");
		return killed;
	}

	/** One of IPTC's example items with a uri of its own (the database is shared by every test). */
	private static ObjectNode item(String name) {
		try (InputStream in = AgencyListHttpTest.class.getResourceAsStream("/ninjs/" + name)) {
			ObjectNode item = (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			item.put("uri", item.get("uri").stringValue() + "#" + UUID.randomUUID());
			return item;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> fields(JsonNode problem) {
		List<String> fields = new ArrayList<>();
		problem.path("errors").forEach(error -> fields.add(error.get("field").stringValue()));
		return fields;
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
