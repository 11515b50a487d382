package news.platform.article.editing;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.article.ArticleApi;
import news.platform.article.slug.SlugClaims;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;

import static news.platform.article.ArticleApi.EDITOR;
import static news.platform.article.ArticleApi.READER;
import static news.platform.article.ArticleApi.journalist;
import static news.platform.article.ArticleApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class ArticleEditingTest {

	@LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Autowired
	com.mongodb.client.MongoDatabase database;

	ArticleApi api;

	@BeforeEach
	void setUp() {
		this.api = new ArticleApi(this.port);
	}

	@Test
	void aDraftGetsACroatianSlugDefaultsAndReadingStats() {
		String suffix = unique("").strip().toLowerCase();
		Http.Response created = this.api.create(journalist("j-1"), """
				{"headline": "Čačak đak šuma žena %s", "commentsCloseAt": "2030-06-01T12:00:00+02:00",
				 "body": [{"type": "paragraph", "text": "%s"}]}
				""".formatted(suffix, "riječ ".repeat(450).strip()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode article = created.json();
		assertThat(article.path("slug").asString()).isEqualTo("cacak-dak-suma-zena-" + suffix);
		assertThat(article.path("language").asString()).isEqualTo("hr");
		assertThat(article.path("status").asString()).isEqualTo("DRAFT");
		assertThat(article.path("ownerId").asString()).isEqualTo("j-1");
		assertThat(article.path("revision").asLong()).isEqualTo(1);
		assertThat(article.path("wordCount").asInt()).isEqualTo(455);
		assertThat(article.path("readingMinutes").asInt()).isEqualTo(3);
		assertThat(article.path("commentsCloseAt").asString()).isEqualTo("2030-06-01T10:00:00Z");
		assertThat(created.header("ETag")).isEqualTo("\"1\"");
		assertThat(created.header("Location")).isEqualTo("/api/v1/articles/" + article.path("id").asString());
	}

	@Test
	void aSecondArticleWithTheSameHeadlineGetsANumberedSlug() {
		String headline = unique("Isti naslov");
		String first = this.api.draft(EDITOR, headline).path("slug").asString();
		String second = this.api.draft(EDITOR, headline).path("slug").asString();
		assertThat(second).isEqualTo(first + "-2");
	}

	@Test
	void updatesNeedTheCurrentVersion() {
		JsonNode draft = this.api.draft(EDITOR, unique("Verzija"));
		String id = draft.path("id").asString();
		Http.Response missing = this.api.update("PATCH", EDITOR, id, null, "{\"standfirst\": \"Novi\"}");
		assertThat(missing.status()).isEqualTo(428);
		assertThat(missing.json().path("errors").get(0).path("field").asString()).isEqualTo("If-Match");

		Http.Response patched = this.api.update("PATCH", EDITOR, id, "\"1\"", "{\"standfirst\": \"Novi\"}");
		assertThat(patched.status()).as(patched.body()).isEqualTo(200);
		assertThat(patched.json().path("standfirst").asString()).isEqualTo("Novi");
		assertThat(patched.json().path("headline").asString()).isEqualTo(draft.path("headline").asString());
		assertThat(patched.header("ETag")).isEqualTo("\"2\"");

		Http.Response stale = this.api.update("PUT", EDITOR, id, "\"1\"", "{\"headline\": \"Drugi\"}");
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.json().path("type").asString()).isEqualTo("/problems/stale-version");
		assertThat(this.api.get("/api/v1/articles/" + id, "Authorization", Http.bearer(EDITOR)).json()
			.path("headline")
			.asString()).isEqualTo(draft.path("headline").asString());
	}

	@Test
	void twoEditorsSavingTheSameVersionAtOnceNeverOverwriteEachOther() throws Exception {
		String id = this.api.draft(EDITOR, unique("Utrka")).path("id").asString();
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		java.util.List<java.util.concurrent.CompletableFuture<Integer>> saves = new java.util.ArrayList<>();
		for (int i = 0; i < 4; i++) {
			String standfirst = "Verzija " + i;
			saves.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return this.api.update("PATCH", EDITOR, id, "\"1\"", "{\"standfirst\": \"" + standfirst + "\"}")
					.status();
			}));
		}
		start.countDown();
		java.util.List<Integer> statuses = new java.util.ArrayList<>();
		for (var save : saves) {
			statuses.add(save.get());
		}
		assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 412);
		assertThat(this.api.get("/api/v1/articles/" + id, "Authorization", Http.bearer(EDITOR)).json()
			.path("revision")
			.asLong()).isEqualTo(2);
	}

	@Test
	void journalistsEditOnlyTheirOwnDraftsAndCannotPublish() {
		String mine = journalist("j-own");
		JsonNode draft = this.api.draft(mine, unique("Moj članak"));
		String id = draft.path("id").asString();
		assertThat(this.api.update("PATCH", journalist("j-other"), id, "\"1\"", "{\"standfirst\": \"x\"}").status())
			.isEqualTo(404);
		assertThat(this.api.update("PATCH", mine, id, "\"1\"", "{\"standfirst\": \"x\"}").status()).isEqualTo(200);
		assertThat(this.api.action(mine, id, "publish", null).status()).isEqualTo(403);
		assertThat(this.api.action(mine, id, "submit", null).status()).isEqualTo(200);
		// in review, the draft is no longer the journalist's to change
		assertThat(this.api.update("PATCH", mine, id, "\"3\"", "{\"standfirst\": \"y\"}").status()).isEqualTo(403);
		assertThat(this.api.create(READER, "{\"headline\": \"x\"}").status()).isEqualTo(403);
	}

	@Test
	void draftsAreInvisibleToReadersAndOtherJournalists() {
		JsonNode draft = this.api.draft(journalist("j-2"), unique("Tajna"));
		String id = draft.path("id").asString();
		assertThat(this.api.get("/api/v1/articles/" + id).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/articles/" + id, "Authorization", Http.bearer(READER)).status())
			.isEqualTo(404);
		assertThat(this.api.get("/api/v1/articles/" + id, "Authorization", Http.bearer(journalist("j-3"))).status())
			.isEqualTo(404);
		assertThat(this.api.get("/api/v1/articles/by-slug/" + draft.path("slug").asString()).status())
			.isEqualTo(404);
		Http.Response own = this.api.get("/api/v1/articles/" + id, "Authorization", Http.bearer(journalist("j-2")));
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.header("ETag")).isEqualTo("\"1\"");
	}

	@Test
	void aChangedSlugKeepsTheOldOneAsARedirect() {
		JsonNode article = this.api.published(unique("Stari naslov"));
		String id = article.path("id").asString();
		String oldSlug = article.path("slug").asString();
		String newSlug = oldSlug + "-novi";
		Http.Response changed = this.api.update("PATCH", EDITOR, id, "\"" + article.path("revision").asLong() + "\"",
				"{\"slug\": \"" + newSlug + "\"}");
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		Http.Response redirect = this.api.get("/api/v1/articles/by-slug/" + oldSlug);
		assertThat(redirect.status()).isEqualTo(301);
		assertThat(redirect.header("Location")).isEqualTo("/api/v1/articles/by-slug/" + newSlug);
		assertThat(this.api.get("/api/v1/articles/by-slug/" + newSlug).json().path("id").asString()).isEqualTo(id);
	}

	@Test
	void aCorrectionIsKeptWithThePublishedArticle() {
		JsonNode article = this.api.published(unique("Ispravak"));
		String id = article.path("id").asString();
		Http.Response corrected = this.api.action(EDITOR, id, "corrections",
				"{\"text\": \"Ispravljeno ime.\", \"at\": \"2026-03-01T09:00:00+01:00\"}");
		assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
		JsonNode read = this.api.get("/api/v1/articles/" + id).json();
		assertThat(read.path("corrections").get(0).path("text").asString()).isEqualTo("Ispravljeno ime.");
		assertThat(read.path("corrections").get(0).path("at").asString()).isEqualTo("2026-03-01T08:00:00Z");
		assertThat(read.has("status")).isFalse();
	}

	@Test
	void aClaimLeftByACrashBeforeTheArticleWriteCanBeTakenOver() {
		String slug = "napusten-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		// a create that claimed the slug and died before writing its article
		this.database.getCollection(SlugClaims.COLLECTION)
			.insertOne(new org.bson.Document("_id", slug).append("articleId", "never-written").append("current", true));
		Http.Response created = this.api.create(EDITOR, "{\"headline\": \"Preuzeto\", \"slug\": \"" + slug + "\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(this.api.get("/api/v1/articles/by-slug/" + slug).status()).isEqualTo(404);
	}

	@Test
	void deletedArticlesAreGoneForEveryone() {
		JsonNode article = this.api.published(unique("Brisanje"));
		String id = article.path("id").asString();
		assertThat(Http.send("DELETE", this.api.url("/api/v1/articles/" + id), null, "Authorization",
				Http.bearer(journalist("j-1"))).status()).isEqualTo(403);
		assertThat(Http.send("DELETE", this.api.url("/api/v1/articles/" + id), null, "Authorization",
				Http.bearer(EDITOR)).status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/articles/" + id).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/articles/" + id, "Authorization", Http.bearer(EDITOR)).status())
			.isEqualTo(404);
	}

}
