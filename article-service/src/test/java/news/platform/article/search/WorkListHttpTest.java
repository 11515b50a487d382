package news.platform.article.search;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.article.ArticleApi;
import news.platform.article.commit.ArticleCommits;
import news.platform.article.schedule.Schedule;
import news.platform.article.section.SectionDirectory;
import news.platform.article.story.Article;
import news.platform.article.story.ArticleStatus;
import news.platform.article.story.Articles;
import news.platform.autoconfigure.feed.publish.FeedPublisher;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;

import static news.platform.article.ArticleApi.EDITOR;
import static news.platform.article.ArticleApi.journalist;
import static news.platform.article.ArticleApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Staff work lists over HTTP: articles are written through the editing API and reach the index
 * through the feed, as on any replica. Each test tags its articles with a tag of its own, so other
 * tests' data in the shared context cannot change what it sees.
 */
@ServiceIntegrationTest
class WorkListHttpTest {

	@LocalServerPort
	int port;

	@Autowired
	Articles articles;

	@Autowired
	Schedule schedule;

	@Autowired
	FeedPublisher articleFeed;

	@Autowired
	SectionDirectory sections;

	ArticleApi api;

	String tag;

	String journalistId;

	String journalistToken;

	@BeforeEach
	void setUp() {
		this.api = new ArticleApi(this.port);
		this.tag = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		this.journalistId = "j-" + this.tag;
		this.journalistToken = journalist(this.journalistId);
	}

	@Test
	void staffSeeTheirWorkByStatusAndOwnerWhileReadersSeeOnlyPublishedArticles() {
		String own = draft(this.journalistToken, "Vlastiti nacrt");
		String othersDraft = draft(journalist("j-other-" + this.tag), "Tuđi nacrt");
		String inReview = draft(EDITOR, "U pregledu");
		this.api.action(EDITOR, inReview, "submit", null);
		String published = draft(EDITOR, "Objavljeno");
		this.api.action(EDITOR, published, "publish", null);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(ids("/api/v1/articles?tag=" + this.tag, EDITOR)).hasSize(4));

		assertThat(ids("/api/v1/articles?tag=" + this.tag, EDITOR)).as("newest change first")
			.containsExactly(published, inReview, othersDraft, own);
		assertThat(ids("/api/v1/articles?tag=" + this.tag + "&status=draft", EDITOR)).containsExactly(othersDraft, own);
		assertThat(ids("/api/v1/articles?tag=" + this.tag + "&status=draft&status=in_review", EDITOR))
			.containsExactly(inReview, othersDraft, own);
		assertThat(ids("/api/v1/articles?tag=" + this.tag + "&status=draft,published", EDITOR))
			.containsExactly(published, othersDraft, own);
		assertThat(ids("/api/v1/articles?tag=" + this.tag + "&owner=" + this.journalistId, EDITOR)).containsExactly(own);

		// a journalist: their own unpublished work and everything published, never another's draft
		assertThat(ids("/api/v1/articles?tag=" + this.tag, this.journalistToken)).containsExactly(published, own);
		assertThat(ids("/api/v1/articles?tag=" + this.tag + "&owner=me", this.journalistToken)).containsExactly(own);

		// readers' visibility is checked in whole seconds (a cacheable filter): a story published in
		// this second shows from the next
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(() -> assertThat(ids(Http.get(this.api.url("/api/v1/articles?tag=" + this.tag + "&limit=19"))))
				.containsExactly(published));
		Http.Response anonymous = Http.get(this.api.url("/api/v1/articles?tag=" + this.tag));
		assertThat(ids(anonymous)).containsExactly(published);
		JsonNode item = anonymous.json().path("items").get(0);
		assertThat(item.path("url").asString()).startsWith("http://localhost:8080/vijesti/");
		assertThat(item.has("status")).as("staff fields stay out of reader answers").isFalse();
		assertThat(anonymous.header("Cache-Control")).startsWith("public");

