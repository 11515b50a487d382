package news.platform.comment.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.comment.AnotherInstance;
import news.platform.comment.ArticleServiceStub;
import news.platform.comment.CommentApi;
import news.platform.comment.articlestate.SectionDirectory;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;
import news.platform.testsupport.TestTokens;

import static news.platform.comment.CommentApi.MODERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The moderation settings at run time: read, replaced and edited through the API with
 * {@code If-Match}, applied to the next comment, written to the audit log, refused whole when
 * anything in them breaks a rule, and seen by another replica on the same database within 2 s.
 * Every test puts the settings back as it found them.
 */
@ServiceIntegrationTest
class ModerationSettingsTest {

	static final String SETTINGS = "/api/v1/comments/moderation/settings";

	static final String ADMIN = TestTokens.token("admin-1", "admin");

	static final String EDITOR = TestTokens.token("editor-1", "editor");

	@LocalServerPort
	int port;

	@Autowired
	SectionDirectory sections;

	CommentApi api;

	ArticleServiceStub articles = ArticleServiceStub.get();

	String original;

	@BeforeEach
	void setUp() {
		this.api = new CommentApi(this.port);
		this.original = settingsBody(read(this.api).json());
	}

	@AfterEach
	void restore() {
		this.articles.sectionsStatus = null;
		Http.Response now = read(this.api);
		Http.Response put = Http.send("PUT", this.api.url(SETTINGS), this.original, "Authorization", Http.bearer(MODERATOR),
				"Content-Type", "application/json", "If-Match", now.header("ETag"));
		assertThat(put.status()).as(put.body()).isEqualTo(200);
	}

