package news.platform.article.editing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.article.ArticleApi;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;

import static news.platform.article.ArticleApi.EDITOR;
import static news.platform.article.ArticleApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rich text over HTTP: marks and lists as stored and read, the input rules with their field
 * paths, search, word counts, diffs, ninjs export and import, plain-text import, and articles
 * stored before marks existed.
 */
@ServiceIntegrationTest
class RichTextHttpTest {

	private static final String NINJS = "application/ninjs+json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MongoDatabase database;

	ArticleApi api;

	String word;

	@BeforeEach
	void setUp() {
		this.api = new ArticleApi(this.port);
		StringBuilder letters = new StringBuilder("rt");
		for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
			letters.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
		}
		this.word = letters.toString();
	}

	@Test
	void marksAndListsAreStoredReadExportedAndSearched() {
		// "Čačak" is 5 code points; the link covers "izvješće" (8)
		String body = """
				[{"type": "paragraph", "text": "Čačak je objavio izvješće %s.",
				  "marks": [{"type": "bold", "start": 0, "end": 5},
				            {"type": "italic", "start": 3, "end": 12},
				            {"type": "link", "start": 17, "end": 25, "href": "https://cacak.rs/izvjesce?a=1&b=2"}]},
				 {"type": "heading", "level": 2, "text": "Podnaslov"},
				 {"type": "quote", "text": "Piši na adresu.", "attribution": "Gradonačelnik",
				  "marks": [{"type": "link", "start": 8, "end": 14, "href": "mailto:grad@cacak.rs"}]},
				 {"type": "list", "ordered": true, "items": [
				   {"text": "prva stavka", "marks": [{"type": "italic", "start": 0, "end": 4}]},
				   {"text": "druga stavka"}]}]
				""".formatted(this.word);
		Http.Response created = this.api.create(EDITOR, """
				{"headline": "%s", "section": "vijesti", "body": %s}""".formatted(unique("Bogat tekst"), body));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode draft = created.json();
		String id = draft.path("id").asString();
		assertThat(draft.at("/body/0/marks").size()).isEqualTo(3);
		assertThat(draft.at("/body/0/marks/2/href").asString()).isEqualTo("https://cacak.rs/izvjesce?a=1&b=2");
		assertThat(draft.at("/body/0/marks/0").has("href")).as("no nulls for a renderer to skip").isFalse();
		assertThat(draft.at("/body/1").has("marks")).isFalse();
		assertThat(draft.at("/body/3/type").asString()).isEqualTo("list");
		assertThat(draft.at("/body/3/ordered").asBoolean()).isTrue();
		assertThat(draft.at("/body/3/items/0/marks/0/type").asString()).isEqualTo("italic");
		assertThat(draft.at("/body/3/items/1").has("marks")).isFalse();
		// headline 2 or 3 words + 5 + 1 + 3 + 2 + 2 list words: counted from the text only
		int headlineWords = draft.path("headline").asString().split(" ").length;
		assertThat(draft.path("wordCount").asInt()).isEqualTo(headlineWords + 5 + 1 + 3 + 4);

		assertThat(this.api.action(EDITOR, id, "publish", null).status()).isEqualTo(200);
		JsonNode reader = this.api.get("/api/v1/articles/" + id).json();
		assertThat(reader.at("/body/0/marks/1/type").asString()).isEqualTo("italic");
		assertThat(reader.at("/body/3/items/0/text").asString()).isEqualTo("prva stavka");

		String html = this.api.get("/api/v1/articles/" + id, "Accept", NINJS).json().at("/bodies/0/value").asString();
		assertThat(html).startsWith("<p><strong>Čač<em>ak</em></strong><em> je obj</em>avio "
				+ "<a href=\"https://cacak.rs/izvjesce?a=1&amp;b=2\">izvješće</a> " + this.word + ".</p><h2>Podnaslov</h2>");
		assertThat(html).contains("<blockquote><p>Piši na <a href=\"mailto:grad@cacak.rs\">adresu</a>.</p>");
		assertThat(html).contains("<ol><li><em>prva</em> stavka</li><li>druga stavka</li></ol>");

		// the text of a list item is searchable like any other
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode found = this.api.get("/api/v1/articles/search?q=" + this.word).json();
			assertThat(found.path("items").size()).isEqualTo(1);
		});
	}

	@Test
	void aLinkToAnArticleReadsAsItsPublicUrlOnlyWhileThatArticleIsPublished() {
		JsonNode target = this.api.draft(EDITOR, unique("Cilj poveznice"));
		String targetId = target.path("id").asString();
		JsonNode source = this.api.published(unique("Izvor poveznice"));
		String sourceId = source.path("id").asString();
		Http.Response linked = this.api.update("PATCH", EDITOR, sourceId, "\"" + source.path("revision").asLong() + "\"",
				"""
						{"body": [{"type": "paragraph", "text": "Pročitajte i ovo.",
						  "marks": [{"type": "link", "start": 13, "end": 16, "articleId": "%s"}]}]}
						""".formatted(targetId));
		assertThat(linked.status()).as(linked.body()).isEqualTo(200);
		assertThat(linked.json().at("/body/0/marks/0/articleId").asString()).isEqualTo(targetId);

		// the target is a draft: readers get the words without the link
		JsonNode reader = this.api.get("/api/v1/articles/" + sourceId).json();
		assertThat(reader.at("/body/0/text").asString()).isEqualTo("Pročitajte i ovo.");
		assertThat(reader.at("/body/0").has("marks")).isFalse();
		assertThat(this.api.get("/api/v1/articles/" + sourceId, "Accept", NINJS).json().at("/bodies/0/value").asString())
			.isEqualTo("<p>Pročitajte i ovo.</p>");

		JsonNode published = this.api.action(EDITOR, targetId, "publish", null).json();
		String url = published.path("url").asString();
		assertThat(url).startsWith("http://localhost:8080/vijesti/");
		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
			JsonNode now = this.api.get("/api/v1/articles/" + sourceId).json();
			assertThat(now.at("/body/0/marks/0/href").asString()).isEqualTo(url);
			assertThat(now.at("/body/0/marks/0/articleId").asString()).isEqualTo(targetId);
		});
		assertThat(this.api.get("/api/v1/articles/" + sourceId, "Accept", NINJS).json().at("/bodies/0/value").asString())
			.isEqualTo("<p>Pročitajte i <a href=\"" + url + "\">ovo</a>.</p>");

		assertThat(this.api.action(EDITOR, targetId, "unpublish", null).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(this.api.get("/api/v1/articles/" + sourceId).json().at("/body/0").has("marks"))
				.isFalse());
	}

	@Test
	void badFormattingIsRefusedNamingTheFieldAndNothingIsWritten() {
		long before = count();
		String para = "{\"type\": \"paragraph\", \"text\": \"Kratki tekst.\"}";
		bad("[%s, %s, %s, {\"type\": \"paragraph\", \"text\": \"Vidi ovo.\", \"marks\": [{\"type\": \"bold\", \"start\": 0, \"end\": 4}, {\"type\": \"link\", \"start\": 5, \"end\": 8, \"href\": \"javascript:alert(1)\"}]}]"
			.formatted(para, para, para), "body[3].marks[1].href");
		bad(marks("{\"type\": \"link\", \"start\": 0, \"end\": 4, \"href\": \"data:text/html,<b>x</b>\"}"),
				"body[0].marks[0].href");
		bad(marks("{\"type\": \"link\", \"start\": 0, \"end\": 4, \"href\": \"/relative\"}"), "body[0].marks[0].href");
		bad(marks("{\"type\": \"bold\", \"start\": 0, \"end\": 6}, {\"type\": \"bold\", \"start\": 5, \"end\": 9}"),
				"body[0].marks[1]");
		bad(marks("{\"type\": \"bold\", \"start\": 0, \"end\": 14}"), "body[0].marks[0].end");
		bad(marks("{\"type\": \"italic\", \"start\": -1, \"end\": 3}"), "body[0].marks[0].start");
		bad(marks("{\"type\": \"italic\", \"start\": 3, \"end\": 3}"), "body[0].marks[0].end");
		bad(marks("{\"type\": \"underline\", \"start\": 0, \"end\": 3}"), "body[0].marks[0].type");
		bad(marks("{\"type\": \"bold\", \"start\": 0, \"end\": 3, \"href\": \"https://a.hr\"}"), "body[0].marks[0].href");
		bad(marks("{\"type\": \"link\", \"start\": 0, \"end\": 3}"), "body[0].marks[0].href");
		bad(marks("{\"type\": \"link\", \"start\": 0, \"end\": 3, \"articleId\": \"" + new ObjectId().toHexString() + "\"}"),
				"body[0].marks[0].articleId");
		bad("[{\"type\": \"heading\", \"level\": 2, \"text\": \"Naslov\", \"marks\": [{\"type\": \"bold\", \"start\": 0, \"end\": 3}]}]",
				"body[0].marks");
		bad("[{\"type\": \"list\", \"ordered\": false, \"items\": []}]", "body[0].items");
		bad("[{\"type\": \"list\", \"items\": [{\"text\": \"a\"}, {\"text\": \"\"}]}]", "body[0].items[1].text");
		bad("[{\"type\": \"list\", \"items\": [{\"text\": \"ab\", \"marks\": [{\"type\": \"link\", \"start\": 0, \"end\": 2, \"href\": \"javascript:x\"}]}]}]",
				"body[0].items[0].marks[0].href");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void revisionDiffsShowFormattingChanges() {
		JsonNode draft = this.api.draft(EDITOR, unique("Razlike"));
		String id = draft.path("id").asString();
		Http.Response changed = this.api.update("PATCH", EDITOR, id, "\"1\"", """
				{"body": [{"type": "paragraph", "text": "Prvi odlomak teksta.",
				  "marks": [{"type": "bold", "start": 0, "end": 4}]},
				  {"type": "list", "items": [{"text": "jedan"}]}]}""");
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		JsonNode diff = Http.get(this.api.url("/api/v1/articles/" + id + "/revisions/diff?from=1&to=2"),
				"Authorization", Http.bearer(EDITOR))
			.json();
		assertThat(diff.path("body").toString()).contains("{\"op\":\"delete\",\"text\":\"paragraph: Prvi odlomak teksta.\"}")
			.contains("{\"op\":\"insert\",\"text\":\"paragraph: Prvi odlomak teksta. {bold 0-4}\"}")
			.contains("{\"op\":\"insert\",\"text\":\"item: jedan\"}");
	}

	@Test
	void ninjsImportKeepsLinksBoldItalicAndListsAndReducesTheRestToText() {
		String html = "<p>Vidi <a href=\"https://izvor.hr/a\" onclick=\"x()\">izvor</a> i <b>ovo <i>sada</i></b>"
				+ " <span style=\"color:red\">crveno</span> <a href=\"javascript:alert(1)\">zlo</a>"
				+ " <a href=\"/relativno\">relativno</a>.</p>"
				+ "<ul><li>prvi <em>naglasak</em></li><li>drugi</li></ul>"
				+ "<h2><b>Naslov</b></h2><blockquote><p>Rekao je <strong>ovo</strong>.</p><footer>— Netko</footer></blockquote>"
				+ "<table><tr><td>ćelija <u>podcrtano</u></td></tr></table>";
		String item = JSON.createObjectNode()
			.put("uri", "urn:test:" + this.word)
			.put("type", "text")
			.set("headlines", JSON.createArrayNode().add(JSON.createObjectNode().put("value", unique("Uvoz"))))
			.toString();
		JsonNode withBody = JSON.readTree(item);
		((tools.jackson.databind.node.ObjectNode) withBody).set("bodies", JSON.createArrayNode()
			.add(JSON.createObjectNode().put("contenttype", "text/html").put("value", html)));
		Http.Response imported = Http.post(this.api.url("/api/v1/articles/import"), withBody.toString(), "Content-Type",
				NINJS, "Authorization", Http.bearer(EDITOR));
		assertThat(imported.status()).as(imported.body()).isEqualTo(201);
		JsonNode body = imported.json().path("body");
		assertThat(body.at("/0/text").asString()).isEqualTo("Vidi izvor i ovo sada crveno zlo relativno.");
		assertThat(body.at("/0/marks").toString()).isEqualTo("[{\"type\":\"link\",\"start\":5,\"end\":10,"
				+ "\"href\":\"https://izvor.hr/a\"},{\"type\":\"bold\",\"start\":13,\"end\":21},"
				+ "{\"type\":\"italic\",\"start\":17,\"end\":21}]");
		assertThat(body.at("/1/type").asString()).isEqualTo("list");
		assertThat(body.at("/1/ordered").asBoolean()).isFalse();
		assertThat(body.at("/1/items/0/text").asString()).isEqualTo("prvi naglasak");
		assertThat(body.at("/1/items/0/marks/0").toString()).isEqualTo("{\"type\":\"italic\",\"start\":5,\"end\":13}");
		assertThat(body.at("/2").toString()).isEqualTo("{\"type\":\"heading\",\"level\":2,\"text\":\"Naslov\"}");
		assertThat(body.at("/3/type").asString()).isEqualTo("quote");
		assertThat(body.at("/3/attribution").asString()).isEqualTo("Netko");
		assertThat(body.at("/3/marks/0").toString()).isEqualTo("{\"type\":\"bold\",\"start\":9,\"end\":12}");
		assertThat(body.at("/4/text").asString()).isEqualTo("ćelija podcrtano");
		assertThat(imported.body()).doesNotContain("onclick").doesNotContain("javascript").doesNotContain("span");
	}

	@Test
	void plainTextImportTurnsBareUrlsIntoLinks() {
		String text = "Izvješće je na https://vlada.hr/izvjesce.pdf, a sažetak (https://vlada.hr/a_(b)) također.";
		Http.Response imported = Http.post(
				this.api.url("/api/v1/articles/import?headline=" + URLEncoder.encode(unique("Adrese"), StandardCharsets.UTF_8)),
				text, "Content-Type", "text/plain; charset=utf-8", "Authorization", Http.bearer(EDITOR));
		assertThat(imported.status()).as(imported.body()).isEqualTo(201);
		JsonNode paragraph = imported.json().at("/body/0");
		assertThat(paragraph.path("text").asString()).isEqualTo(text);
		assertThat(paragraph.path("marks").toString())
			.isEqualTo("[{\"type\":\"link\",\"start\":15,\"end\":44,\"href\":\"https://vlada.hr/izvjesce.pdf\"},"
					+ "{\"type\":\"link\",\"start\":57,\"end\":79,\"href\":\"https://vlada.hr/a_(b)\"}]");
	}

	@Test
	void articlesStoredBeforeMarksExistedReadListDiffAndExportAsBefore() {
		String id = new ObjectId().toHexString();
		String slug = "stari-oblik-" + this.word;
		Date then = Date.from(Instant.now().minusSeconds(3600));
		List<Document> body = List.of(new Document("type", "paragraph").append("text", "Stari odlomak " + this.word + "."),
				new Document("type", "heading").append("level", 2).append("text", "Stari podnaslov"),
				new Document("type", "quote").append("text", "Stari citat.").append("attribution", "Netko"),
				new Document("type", "image").append("mediaId", "m-old").append("caption", "Slika").append("credit", null)
					.append("alt", null),
				new Document("type", "related").append("articleId", null).append("url", "https://a.hr/b")
					.append("title", "Vezano"));
		Document article = new Document("_id", id).append("slug", slug)
			.append("previousSlugs", List.of())
			.append("language", "hr")
			.append("headline", "Stari oblik " + this.word)
			.append("standfirst", null)
			.append("body", body)
			.append("authors", List.of("Ana Anić"))
			.append("section", "vijesti")
			.append("tags", List.of("grad"))
			.append("commentsOpen", true)
			.append("status", "IN_REVIEW")
			.append("ownerId", "editor-1")
			.append("createdAt", then)
			.append("updatedAt", then)
			.append("revision", 1L)
			.append("wordCount", 9)
			.append("readingMinutes", 1)
			.append("corrections", List.of());
		this.database.getCollection("articles").insertOne(article);
		this.database.getCollection("article_revisions")
			.insertOne(new Document("_id", id + ":1").append("articleId", id)
				.append("revision", 1L)
				.append("savedAt", then)
				.append("savedBy", "editor-1")
				.append("action", "create")
				.append("article", article));
		this.database.getCollection("article_slugs")
			.insertOne(new Document("_id", slug).append("articleId", id).append("current", true));

		JsonNode staff = Http.get(this.api.url("/api/v1/articles/" + id), "Authorization", Http.bearer(EDITOR)).json();
		assertThat(staff.path("body").toString()).isEqualTo("[{\"type\":\"paragraph\",\"text\":\"Stari odlomak "
				+ this.word + ".\"},{\"type\":\"heading\",\"level\":2,\"text\":\"Stari podnaslov\"},"
				+ "{\"type\":\"quote\",\"text\":\"Stari citat.\",\"attribution\":\"Netko\"},"
				+ "{\"type\":\"image\",\"mediaId\":\"m-old\",\"caption\":\"Slika\",\"credit\":null,\"alt\":null},"
				+ "{\"type\":\"related\",\"articleId\":null,\"url\":\"https://a.hr/b\",\"title\":\"Vezano\"}]");

		Http.Response published = this.api.action(EDITOR, id, "publish", null);
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		JsonNode reader = this.api.get("/api/v1/articles/" + id).json();
		assertThat(reader.path("body")).isEqualTo(staff.path("body"));
		assertThat(this.database.getCollection("articles").find(new Document("_id", id)).first().getList("body", Document.class))
			.as("stored again in the same shape")
			.allSatisfy((block) -> assertThat(block).doesNotContainKey("marks"));

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode list = this.api.get("/api/v1/articles/search?q=" + this.word).json();
			assertThat(list.at("/items/0/id").asString()).isEqualTo(id);
		});
		JsonNode diff = Http.get(this.api.url("/api/v1/articles/" + id + "/revisions/diff?from=1&to=2"),
				"Authorization", Http.bearer(EDITOR))
			.json();
		assertThat(diff.path("body").toString()).doesNotContain("\"insert\"").doesNotContain("\"delete\"")
			.contains("paragraph: Stari odlomak " + this.word + ".");
		String html = this.api.get("/api/v1/articles/" + id, "Accept", NINJS).json().at("/bodies/0/value").asString();
		assertThat(html).startsWith("<p>Stari odlomak " + this.word + ".</p><h2>Stari podnaslov</h2>"
				+ "<blockquote><p>Stari citat.</p><footer>Netko</footer></blockquote>");
	}

	private String marks(String marks) {
		return "[{\"type\": \"paragraph\", \"text\": \"Kratki tekst.\", \"marks\": [" + marks + "]}]";
	}

	private void bad(String body, String field) {
		Http.Response response = this.api.create(EDITOR,
				"{\"headline\": \"%s\", \"body\": %s}".formatted(unique("Loše"), body));
		assertThat(response.status()).as(body + " → " + response.body()).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("errors").get(0).path("field").asString()).as(response.body()).isEqualTo(field);
	}

	private long count() {
		return this.database.getCollection("articles").countDocuments(new Document());
	}

}
