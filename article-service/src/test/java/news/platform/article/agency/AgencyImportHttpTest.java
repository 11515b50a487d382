package news.platform.article.agency;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;
import news.platform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wire desk's import over HTTP, with IPTC's published example items (dpa, NTB, TT, the simple
 * text example and the schema-extension example): versions of one story by its uri, the pending
 * update of a published story, kill notices, extension properties and batches.
 */
@ServiceIntegrationTest
class AgencyImportHttpTest {

	private static final String NINJS = "application/ninjs+json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MongoDatabase database;

	@ParameterizedTest
	@ValueSource(strings = { "example-dpa_text.json", "example-ntb_text.json", "example-tt_text_image.json",
			"example-simple_text.json", "example-extension.json" })
	void iptcExampleItemsImportKeepingTheirUriAndVersion(String name) {
		ObjectNode item = item(name);
		String uri = item.get("uri").stringValue();

		Http.Response created = importItem(item.toString(), journalist());

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode answer = created.json();
		assertThat(answer.get("result").stringValue()).isEqualTo("created");
		assertThat(answer.get("status").stringValue()).isEqualTo("DRAFT");
		assertThat(answer.at("/agency/uri").stringValue()).isEqualTo(uri);
		if (item.has("version")) {
			assertThat(answer.at("/agency/version").stringValue()).isEqualTo(item.get("version").stringValue());
		}
		assertThat(answer.get("articleId").stringValue()).isEqualTo(answer.get("id").stringValue());
		assertThat(created.header("Location")).isEqualTo("/api/v1/articles/" + answer.get("id").stringValue());
		List<String> ignored = strings(answer.get("ignoredProperties"));
		assertThat(ignored).isEqualTo(name.equals("example-extension.json") ? List.of("foofoo") : List.of());
		Document stored = this.database.getCollection(AgencyItems.COLLECTION)
			.find(new Document("uri", uri))
			.first();
		assertThat(stored.getString("_id")).isEqualTo(answer.get("id").stringValue());
	}