	@Test
	void moderatorsReadTheListsAndPoliciesWithTheirRevisionAsETag() {
		Http.Response response = read(this.api);
		assertThat(response.status()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(response.header("ETag")).isEqualTo("\"" + body.path("revision").asLong() + "\"");
		assertThat(response.header("Cache-Control")).contains("no-store");
		// a new database started from the configured defaults
		assertThat(strings(body.path("banned"))).contains("kurac*", "pička*");
		assertThat(strings(body.path("suspect"))).contains("idiot*", "glup*");
		assertThat(body.path("sections").path("politika").path("mode").asString()).isEqualTo("pre");
		assertThat(body.path("sections").path("sport").path("firstCommentsHeld").asInt()).isEqualTo(2);
		assertThat(body.path("defaultSection").path("closeAfter").asString()).isEqualTo("P14D");
		// editors read them too (they work the queue); readers do not
		assertThat(Http.get(this.api.url(SETTINGS), "Authorization", Http.bearer(EDITOR)).status()).isEqualTo(200);
		assertThat(Http.get(this.api.url(SETTINGS), "Authorization", Http.bearer(CommentApi.reader())).status())
			.isEqualTo(403);
		assertThat(Http.get(this.api.url(SETTINGS)).status()).isEqualTo(401);
	}

	@Test
	void addedWordsApplyToTheNextCommentAndTheAuditSaysWhoChangedWhat() {
		String article = this.articles.publish("vijesti");
		assertThat(this.api.posted(article, "Ti si prava seljačina", null).path("status").asString())
			.isEqualTo("visible");

		Http.Response added = edit(this.api, MODERATOR, "PATCH", "/words/banned", "{\"add\": [\"Seljak*\"]}");
		assertThat(added.status()).as(added.body()).isEqualTo(200);
		assertThat(strings(added.json().path("banned"))).contains("seljak*");
		assertThat(added.json().path("updatedBy").asString()).isEqualTo("moderator-1");

		// the stem changes: seljače, seljaci, seljačina
		for (String text : List.of("Ti si prava seljačina", "Seljače jedan", "Svi su to seljaci")) {
			JsonNode posted = this.api.posted(article, text, null);
			assertThat(posted.path("status").asString()).as(text).isEqualTo("rejected");
			assertThat(posted.path("flags").toString()).contains("banned-word");
		}
		// near misses stay visible
		assertThat(this.api.posted(article, "Seljačka buna 1573. i seoske priče", null).path("status").asString())
			.isEqualTo("visible");

		JsonNode entry = audit(this.api).get(0);
		assertThat(entry.path("actor").asString()).isEqualTo("moderator-1");
		assertThat(entry.path("action").asString()).isEqualTo("words-edit");
		assertThat(entry.path("target").asString()).isEqualTo("moderation-settings");
		assertThat(strings(entry.path("changes").path("banned").path("added"))).containsExactly("seljak*");
		assertThat(entry.path("at").asString()).isNotBlank();
		assertThat(entry.path("to").asString()).isEqualTo("revision " + added.json().path("revision").asLong());

		Http.Response removed = edit(this.api, ADMIN, "PATCH", "/words/banned", "{\"remove\": [\"seljak*\"]}");
		assertThat(removed.status()).as(removed.body()).isEqualTo(200);
		assertThat(this.api.posted(article, "Ti si prava seljačina", null).path("status").asString())
			.isEqualTo("visible");
		JsonNode removal = audit(this.api).get(0);
		assertThat(removal.path("actor").asString()).isEqualTo("admin-1");
		assertThat(strings(removal.path("changes").path("banned").path("removed"))).containsExactly("seljak*");
	}

	@Test
	void anEditThatChangesNothingWritesNothing() {
		Http.Response before = read(this.api);
		Http.Response same = edit(this.api, MODERATOR, "PATCH", "/words/suspect", "{\"add\": [\"idiot*\"]}");
		assertThat(same.status()).isEqualTo(200);
		assertThat(same.header("ETag")).isEqualTo(before.header("ETag"));
	}

	@Test
	void sectionPoliciesHoldCommentsAndCloseThreads() {
		String article = this.articles.publish("kultura");
		assertThat(this.api.posted(article, "Lijepa izložba", null).path("status").asString()).isEqualTo("visible");

		Http.Response pre = edit(this.api, MODERATOR, "PUT", "/sections/kultura",
				"{\"mode\": \"pre\", \"firstCommentsHeld\": 0, \"closeAfter\": \"P7D\"}");
		assertThat(pre.status()).as(pre.body()).isEqualTo(200);
		assertThat(pre.json().path("sections").path("kultura").path("closeAfter").asString()).isEqualTo("P7D");
		JsonNode held = this.api.posted(article, "Lijepa izložba, opet", null);
		assertThat(held.path("status").asString()).isEqualTo("pending");
		assertThat(held.path("flags").toString()).contains("pre-moderated-section");

		// a subsection's policy, by its path
		Http.Response sub = edit(this.api, MODERATOR, "PUT", "/sections/vijesti/hrvatska",
				"{\"mode\": \"post\", \"firstCommentsHeld\": 1}");
		assertThat(sub.status()).as(sub.body()).isEqualTo(200);
		assertThat(sub.json().path("sections").path("vijesti/hrvatska").path("firstCommentsHeld").asInt()).isEqualTo(1);
		assertThat(sub.json().path("sections").path("vijesti/hrvatska").path("closeAfter").isNull()).isTrue();

		// auto-close: an article first published two hours ago, in a section that closes after one
		String older = ArticleServiceStub.newArticleId();
		this.articles.publish(older, "kultura", Instant.now().minus(Duration.ofHours(2)));
		Http.Response hour = edit(this.api, MODERATOR, "PUT", "/sections/kultura",
				"{\"mode\": \"post\", \"closeAfter\": \"PT1H\"}");
		assertThat(hour.status()).as(hour.body()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			Http.Response closed = this.api.post(CommentApi.reader(), older, "Prekasno", null);
			assertThat(closed.status()).as(closed.body()).isEqualTo(409);
			assertThat(closed.json().path("type").asString()).isEqualTo("/problems/comments-closed");
		});

		Http.Response removed = edit(this.api, MODERATOR, "DELETE", "/sections/kultura", null);
		assertThat(removed.status()).as(removed.body()).isEqualTo(200);
		assertThat(removed.json().path("sections").has("kultura")).isFalse();
		assertThat(this.api.posted(older, "Sad opet može", null).path("status").asString()).isEqualTo("visible");
		JsonNode entry = audit(this.api).get(0);
		assertThat(entry.path("action").asString()).isEqualTo("section-policy-remove");
		assertThat(entry.path("changes").path("sections").path("kultura").path("from").path("closeAfter").asString())
			.isEqualTo("PT1H");
		assertThat(entry.path("changes").path("sections").path("kultura").path("to").isNull()).isTrue();
	}

