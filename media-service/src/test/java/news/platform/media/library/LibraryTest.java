package news.platform.media.library;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.media.MediaApi;
import news.platform.media.usage.ArticleServiceStub;
import news.platform.testsupport.ServiceIntegrationTest;

import static news.platform.media.MediaApi.EDITOR;
import static news.platform.media.MediaApi.JOURNALIST;
import static news.platform.media.MediaApi.READER;
import static news.platform.media.library.Library.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The photo library through its public interface: what the newsroom wrote is found the way people
 * type it, filters narrow it, pages run newest first, and a page that shows many pictures gets
 * them in one call.
 */
@ServiceIntegrationTest
class LibraryTest {

	@LocalServerPort
	int port;

	MediaApi api;

	Library library;

	String marker = Library.marker();

	@BeforeEach
	void setUp() {
		this.api = new MediaApi(this.port);
		this.library = new Library(this.api);
	}

	@Test
	void cacakMostFindsTheBridgeInCacak() {
		String bridge = this.library.upload(EDITOR, "IMG_0001.jpg");
		this.library.describe(bridge, "{\"caption\": \"Most u Čačku " + this.marker + "\"}");
		String other = this.library.upload(EDITOR, "IMG_0002.jpg");
		this.library.describe(other, "{\"caption\": \"Most na Savi " + this.marker + "\"}");
		String night = this.library.upload(EDITOR, "IMG_0003.jpg");
		this.library.describe(night, "{\"caption\": \"Čačak noću " + this.marker + "\"}");

		assertThat(this.library.ids(q("cacak most " + this.marker))).containsExactly(bridge);
		// newest first, however it is typed
		assertThat(this.library.ids(q("Čačak " + this.marker))).containsExactly(night, bridge);
		assertThat(this.library.ids(q("čačku " + this.marker))).containsExactly(night, bridge);
		assertThat(this.library.ids(q("mostovi " + this.marker))).containsExactly(other, bridge);
		// every word must match
		assertThat(this.library.ids(q("most zagreb " + this.marker))).isEmpty();
	}

	@Test
	void searchesAltTextCreditTagsAndTheFileName() {
		String alt = this.library.upload(EDITOR, "a.jpg");
		this.library.describe(alt, "{\"alt\": \"Lovac s psom u šumi " + this.marker + "\"}");
		String credit = this.library.upload(EDITOR, "b.jpg");
		this.library.describe(credit, "{\"credit\": \"Snimio Đuro Pukanić " + this.marker + "\"}");
		String tagged = this.library.upload(EDITOR, "c.jpg");
		this.library.describe(tagged, "{\"tags\": [\"Karlovac\", \"" + this.marker + "\"]}");
		String named = this.library.upload(EDITOR, "Katedrala_" + this.marker + "-snijeg.JPG");

		assertThat(this.library.ids(q("lovci " + this.marker))).containsExactly(alt);
		assertThat(this.library.ids(q("duro pukanic " + this.marker))).containsExactly(credit);
		assertThat(this.library.ids(q("karlovcu " + this.marker))).containsExactly(tagged);
		assertThat(this.library.ids(q("katedrala snijeg " + this.marker))).containsExactly(named);
		assertThat(this.library.ids(q(this.marker))).containsExactly(named, tagged, credit, alt);
		// a tag filter matches a whole tag, however it is cased or accented
		assertThat(this.library.ids("tag=KARLOVAC&" + q(this.marker))).containsExactly(tagged);
		assertThat(this.library.ids("tag=karlo&" + q(this.marker))).isEmpty();
		// only stop words: nothing to look for
		assertThat(this.library.ids(q("i u na"))).isEmpty();
	}