	@Test
	void anItemThatStillBreaksTheSchemaWithItsExtensionSetAsideIsRefused() {
		ObjectNode item = item("example-extension.json");
		item.put("urgency", "very");
		long before = count("articles");

		Http.Response refused = importItem(item.toString(), journalist());

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("type").stringValue()).isEqualTo("/problems/ninjs-invalid");
		assertThat(fields(refused.json())).containsExactly("$.urgency");
		assertThat(count("articles")).isEqualTo(before);
	}

	@Test
	void theEmbargoBecomesTheDraftsEmbargo() {
		ObjectNode item = item("example-dpa_text.json");
		item.put("embargoed", "2031-01-02T08:00:00+01:00");

		Http.Response created = importItem(item.toString(), journalist());

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().get("embargoUntil").stringValue()).startsWith("2031-01-02T07:00");
	}

	@Test
	void anUnreadableEmbargoIsRefusedRatherThanDropped() {
		ObjectNode item = item("example-dpa_text.json");
		item.put("embargoed", "tomorrow morning");
		long before = count("articles");

		Http.Response refused = importItem(item.toString(), journalist());

		assertThat(refused.status()).isEqualTo(422);
		assertThat(fields(refused.json())).containsExactly("$.embargoed");
		assertThat(count("articles")).isEqualTo(before);
	}

	@Test
	void anItemWithoutUriIsRefusedAndNothingIsWritten() {
		ObjectNode item = item("example-simple_text.json");
		item.remove("uri");
		long articles = count("articles");
		long agency = count(AgencyItems.COLLECTION);

		Http.Response refused = importItem(item.toString(), journalist());

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(fields(refused.json())).containsExactly("$.uri");
		assertThat(count("articles")).isEqualTo(articles);
		assertThat(count(AgencyItems.COLLECTION)).isEqualTo(agency);
	}

	@Test
	void aNewerVersionUpdatesTheUnpublishedDraftAndAnOlderOneLeavesItAsItIs() {
		ObjectNode item = item("example-ntb_text.json");
		item.put("version", "9");
		String token = journalist();
		JsonNode first = importItem(item.toString(), token).json();
		String id = first.get("id").stringValue();

		item.put("version", "10");
		headline(item, "Nova verzija vijesti");
		Http.Response updated = importItem(item.toString(), token);

		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().get("result").stringValue()).isEqualTo("updated");
		assertThat(updated.json().get("id").stringValue()).isEqualTo(id);
		assertThat(updated.json().get("headline").stringValue()).isEqualTo("Nova verzija vijesti");
		assertThat(updated.json().get("revision").longValue()).isEqualTo(2);
		assertThat(updated.json().at("/agency/version").stringValue()).isEqualTo("10");

		// "9" after "10" as text, but not as a number: not newer
		item.put("version", "9");
		headline(item, "Stara verzija");
		Http.Response older = importItem(item.toString(), token);

		assertThat(older.status()).isEqualTo(200);
		assertThat(older.json().get("result").stringValue()).isEqualTo("unchanged");
		assertThat(older.json().get("headline").stringValue()).isEqualTo("Nova verzija vijesti");
		assertThat(older.json().get("revision").longValue()).isEqualTo(2);
		assertThat(count("articles", new Document("_id", id))).isEqualTo(1);
	}

	@Test
	void withoutNumericVersionsTheTimeOfTheVersionDecides() {
		ObjectNode item = item("example-simple_text.json");
		String token = journalist();
		String id = importItem(item.toString(), token).json().get("id").stringValue();

		item.put("version", "b");
		item.put("versioncreated", "2013-07-09T11:00:00Z");
		headline(item, "Later");
		Http.Response later = importItem(item.toString(), token);
		item.put("versioncreated", "2013-07-09T10:00:00Z");
		headline(item, "Earlier");
		Http.Response earlier = importItem(item.toString(), token);

		assertThat(later.json().get("result").stringValue()).isEqualTo("updated");
		assertThat(earlier.json().get("result").stringValue()).isEqualTo("unchanged");
		assertThat(earlier.json().get("id").stringValue()).isEqualTo(id);
		assertThat(earlier.json().get("headline").stringValue()).isEqualTo("Later");
	}

	@Test
	void aPublishedStoryKeepsOnePendingUpdateForTheEditorToApplyOrDiscard() {
		ObjectNode item = item("example-dpa_text.json");
		item.put("version", "2");
		String editor = editor();
		Http.Response created = importItem(item.toString(), editor);
		String id = created.json().get("id").stringValue();
		Http.Response published = Http.post(url("/api/v1/articles/" + id + "/publish"), null, "If-Match",
				created.header("ETag"), "Authorization", Http.bearer(editor));
		assertThat(published.status()).isEqualTo(200);
		String headline = published.json().get("headline").stringValue();

		item.put("version", "3");
		headline(item, "Treća verzija");
		Http.Response pending = importItem(item.toString(), journalist());

		assertThat(pending.status()).isEqualTo(202);
		assertThat(pending.json().get("result").stringValue()).isEqualTo("pending-update");
		assertThat(pending.json().get("articleId").stringValue()).isEqualTo(id);
		assertThat(pending.json().at("/agency/pendingUpdate/version").stringValue()).isEqualTo("3");
		// no automatic change to what readers see
		assertThat(Http.get(url("/api/v1/articles/" + id)).json().get("headline").stringValue()).isEqualTo(headline);

		item.put("version", "5");
		headline(item, "Peta verzija");
		importItem(item.toString(), journalist());
		item.put("version", "4");
		headline(item, "Četvrta verzija");
		Http.Response olderThanPending = importItem(item.toString(), journalist());
		assertThat(olderThanPending.status()).isEqualTo(202);

		Http.Response state = Http.get(url("/api/v1/articles/" + id + "/agency"), "Authorization",
				Http.bearer(editor));
		assertThat(state.status()).isEqualTo(200);
		assertThat(state.json().at("/pendingUpdate/version").stringValue()).isEqualTo("5");
		assertThat(state.json().at("/pendingUpdate/headline").stringValue()).isEqualTo("Peta verzija");
		assertThat(state.json().get("version").stringValue()).isEqualTo("2");

		Http.Response withoutIfMatch = Http.post(url("/api/v1/articles/" + id + "/agency/pending-update/apply"), null,
				"Authorization", Http.bearer(editor));
		assertThat(withoutIfMatch.status()).isEqualTo(428);
		Http.Response stale = Http.post(url("/api/v1/articles/" + id + "/agency/pending-update/apply"), null,
				"If-Match", "\"1\"", "Authorization", Http.bearer(editor));
		assertThat(stale.status()).isEqualTo(412);
		Http.Response byJournalist = Http.post(url("/api/v1/articles/" + id + "/agency/pending-update/apply"), null,
				"If-Match", published.header("ETag"), "Authorization", Http.bearer(journalist()));
		assertThat(byJournalist.status()).isEqualTo(403);

		Http.Response applied = Http.post(url("/api/v1/articles/" + id + "/agency/pending-update/apply"), null,
				"If-Match", published.header("ETag"), "Authorization", Http.bearer(editor));

		assertThat(applied.status()).as(applied.body()).isEqualTo(200);
		assertThat(applied.json().get("headline").stringValue()).isEqualTo("Peta verzija");
		assertThat(applied.json().get("status").stringValue()).isEqualTo("PUBLISHED");
		JsonNode after = Http.get(url("/api/v1/articles/" + id + "/agency"), "Authorization", Http.bearer(editor))
			.json();
		assertThat(after.get("version").stringValue()).isEqualTo("5");
		assertThat(after.get("pendingUpdate").isNull()).isTrue();

		item.put("version", "6");
		headline(item, "Šesta verzija");
		assertThat(importItem(item.toString(), journalist()).status()).isEqualTo(202);
		Http.Response discardWithoutIfMatch = Http.send("DELETE", url("/api/v1/articles/" + id
				+ "/agency/pending-update"), null, "Authorization", Http.bearer(editor));
		assertThat(discardWithoutIfMatch.status()).isEqualTo(428);
		Http.Response discarded = Http.send("DELETE", url("/api/v1/articles/" + id + "/agency/pending-update"), null,
				"If-Match", applied.header("ETag"), "Authorization", Http.bearer(editor));

		assertThat(discarded.status()).isEqualTo(204);
		JsonNode story = Http.get(url("/api/v1/articles/" + id), "Authorization", Http.bearer(editor)).json();
		assertThat(story.get("headline").stringValue()).isEqualTo("Peta verzija");
		assertThat(Http.send("DELETE", url("/api/v1/articles/" + id + "/agency/pending-update"), null, "If-Match",
				applied.header("ETag"), "Authorization", Http.bearer(editor)).status()).isEqualTo(404);
	}

	@Test
	void aKillNoticeMarksTheDraftWithdrawnAndFlagsAPublishedStoryWithoutUnpublishingIt() {
		ObjectNode draftItem = item("example-ntb_text.json");
		String draftId = importItem(draftItem.toString(), journalist()).json().get("id").stringValue();
		ObjectNode storyItem = item("example-dpa_text.json");
		String editor = editor();
		Http.Response created = importItem(storyItem.toString(), editor);
		String storyId = created.json().get("id").stringValue();
		Http.post(url("/api/v1/articles/" + storyId + "/publish"), null, "If-Match", created.header("ETag"),
				"Authorization", Http.bearer(editor));

		Http.Response withdrawnDraft = importItem(kill(draftItem).toString(), journalist());
		Http.Response withdrawnStory = importItem(kill(storyItem).toString(), journalist());

		assertThat(withdrawnDraft.status()).isEqualTo(200);
		assertThat(withdrawnDraft.json().get("result").stringValue()).isEqualTo("withdrawn");
		assertThat(withdrawnDraft.json().get("id").stringValue()).isEqualTo(draftId);
		assertThat(withdrawnDraft.json().at("/agency/withdrawn").booleanValue()).isTrue();
		assertThat(withdrawnDraft.json().at("/agency/flagged").booleanValue()).isFalse();
		assertThat(withdrawnStory.json().at("/agency/withdrawn").booleanValue()).isTrue();
		assertThat(withdrawnStory.json().at("/agency/flagged").booleanValue()).isTrue();
		assertThat(withdrawnStory.json().get("status").stringValue()).isEqualTo("PUBLISHED");
		assertThat(Http.get(url("/api/v1/articles/" + storyId)).status()).isEqualTo(200);
	}

	@Test
	void aKillNoticeForAnUnknownUriIsRefused() {
		long before = count(AgencyItems.COLLECTION);

		Http.Response refused = importItem(kill(item("example-ntb_text.json")).toString(), journalist());

		assertThat(refused.status()).isEqualTo(422);
		assertThat(fields(refused.json())).containsExactly("$.uri");
		assertThat(count(AgencyItems.COLLECTION)).isEqualTo(before);
	}

	@Test
	void withheldIsKeptAsTheAgencySaidIt() {
		ObjectNode item = item("example-simple_text.json");
		item.put("pubstatus", "withheld");

		Http.Response created = importItem(item.toString(), journalist());

		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().at("/agency/pubstatus").stringValue()).isEqualTo("withheld");
		assertThat(created.json().get("status").stringValue()).isEqualTo("DRAFT");
	}

	@Test
	void aJsonArrayAnswersOneResultPerItem() {
		ObjectNode noUri = item("example-simple_text.json");
		noUri.remove("uri");
		ObjectNode extended = item("example-extension.json");
		String batch = "[" + item("example-dpa_text.json") + "," + noUri + "," + extended + "," + extended + "]";

		Http.Response answer = importItem(batch, journalist());

		assertThat(answer.status()).isEqualTo(200);
		JsonNode results = answer.json().get("results");
		assertThat(results.size()).isEqualTo(4);
		assertThat(results.get(0).get("status").intValue()).isEqualTo(201);
		assertThat(results.get(0).get("result").stringValue()).isEqualTo("created");
		assertThat(results.get(1).get("status").intValue()).isEqualTo(422);
		assertThat(results.get(1).at("/problem/errors/0/field").stringValue()).isEqualTo("$.uri");
		assertThat(strings(results.get(2).get("ignoredProperties"))).containsExactly("foofoo");
		assertThat(results.get(2).get("uri").stringValue()).isEqualTo(extended.get("uri").stringValue());
		// the same item twice: the second finds the first's draft
		assertThat(results.get(3).get("result").stringValue()).isEqualTo("unchanged");
		assertThat(results.get(3).get("articleId").stringValue())
			.isEqualTo(results.get(2).get("articleId").stringValue());
	}

	@Test
	void ndjsonAnswersOneResultPerLine() {
		String batch = item("example-ntb_text.json") + "\n\n" + item("example-tt_text_image.json") + "\n{not json\n";

		Http.Response answer = Http.post(url("/api/v1/articles/import"), batch, "Content-Type",
				"application/x-ndjson", "Authorization", Http.bearer(journalist()));

		assertThat(answer.status()).isEqualTo(200);
		JsonNode results = answer.json().get("results");
		assertThat(results.size()).isEqualTo(3);
		assertThat(results.get(0).get("status").intValue()).isEqualTo(201);
		assertThat(results.get(1).get("status").intValue()).isEqualTo(201);
		assertThat(results.get(2).get("status").intValue()).isEqualTo(400);
	}

	@Test
	void aBatchOfMoreThanAHundredItemsIsRefusedAndNothingIsWritten() {
		List<String> items = new ArrayList<>();
		for (int i = 0; i < 101; i++) {
			items.add(item("example-simple_text.json").toString());
		}
		long articles = count("articles");
		long agency = count(AgencyItems.COLLECTION);

		Http.Response array = importItem("[" + String.join(",", items) + "]", journalist());
		Http.Response ndjson = Http.post(url("/api/v1/articles/import"), String.join("\n", items), "Content-Type",
				"application/x-ndjson", "Authorization", Http.bearer(journalist()));

		for (Http.Response refused : List.of(array, ndjson)) {
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(fields(refused.json())).containsExactly("$");
		}
		assertThat(count("articles")).isEqualTo(articles);
		assertThat(count(AgencyItems.COLLECTION)).isEqualTo(agency);
	}

	@Test
	void aHundredItemsImportInOneRequest() {
		List<String> items = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			items.add(item("example-simple_text.json").toString());
		}

		Http.Response answer = importItem("[" + String.join(",", items) + "]", journalist());

		assertThat(answer.status()).isEqualTo(200);
		List<Integer> statuses = new ArrayList<>();
		answer.json().get("results").forEach((r) -> statuses.add(r.get("status").intValue()));
		assertThat(statuses).hasSize(100).containsOnly(201, 503);
		assertThat(statuses.get(0)).isEqualTo(201);
	}

	@Test
	void aPictureItemBecomesAMediaItemThroughMediaService() {
		ObjectNode item = item("example-ap_image.json");
		int before = MediaServiceStub.get().calls.size();

		Http.Response created = importItem(item.toString(), journalist());

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("result").stringValue()).isEqualTo("picture");
		String mediaId = created.json().get("mediaId").stringValue();
		assertThat(created.header("Location")).isEqualTo("/api/v1/media/" + mediaId);
		assertThat(MediaServiceStub.get().calls).hasSize(before + 1);
		MediaServiceStub.Call call = MediaServiceStub.get().calls.get(before);
		assertThat(call.authorization()).startsWith("Bearer ");
		assertThat(call.body().get("onBehalfOf").asString()).isEqualTo("journalist-agency-1");
		// the largest image rendition, with the agency's caption and credit line
		assertThat(call.body().get("url").asString()).isEqualTo(item.at("/renditions/0/href").stringValue());
		assertThat(call.body().get("caption").asString()).startsWith("FILE - In this Monday, Nov. 11, 2019");
		assertThat(call.body().get("credit").asString()).isEqualTo("ASSOCIATED PRESS");
	}

	@Test
	void aPictureThatIsNotHttpIsRefusedWithoutARequest() {
		ObjectNode item = item("example-ap_image.json");
		((ObjectNode) item.at("/renditions/0")).put("href", "file:///etc/passwd");
		int before = MediaServiceStub.get().calls.size();

		Http.Response refused = importItem(item.toString(), journalist());

		assertThat(refused.status()).isEqualTo(422);
		assertThat(fields(refused.json())).containsExactly("$.renditions[0].href");
		assertThat(MediaServiceStub.get().calls).hasSize(before);
	}

	@Test
	void mediaServicesRefusalOfAPrivateAddressIsTheItemsError() {
		ObjectNode item = item("example-ap_image.json");
		((ObjectNode) item.at("/renditions/0")).put("href", "http://10.0.0.1/latest/photo.jpg");
		String batch = "[" + item + "," + item("example-ntb_text.json") + "]";

		Http.Response answer = importItem(batch, journalist());

		JsonNode results = answer.json().get("results");
		assertThat(results.get(0).get("status").intValue()).isEqualTo(422);
		assertThat(results.get(0).at("/problem/errors/0/field").stringValue()).isEqualTo("$.renditions[0].href");
		assertThat(results.get(0).at("/problem/errors/0/message").stringValue()).contains("10.0.0.1");
		assertThat(results.get(1).get("status").intValue()).isEqualTo(201);
	}

	@Test
	void readersMayNotImportNorSeeAgencyState() {
		Http.Response refused = importItem(item("example-simple_text.json").toString(),
				TestTokens.token("reader-agency-1", "reader"));

		assertThat(refused.status()).isEqualTo(403);
	}

	private Http.Response importItem(String body, String token) {
		return Http.post(url("/api/v1/articles/import"), body, "Content-Type", NINJS, "Authorization",
				Http.bearer(token));
	}

	private static ObjectNode kill(ObjectNode item) {
		ObjectNode killed = item.deepCopy();
		killed.put("pubstatus", "canceled");
		killed.remove("bodies");
		return killed;
	}

	private static void headline(ObjectNode item, String headline) {
		item.putArray("headlines").addObject().put("role", "main").put("value", headline);
	}

	/**
	 * One of IPTC's example items with a uri of its own: a known uri is the agency's next version
	 * of a story, and the test database is shared by every test of this JVM.
	 */
	private static ObjectNode item(String name) {
		try (InputStream in = AgencyImportHttpTest.class.getResourceAsStream("/ninjs/" + name)) {
			ObjectNode item = (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
			item.put("uri", item.get("uri").stringValue() + "#" + UUID.randomUUID());
			return item;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private long count(String collection) {
		return count(collection, new Document());
	}

	private long count(String collection, Document filter) {
		return this.database.getCollection(collection).countDocuments(filter);
	}

	private static List<String> fields(JsonNode problem) {
		List<String> fields = new ArrayList<>();
		problem.path("errors").forEach((error) -> fields.add(error.get("field").stringValue()));
		return fields;
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.stringValue()));
		return values;
	}

	private static String journalist() {
		return TestTokens.token("journalist-agency-1", "journalist");
	}

	private static String editor() {
		return TestTokens.token("editor-agency-1", "editor");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