	@Test
	void theWholeSettingsAreReplacedAtOnce() {
		JsonNode now = read(this.api).json();
		String body = "{\"banned\": [\"kurac*\"], \"suspect\": [], \"defaultSection\": {\"mode\": \"post\"},"
				+ " \"sections\": {\"sport\": {\"mode\": \"pre\", \"firstCommentsHeld\": 3, \"closeAfter\": \"P30D\"}}}";
		Http.Response replaced = edit(this.api, MODERATOR, "PUT", "", body);
		assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
		JsonNode after = replaced.json();
		assertThat(after.path("revision").asLong()).isEqualTo(now.path("revision").asLong() + 1);
		assertThat(strings(after.path("banned"))).containsExactly("kurac*");
		assertThat(strings(after.path("suspect"))).isEmpty();
		assertThat(after.path("sections").size()).isEqualTo(1);
		assertThat(after.path("defaultSection").path("closeAfter").isNull()).isTrue();
		String article = this.articles.publish("vijesti");
		assertThat(this.api.posted(article, "Ti si idiot", null).path("status").asString()).isEqualTo("visible");
	}

	@Test
	void anotherReplicaOnTheSameDatabaseAppliesAChangeWithinTwoSeconds() {
		try (AnotherInstance other = AnotherInstance.start(AnotherInstance.SHARED_CONFIG, java.util.Map.of())) {
			CommentApi there = other.api();
			String article = this.articles.publish("vijesti");
			assertThat(there.posted(article, "Baš si mamlaz", null).path("status").asString()).isEqualTo("visible");

			Http.Response added = edit(this.api, MODERATOR, "PATCH", "/words/banned", "{\"add\": [\"mamlaz*\"]}");
			assertThat(added.status()).as(added.body()).isEqualTo(200);
			// the bound; the figure itself is measured apart (docs/comment-performance.md)
			await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> assertThat(
					other.bean(ModerationRules.class).current().settings().revision())
				.isEqualTo(added.json().path("revision").asLong()));
			assertThat(there.posted(article, "Baš si mamlaze", null).path("status").asString()).isEqualTo("rejected");

			// and the other way round: an edit there shows here
			Http.Response back = edit(there, MODERATOR, "PATCH", "/words/banned", "{\"remove\": [\"mamlaz*\"]}");
			assertThat(back.status()).as(back.body()).isEqualTo(200);
			await().atMost(Duration.ofSeconds(2))
				.untilAsserted(() -> assertThat(this.api.posted(article, "Baš si mamlaz", null).path("status").asString())
					.isEqualTo("visible"));
			// both read the settings at one revision
			assertThat(read(there).header("ETag")).isEqualTo(read(this.api).header("ETag"));
		}
	}

	@Test
	void badInputIsRefusedNamingTheFieldAndWritesNothing() {
		String etag = read(this.api).header("ETag");
		String longWord = "a".repeat(101);
		List<String> many = new ArrayList<>();
		for (int i = 0; i < WordPatterns.MAX_WORDS + 1; i++) {
			many.add("\"rijec" + i + "\"");
		}
		Object[][] cases = {
				{ "PATCH", "/words/banned", "{\"add\": [\"\"]}", 422, "/problems/validation", "add[0]" },
				{ "PATCH", "/words/banned", "{\"add\": [\"dobro\", \"   \"]}", 422, "/problems/validation", "add[1]" },
				{ "PATCH", "/words/banned", "{\"add\": [\"*\"]}", 422, "/problems/validation", "add[0]" },
				{ "PUT", "/words/suspect", "{\"words\": [\"" + longWord + "\"]}", 422, "/problems/validation", "words[0]" },
				{ "PUT", "/words/suspect", "{\"words\": [" + String.join(",", many) + "]}", 422, "/problems/validation",
						"words" },
				{ "PATCH", "/words/banned", "{\"add\": [\"ku*rac\"]}", 422, "/problems/validation", "add[0]" },
				{ "PATCH", "/words/banned", "{\"add\": [\"(a|b)*\"]}", 422, "/problems/validation", "add[0]" },
				{ "PATCH", "/words/banned", "{\"add\": [\"dvije riječi\"]}", 422, "/problems/validation", "add[0]" },
				{ "PATCH", "/words/banned", "{}", 422, "/problems/validation", "add" },
				{ "PATCH", "/words/naughty", "{\"add\": [\"x\"]}", 400, "/problems/invalid-parameter", "list" },
				{ "PUT", "/sections/nepostojeca", "{\"mode\": \"pre\"}", 422, "/problems/validation",
						"sections.nepostojeca" },
				{ "PUT", "/sections/vijesti/nepostojeca", "{\"mode\": \"pre\"}", 422, "/problems/validation",
						"sections.vijesti/nepostojeca" },
				{ "PUT", "", "{\"banned\": [], \"suspect\": [], \"defaultSection\": {\"mode\": \"post\"}, \"sections\": {\"nema-je\": {\"mode\": \"pre\"}}}",
						422, "/problems/validation", "sections.nema-je" },
				{ "PUT", "/sections/sport", "{\"mode\": \"sometimes\"}", 422, "/problems/validation", "mode" },
				{ "PUT", "/sections/sport", "{\"mode\": \"pre\", \"firstCommentsHeld\": -1}", 422, "/problems/validation",
						"firstCommentsHeld" },
				{ "PUT", "/sections/sport", "{\"mode\": \"pre\", \"closeAfter\": \"14 days\"}", 422, "/problems/validation",
						"closeAfter" },
				{ "PUT", "/sections/Not_A_Path", "{\"mode\": \"pre\"}", 422, "/problems/validation", "section" },
				{ "PUT", "", "{\"suspect\": [], \"defaultSection\": {\"mode\": \"post\"}}", 422, "/problems/validation",
						"banned" },
				{ "PATCH", "/words/banned", "{\"add\": [\"x\"], \"regex\": \".*\"}", 400, "/problems/unknown-field",
						null } };
		for (Object[] bad : cases) {
			Http.Response response = Http.send((String) bad[0], this.api.url(SETTINGS + bad[1]), (String) bad[2],
					"Authorization", Http.bearer(MODERATOR), "Content-Type", "application/json", "If-Match", etag);
			String label = bad[0] + " " + bad[1] + " " + ((String) bad[2]).substring(0, Math.min(80, ((String) bad[2]).length()));
			assertThat(response.status()).as(label + ": " + response.body()).isEqualTo(bad[3]);
			assertThat(response.header("Content-Type")).as(label).startsWith("application/problem+json");
			JsonNode problem = response.json();
			assertThat(problem.path("type").asString()).as(label).isEqualTo(bad[4]);
			if (bad[5] != null) {
				assertThat(problem.path("errors").get(0).path("field").asString()).as(label).isEqualTo(bad[5]);
			}
		}
		// without If-Match, and with a stale one
		Http.Response missing = Http.send("PATCH", this.api.url(SETTINGS + "/words/banned"), "{\"add\": [\"mamlaz\"]}",
				"Authorization", Http.bearer(MODERATOR), "Content-Type", "application/json");
		assertThat(missing.status()).as(missing.body()).isEqualTo(428);
		assertThat(missing.json().path("type").asString()).isEqualTo("/problems/precondition-required");
		assertThat(missing.json().path("errors").get(0).path("field").asString()).isEqualTo("If-Match");
		long revision = read(this.api).json().path("revision").asLong();
		for (String stale : List.of("\"" + (revision - 1) + "\"", "\"" + (revision + 5) + "\"", "\"abc\"")) {
			Http.Response refused = Http.send("PATCH", this.api.url(SETTINGS + "/words/banned"), "{\"add\": [\"mamlaz\"]}",
					"Authorization", Http.bearer(MODERATOR), "Content-Type", "application/json", "If-Match", stale);
			assertThat(refused.status()).as(stale + ": " + refused.body()).isEqualTo(412);
			assertThat(refused.json().path("type").asString()).isEqualTo("/problems/stale-version");
			assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("If-Match");
		}
		// editors and readers do not change the rules
		assertThat(edit(this.api, EDITOR, "PATCH", "/words/banned", "{\"add\": [\"mamlaz\"]}").status()).isEqualTo(403);
		assertThat(edit(this.api, CommentApi.reader(), "PATCH", "/words/banned", "{\"add\": [\"mamlaz\"]}").status())
			.isEqualTo(403);
		// nothing was written
		assertThat(read(this.api).header("ETag")).isEqualTo(etag);
		assertThat(strings(read(this.api).json().path("banned"))).doesNotContain("mamlaz", "dobro");
	}

	@Test
	void whenArticleServiceCannotSayTheLastListItGaveDecides() {
		// a list read earlier (any replica's, kept in the database) knows kultura
		assertThat(this.sections.check("kultura")).isEqualTo(SectionDirectory.Verdict.KNOWN);
		this.articles.sectionsStatus = 503;
		this.sections.forget();
		Http.Response known = edit(this.api, MODERATOR, "PUT", "/sections/kultura", "{\"mode\": \"pre\"}");
		assertThat(known.status()).as(known.body()).isEqualTo(200);

		// a section it never listed cannot be checked: refused, nothing written
		this.articles.sections.add("zabava");
		String etag = read(this.api).header("ETag");
		Http.Response unknown = edit(this.api, MODERATOR, "PUT", "/sections/zabava", "{\"mode\": \"pre\"}");
		assertThat(unknown.status()).as(unknown.body()).isEqualTo(503);
		assertThat(unknown.json().path("type").asString()).isEqualTo("/problems/upstream-unavailable");
		assertThat(unknown.header("Retry-After")).isEqualTo("5");
		assertThat(unknown.json().path("errors").get(0).path("field").asString()).isEqualTo("sections.zabava");
		assertThat(read(this.api).header("ETag")).isEqualTo(etag);

		// article-service answers again: the new section is accepted
		this.articles.sectionsStatus = null;
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
				edit(this.api, MODERATOR, "PUT", "/sections/zabava", "{\"mode\": \"pre\"}").status())
			.isEqualTo(200));
		this.articles.sections.remove("zabava");
	}

	static Http.Response read(CommentApi api) {
		return Http.get(api.url(SETTINGS), "Authorization", Http.bearer(MODERATOR));
	}

	/** A change sent with the current ETag. */
	static Http.Response edit(CommentApi api, String token, String method, String path, String body) {
		String etag = read(api).header("ETag");
		List<String> headers = new ArrayList<>(List.of("Authorization", Http.bearer(token), "If-Match", etag));
		if (body != null) {
			headers.addAll(List.of("Content-Type", "application/json"));
		}
		return Http.send(method, api.url(SETTINGS + path), body, headers.toArray(String[]::new));
	}

	static JsonNode audit(CommentApi api) {
		Http.Response response = Http.get(api.url("/api/v1/comments/moderation/audit?target=moderation-settings"),
				"Authorization", Http.bearer(MODERATOR));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().path("entries");
	}

	/** The settings as a replace body (what @AfterEach puts back). */
	static String settingsBody(JsonNode settings) {
		return "{\"banned\": " + settings.path("banned") + ", \"suspect\": " + settings.path("suspect")
				+ ", \"defaultSection\": " + settings.path("defaultSection") + ", \"sections\": "
				+ settings.path("sections") + "}";
	}

	static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach(value -> values.add(value.asString()));
		return values;
	}

}