	@Test
	void filtersByUploaderTypeAndUploadTime() {
		String mine = this.library.upload(JOURNALIST, "moja-" + this.marker + ".jpg");
		String png = this.library.uploadPng(EDITOR, "graf-" + this.marker + ".png");
		String later = this.library.upload(EDITOR, "kasnije-" + this.marker + ".jpg");
		String text = q(this.marker);

		// uploader=me is the caller
		MediaApi.Response own = this.library.get("uploader=me&" + text, JOURNALIST);
		assertThat(Library.ids(own.json())).containsExactly(mine);
		assertThat(this.library.ids("uploader=journalist-1&" + text)).containsExactly(mine);
		assertThat(this.library.ids("uploader=editor-1&" + text)).containsExactly(later, png);
		assertThat(this.library.ids("type=png&" + text)).containsExactly(png);
		assertThat(this.library.ids("type=image/jpeg&" + text)).containsExactly(later, mine);

		Instant pngAt = Instant.parse(this.library.page("ids=" + png).path("items").path(0).path("createdAt").asString());
		Instant laterAt = Instant
			.parse(this.library.page("ids=" + later).path("items").path(0).path("createdAt").asString());
		assertThat(this.library.ids("from=" + pngAt + "&" + text)).containsExactly(later, png);
		assertThat(this.library.ids("to=" + laterAt + "&" + text)).containsExactly(png, mine);
		assertThat(this.library.ids("from=" + pngAt + "&to=" + laterAt + "&" + text)).containsExactly(png);
		// a date is a whole day in the newsroom's time zone
		String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Zagreb")).toString();
		assertThat(this.library.ids("from=" + today + "&to=" + today + "&" + text)).containsExactly(later, png, mine);
	}