		Http.Response staff = Http.get(this.api.url("/api/v1/articles?tag=" + this.tag), "Authorization",
				Http.bearer(EDITOR));
		assertThat(staff.header("Cache-Control")).isEqualTo("private, no-cache");
		JsonNode staffItem = staff.json().path("items").get(1);
		assertThat(staffItem.path("status").asString()).isEqualTo("IN_REVIEW");
		assertThat(staffItem.path("ownerId").asString()).isEqualTo("editor-1");
		assertThat(staffItem.path("url").isNull()).as("not public yet").isTrue();
	}

	@Test
	void aWriteTakenByAnotherReplicaReachesThisReplicasWorkListsThroughTheFeed() {
		String id = draft(EDITOR, "Druga replika");
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(ids("/api/v1/articles?tag=" + this.tag + "&status=draft", EDITOR))
				.containsExactly(id));
		// another replica: same database, but its in-process notifications never reach this one
		ArticleCommits otherReplica = new ArticleCommits(this.articles, this.schedule, this.articleFeed, event -> {
		}, java.time.Clock.systemUTC(), this.sections);
		Article before = this.articles.find(id).orElseThrow();
		Article submitted = before.withWorkflow(ArticleStatus.IN_REVIEW, null, null, null, null, List.of(),
				otherReplica.now(), "editor-2");
		assertThat(otherReplica.save(before, submitted, "submit")).isPresent();
		// the 1 s, with room for a loaded test machine
		await().atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(ids("/api/v1/articles?tag=" + this.tag + "&status=in_review", EDITOR))
				.containsExactly(id));
		assertThat(ids("/api/v1/articles?tag=" + this.tag + "&status=draft", EDITOR)).isEmpty();
	}

	@Test
	void staffSearchFindsUnpublishedWorkAndTheSameAnonymousSearchDoesNot() {
		String word = "zq" + this.tag.replaceAll("[0-9]", "x");
		String id = this.api.create(EDITOR, """
				{"headline": "Nacrt %s", "section": "vijesti", "tags": ["%s"],
				 "body": [{"type": "paragraph", "text": "Tekst."}]}
				""".formatted(word, this.tag)).json().path("id").asString();

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(ids("/api/v1/articles/search?q=" + word, EDITOR)).containsExactly(id));
		Http.Response staff = Http.get(this.api.url("/api/v1/articles/search?q=" + word), "Authorization",
				Http.bearer(EDITOR));
		assertThat(staff.header("Cache-Control")).startsWith("private");

		// the same question without a token right after: the staff answer was never shared
		Http.Response anonymous = Http.get(this.api.url("/api/v1/articles/search?q=" + word));
		assertThat(anonymous.status()).isEqualTo(200);
		assertThat(ids(anonymous)).isEmpty();
		assertThat(anonymous.header("Cache-Control")).startsWith("public");
		assertThat(ids("/api/v1/articles/search?q=" + word, journalist("j-nobody-" + this.tag))).isEmpty();
	}

	@Test
	void returnedStoriesIdsAndTheScheduleOrder() {
		String returned = draft(this.journalistToken, "Vraćeno");
		this.api.action(this.journalistToken, returned, "submit", null);
		assertThat(this.api.action(EDITOR, returned, "reject", "{\"note\": \"Dodaj izvor.\"}").status()).isEqualTo(200);
		String later = draft(EDITOR, "Kasnije");
		this.api.action(EDITOR, later, "schedule", "{\"at\": \"2099-05-01T08:00:00+02:00\"}");
		String sooner = draft(EDITOR, "Ranije");
		this.api.action(EDITOR, sooner, "schedule", "{\"at\": \"2098-05-01T08:00:00+02:00\"}");

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				ids("/api/v1/articles?tag=" + this.tag + "&status=scheduled&sort=scheduled", EDITOR))
			.containsExactly(sooner, later));
		await().atMost(Duration.ofSeconds(10)).untilAsserted(
				() -> assertThat(ids("/api/v1/articles?tag=" + this.tag + "&returned=true", this.journalistToken))
					.containsExactly(returned));

		Http.Response byIds = Http.get(
				this.api.url("/api/v1/articles?ids=" + later + "," + returned + "&ids=nema-takvog"), "Authorization",
				Http.bearer(EDITOR));
		assertThat(byIds.status()).as(byIds.body()).isEqualTo(200);
		assertThat(ids(byIds)).as("in the order asked, unknown ids left out").containsExactly(later, returned);
		assertThat(ids("/api/v1/articles?ids=" + later + "," + returned, this.journalistToken))
			.as("a journalist does not see an editor's schedule").containsExactly(returned);
		assertThat(ids(Http.get(this.api.url("/api/v1/articles?ids=" + later)))).as("readers: published only").isEmpty();
	}

	@Test
	void countsPerStatusForAllOrForOneself() {
		String mine = draft(this.journalistToken, "Moj");
		String submitted = draft(this.journalistToken, "Predan");
		this.api.action(this.journalistToken, submitted, "submit", null);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			JsonNode counts = counts("?owner=me", this.journalistToken);
			assertThat(counts.path("draft").asLong()).isEqualTo(1);
			assertThat(counts.path("in_review").asLong()).isEqualTo(1);
		});
		JsonNode counts = counts("?owner=me", this.journalistToken);
		assertThat(counts.path("published").asLong()).isZero();
		assertThat(counts.path("returned").asLong()).isZero();
		assertThat(counts("?owner=" + this.journalistId, EDITOR).path("draft").asLong()).isEqualTo(1);
		assertThat(counts("", EDITOR).path("draft").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(mine).isNotEmpty();

		Http.Response response = Http.get(this.api.url("/api/v1/articles/counts"), "Authorization",
				Http.bearer(EDITOR));
		assertThat(response.header("Cache-Control")).isEqualTo("private, no-cache");
		assertThat(Http.get(this.api.url("/api/v1/articles/counts")).status()).isEqualTo(403);
		assertThat(Http.get(this.api.url("/api/v1/articles/counts?owner=someone-else"), "Authorization",
				Http.bearer(this.journalistToken)).status()).isEqualTo(403);
	}

	@Test
	void badWorkListParametersAreRefusedNamingThem() {
		problem("/api/v1/articles?status=lost", EDITOR, 400, "status");
		problem("/api/v1/articles?sort=random", EDITOR, 400, "sort");
		problem("/api/v1/articles?returned=maybe", EDITOR, 400, "returned");
		problem("/api/v1/articles?updatedAfter=yesterday", EDITOR, 400, "updatedAfter");
		problem("/api/v1/articles?owner=someone-else", this.journalistToken, 403, "owner");
		problem("/api/v1/articles?status=draft", null, 403, "status");
		problem("/api/v1/articles?ids=a,b&limit=5", EDITOR, 400, "limit");
		List<String> many = new ArrayList<>();
		for (int i = 0; i < 101; i++) {
			many.add("id" + i);
		}
		problem("/api/v1/articles?ids=" + String.join(",", many), EDITOR, 400, "ids");
	}

	private void problem(String path, String token, int status, String field) {
		Http.Response response = token == null ? Http.get(this.api.url(path))
				: Http.get(this.api.url(path), "Authorization", Http.bearer(token));
		assertThat(response.status()).as(path + " " + response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo(field);
	}

	private String draft(String token, String headline) {
		Http.Response created = this.api.create(token, """
				{"headline": "%s", "section": "vijesti", "tags": ["%s"],
				 "body": [{"type": "paragraph", "text": "Tekst."}]}
				""".formatted(unique(headline), this.tag));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asString();
	}

	private JsonNode counts(String query, String token) {
		Http.Response response = Http.get(this.api.url("/api/v1/articles/counts" + query), "Authorization",
				Http.bearer(token));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private List<String> ids(String path, String token) {
		Http.Response response = Http.get(this.api.url(path), "Authorization", Http.bearer(token));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return ids(response);
	}

	private static List<String> ids(Http.Response response) {
		List<String> ids = new ArrayList<>();
		response.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
		return ids;
	}

}
