package news.platform.article.section;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.article.ArticleApi;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;

import static news.platform.article.ArticleApi.EDITOR;
import static news.platform.article.ArticleApi.SERVICE;
import static news.platform.article.ArticleApi.journalist;
import static news.platform.article.ArticleApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Sections as things of their own, over HTTP. Each test makes sections with slugs of its own. */
@ServiceIntegrationTest
class SectionHttpTest {

	@LocalServerPort
	int port;

	@Autowired
	MongoDatabase database;

	@Autowired
	SectionSetup setup;

	ArticleApi api;

	String slug;

	@BeforeEach
	void setUp() {
		this.api = new ArticleApi(this.port);
		StringBuilder letters = new StringBuilder("r");
		for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
			letters.append(Character.isDigit(c) ? (char) ('g' + (c - '0')) : c);
		}
		this.slug = letters.toString();
	}

	@Test
	void theConfiguredSectionsArePublicAndCached() {
		Http.Response list = this.api.get("/api/v1/sections");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.header("Cache-Control")).startsWith("public");
		JsonNode vijesti = find(list.json().path("sections"), "vijesti");
		assertThat(vijesti.path("name").asString()).isEqualTo("Vijesti");
		assertThat(vijesti.path("url").asString()).isEqualTo("http://localhost:8080/vijesti");
		assertThat(vijesti.path("children").get(0).path("path").asString()).isEqualTo("vijesti/hrvatska");
		assertThat(find(list.json().path("sections"), "svijet")).isNotNull();

		Http.Response again = this.api.get("/api/v1/sections", "If-None-Match", list.header("ETag"));
		assertThat(again.status()).isEqualTo(304);
		assertThat(this.api.get("/api/v1/sections/vijesti/hrvatska").json().path("parent").asString()).isEqualTo("vijesti");
	}

	@Test
	void editorsManageSectionsAndARenamedSlugRedirectsAndIsAnnounced() {
		Http.Response created = create(EDITOR, "{\"slug\": \"%s\", \"name\": \"Rubrika\", \"description\": \"Opis\"}"
			.formatted(this.slug));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(create(journalist("j-sections"), "{\"slug\": \"%s-x\", \"name\": \"X\"}".formatted(this.slug))
			.status()).isEqualTo(403);
		Http.Response child = create(EDITOR, "{\"slug\": \"dijete\", \"name\": \"Dijete\", \"parent\": \"%s\"}"
			.formatted(this.slug));
		assertThat(child.status()).as(child.body()).isEqualTo(201);
		assertThat(child.json().path("path").asString()).isEqualTo(this.slug + "/dijete");

		JsonNode article = this.api.published(unique("U rubrici"));
		String id = article.path("id").asString();
		Http.Response moved = this.api.update("PATCH", EDITOR, id, "\"" + article.path("revision").asLong() + "\"",
				"{\"section\": \"%s/dijete\"}".formatted(this.slug));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);

		Http.Response renamed = Http.send("PATCH", this.api.url("/api/v1/sections/" + this.slug),
				"{\"slug\": \"%s-novo\", \"name\": \"Nova rubrika\"}".formatted(this.slug), "Content-Type",
				"application/json", "Authorization", Http.bearer(EDITOR));
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
		assertThat(renamed.json().path("name").asString()).isEqualTo("Nova rubrika");

		Http.Response old = this.api.get("/api/v1/sections/" + this.slug);
		assertThat(old.status()).isEqualTo(301);
		assertThat(old.header("Location")).isEqualTo("/api/v1/sections/" + this.slug + "-novo");
		assertThat(this.api.get("/api/v1/sections/" + this.slug + "/dijete").header("Location"))
			.isEqualTo("/api/v1/sections/" + this.slug + "-novo/dijete");

		// the article follows its section's new path at once
		JsonNode read = this.api.get("/api/v1/articles/" + id).json();
		assertThat(read.path("section").asString()).isEqualTo(this.slug + "-novo/dijete");
		assertThat(read.path("url").asString())
			.isEqualTo("http://localhost:8080/" + this.slug + "-novo/dijete/" + article.path("slug").asString());

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sectionEvents())
			.anySatisfy(event -> {
				assertThat(event.path("type").asString()).isEqualTo("section.changed");
				assertThat(event.path("schemaVersion").asInt()).isEqualTo(2);
				assertThat(event.path("articleId").isNull()).isTrue();
				assertThat(event.path("data").path("slug").asString()).isEqualTo(this.slug + "-novo");
				assertThat(event.path("data").path("previousSlug").asString()).isEqualTo(this.slug);
				assertThat(event.path("data").path("name").asString()).isEqualTo("Nova rubrika");
			}));
	}

	@Test
	void badSectionsAreRefusedNamingTheFieldAndNothingIsWritten() {
		problem(create(EDITOR, "{\"slug\": \"api\", \"name\": \"API\"}"), 422, "slug");
		problem(create(EDITOR, "{\"slug\": \"rss\", \"name\": \"RSS\"}"), 422, "slug");
		problem(create(EDITOR, "{\"slug\": \"Velika Slova\", \"name\": \"X\"}"), 422, "slug");
		problem(create(EDITOR, "{\"slug\": \"%s\"}".formatted(this.slug)), 422, "name");
		problem(create(EDITOR, "{\"slug\": \"%s\", \"name\": \"X\", \"parent\": \"vijesti/hrvatska\"}".formatted(this.slug)),
				422, "parent");
		problem(create(EDITOR, "{\"slug\": \"%s\", \"name\": \"X\", \"parent\": \"nema-je\"}".formatted(this.slug)),
				422, "parent");
		problem(create(EDITOR, "{\"slug\": \"vijesti\", \"name\": \"Opet\"}"), 409, "slug");
		assertThat(this.api.get("/api/v1/sections/" + this.slug).status()).as("nothing written").isEqualTo(404);

		// a loop: a section with subsections cannot go under another, nor under itself
		assertThat(create(EDITOR, "{\"slug\": \"%s\", \"name\": \"Roditelj\"}".formatted(this.slug)).status())
			.isEqualTo(201);
		assertThat(create(EDITOR, "{\"slug\": \"sin\", \"name\": \"Sin\", \"parent\": \"%s\"}".formatted(this.slug))
			.status()).isEqualTo(201);
		problem(patch(this.slug, "{\"parent\": \"%s/sin\"}".formatted(this.slug)), 422, "parent");
		problem(patch(this.slug, "{\"parent\": \"%s\"}".formatted(this.slug)), 422, "parent");
		problem(patch(this.slug, "{\"parent\": \"svijet\"}"), 422, "parent");

		// in use: a subsection, then an article
		problem(delete(this.slug), 409, "section");
		JsonNode article = this.api.draft(EDITOR, unique("Zauzima"));
		Http.Response moved = this.api.update("PATCH", EDITOR, article.path("id").asString(), "\"1\"",
				"{\"section\": \"%s/sin\"}".formatted(this.slug));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		// the index answers which articles a section holds: once it has the article, the delete is refused
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(Http.get(this.api.url("/api/v1/articles?section=" + this.slug + "/sin"),
					"Authorization", Http.bearer(EDITOR)).json().path("items").size()).isEqualTo(1));
		Http.Response inUse = delete(this.slug + "/sin");
		problem(inUse, 409, "section");
		assertThat(inUse.json().path("type").asString()).isEqualTo("/problems/section-in-use");
	}

	@Test
	void anEmptySectionIsDeleted() {
		assertThat(create(EDITOR, "{\"slug\": \"%s\", \"name\": \"Prazna\"}".formatted(this.slug)).status())
			.isEqualTo(201);
		assertThat(delete(this.slug).status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/sections/" + this.slug).status()).isEqualTo(404);
	}

	@Test
	void anArticlesSectionMustExistAndANewDraftMayHaveNone() {
		Http.Response unknown = this.api.create(EDITOR,
				"{\"headline\": \"%s\", \"section\": \"nema-takve\"}".formatted(unique("Kriva rubrika")));
		problem(unknown, 422, "section");
		assertThat(this.api.create(EDITOR, "{\"headline\": \"%s\"}".formatted(unique("Bez rubrike"))).status())
			.isEqualTo(201);
	}

	@Test
	void olderArticlesWithAFreeTextSectionKeepReadingAndGetASectionAtStartUp() {
		String text = "Crna kronika " + this.slug;
		String id = new ObjectId().toHexString();
		String articleSlug = "stari-clanak-" + this.slug;
		Date now = Date.from(Instant.now().minusSeconds(60));
		this.database.getCollection("articles")
			.insertOne(new Document("_id", id).append("slug", articleSlug)
				.append("previousSlugs", List.of())
				.append("language", "hr")
				.append("headline", "Stari članak")
				.append("body", List.of())
				.append("authors", List.of())
				.append("section", text)
				.append("tags", List.of())
				.append("commentsOpen", true)
				.append("status", "PUBLISHED")
				.append("ownerId", "editor-1")
				.append("createdAt", now)
				.append("updatedAt", now)
				.append("firstPublishedAt", now)
				.append("publishedAt", now)
				.append("revision", 1L)
				.append("corrections", List.of()));
		this.database.getCollection("article_slugs").insertOne(new Document("_id", articleSlug).append("articleId", id).append("current", true));

		Http.Response before = this.api.get("/api/v1/articles/" + id);
		assertThat(before.status()).as(before.body()).isEqualTo(200);
		assertThat(before.json().path("section").asString()).as("read as stored while no section matches")
			.isEqualTo(text);

		assertThat(this.setup.migrateLegacySections()).isGreaterThanOrEqualTo(1);

		String path = "crna-kronika-" + this.slug;
		assertThat(this.api.get("/api/v1/sections/" + path).json().path("name").asString()).isEqualTo(text);
		JsonNode staff = Http.get(this.api.url("/api/v1/articles/" + id), "Authorization", Http.bearer(EDITOR)).json();
		assertThat(staff.path("section").asString()).isEqualTo(path);
		assertThat(staff.path("url").asString()).isEqualTo("http://localhost:8080/" + path + "/" + articleSlug);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.api.get("/api/v1/articles/" + id).json().path("section").asString())
				.as("the reader's copy follows").isEqualTo(path));
	}

	private Http.Response create(String token, String json) {
		return Http.post(this.api.url("/api/v1/sections"), json, "Content-Type", "application/json", "Authorization",
				Http.bearer(token));
	}

	private Http.Response patch(String path, String json) {
		return Http.send("PATCH", this.api.url("/api/v1/sections/" + path), json, "Content-Type", "application/json",
				"Authorization", Http.bearer(EDITOR));
	}

	private Http.Response delete(String path) {
		return Http.send("DELETE", this.api.url("/api/v1/sections/" + path), null, "Authorization", Http.bearer(EDITOR));
	}

	private static void problem(Http.Response response, int status, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo(field);
	}

	private static JsonNode find(JsonNode sections, String path) {
		for (JsonNode section : sections) {
			if (section.path("path").asString().equals(path)) {
				return section;
			}
		}
		return null;
	}

	private List<JsonNode> sectionEvents() {
		List<JsonNode> events = new ArrayList<>();
		long after = 0;
		while (true) {
			JsonNode page = Http.get(this.api.url("/internal/v1/articles/events?after=" + after + "&limit=500"),
					"Authorization", Http.bearer(SERVICE)).json();
			page.path("events").forEach(event -> {
				if (event.path("type").asString().equals("section.changed")) {
					events.add(event);
				}
			});
			if (page.path("events").isEmpty()) {
				return events;
			}
			after = page.path("next").asLong();
		}
	}

}