	@Test
	void pagesRunNewestFirstWithACursorThatSurvivesNewUploads() {
		List<String> uploaded = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			uploaded.add(this.library.upload(EDITOR, "niz-" + i + "-" + this.marker + ".jpg"));
		}
		List<String> newestFirst = new ArrayList<>(uploaded);
		java.util.Collections.reverse(newestFirst);
		JsonNode first = this.library.page("limit=2&" + q(this.marker));
		assertThat(Library.ids(first)).isEqualTo(newestFirst.subList(0, 2));
		// an upload between two pages: keyset paging neither repeats nor skips an item
		String newer = this.library.upload(EDITOR, "novi-" + this.marker + ".jpg");
		JsonNode second = this.library.page("limit=2&" + q(this.marker) + "&cursor=" + first.path("next").asString());
		assertThat(Library.ids(second)).isEqualTo(newestFirst.subList(2, 4));
		JsonNode third = this.library.page("limit=2&" + q(this.marker) + "&cursor=" + second.path("next").asString());
		assertThat(Library.ids(third)).isEqualTo(newestFirst.subList(4, 5));
		assertThat(third.has("next")).isFalse();
		assertThat(this.library.ids(q(this.marker))).startsWith(newer).hasSize(6);
		// every item as GET /api/v1/media/{id} shows it to staff
		JsonNode item = first.path("items").path(0);
		JsonNode single = this.api.get("/api/v1/media/" + item.path("id").asString(), "Authorization", "Bearer " + EDITOR)
			.json();
		assertThat(item).isEqualTo(single);
		assertThat(item.path("fileName").asString()).isEqualTo("niz-4-" + this.marker + ".jpg");
	}

	@Test
	void unusedFollowsTheArticleFeedDraftsIncluded() {
		String inDraft = this.library.upload(EDITOR, "nacrt-" + this.marker + ".jpg");
		String free = this.library.upload(EDITOR, "slobodna-" + this.marker + ".jpg");
		String text = q(this.marker);
		assertThat(this.library.ids("unused=true&" + text)).containsExactly(free, inDraft);

		String article = "draft-" + this.marker;
		ArticleServiceStub feed = ArticleServiceStub.get();
		feed.saved(article, "DRAFT", inDraft, List.of(inDraft));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.library.ids("unused=false&" + text)).containsExactly(inDraft));
		assertThat(this.library.ids("unused=true&" + text)).containsExactly(free);

		// types media does not know change nothing, whatever their data
		feed.publishV2("article.archived", article, Map.of("mediaIds", List.of(), "status", "DELETED"));
		feed.publishV2("section.changed", null, Map.of("slug", "vijesti", "name", "Vijesti"));
		// a scheduled story names both
		feed.saved(article, "SCHEDULED", inDraft, List.of(inDraft, free));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.library.ids("unused=false&" + text)).containsExactly(free, inDraft));

		// the draft is deleted: both are unused again
		feed.saved(article, "DELETED", null, List.of());
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.library.ids("unused=true&" + text)).containsExactly(free, inDraft));
	}

	@Test
	void manyItemsByIdForAnyoneAsEachWouldBeShown() {
		String a = this.library.upload(EDITOR, "a.jpg");
		String b = this.library.upload(EDITOR, "b.jpg");
		String c = this.library.upload(EDITOR, "c.jpg");
		this.library.describe(b, "{\"caption\": \"Drugi\", \"tags\": [\"interno\"]}");
		String unknown = "0123456789abcdef01234567";

		MediaApi.Response anonymous = this.library.get("ids=" + c + "," + a + ",," + unknown + ",nije-id," + b + "," + a,
				null);
		assertThat(anonymous.status()).isEqualTo(200);
		assertThat(Library.ids(anonymous.json())).containsExactly(c, a, b);
		assertThat(anonymous.json().path("missing")).extracting(JsonNode::asString).containsExactly(unknown, "nije-id");
		JsonNode shown = anonymous.json().path("items").path(2);
		assertThat(shown).isEqualTo(this.api.get("/api/v1/media/" + b).json());
		assertThat(shown.has("tags")).as("staff fields").isFalse();
		assertThat(shown.path("renditions").path("thumb").asString()).startsWith("/api/v1/media/" + b + "/rendition?");

		// a reader, an anonymous client: public and revalidated; the ETag moves with the versions
		assertThat(anonymous.header("Cache-Control")).contains("public").contains("no-cache");
		assertThat(anonymous.header("Vary")).containsIgnoringCase("Authorization");
		String etag = anonymous.header("ETag");
		assertThat(etag).isNotBlank();
		MediaApi.Response again = this.api.get("/api/v1/media?ids=" + c + "," + a + ",," + unknown + ",nije-id," + b + "," + a,
				"If-None-Match", etag);
		assertThat(again.status()).isEqualTo(304);
		this.library.describe(a, "{\"caption\": \"Promijenjeno\"}");
		MediaApi.Response changed = this.api.get("/api/v1/media?ids=" + c + "," + a + ",," + unknown + ",nije-id," + b + "," + a,
				"If-None-Match", etag);
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().path("items").path(1).path("caption").asString()).isEqualTo("Promijenjeno");
		assertThat(this.library.get("ids=" + a, READER).json().path("items").path(0).has("version")).isFalse();

		// staff see the editing fields, never cached
		MediaApi.Response staff = this.library.get("ids=" + b, EDITOR);
		assertThat(staff.json().path("items").path(0)).isEqualTo(
				this.api.get("/api/v1/media/" + b, "Authorization", "Bearer " + EDITOR).json());
		assertThat(staff.json().path("items").path(0).path("tags").path(0).asString()).isEqualTo("interno");
		assertThat(staff.header("Cache-Control")).contains("no-store");
	}

	@Test
	void searchingIsForStaffOnly() {
		MediaApi.Response anonymous = this.library.get(q("most"), null);
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.json().path("type").asString()).isEqualTo("/problems/unauthorized");
		assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
		MediaApi.Response reader = this.library.get(q("most"), READER);
		assertThat(reader.status()).isEqualTo(403);
		assertThat(reader.json().path("type").asString()).isEqualTo("/problems/forbidden");
		assertThat(this.library.get("", READER).status()).isEqualTo(403);
		assertThat(this.library.get(q("most"), JOURNALIST).status()).isEqualTo(200);
	}

}
