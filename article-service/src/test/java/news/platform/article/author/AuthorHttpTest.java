package news.platform.article.author;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.article.ArticleApi;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;
import news.platform.testsupport.TestTokens;

import static news.platform.article.ArticleApi.EDITOR;
import static news.platform.article.ArticleApi.READER;
import static news.platform.article.ArticleApi.SERVICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Author profiles over HTTP: a staff user's own profile from the token, bylines by profile id read
 * as {slug, name, url}, the public profile only once readers can see a story naming the author
 * (or when marked public), autocomplete, a rename reaching answers and lists, lists by author, and
 * the refusals, each naming its field.
 */
@ServiceIntegrationTest
class AuthorHttpTest {

	@LocalServerPort
	int port;

	private ArticleApi api;

	private String word;

	@BeforeEach
	void setUp() {
		this.api = new ArticleApi(this.port);
		StringBuilder letters = new StringBuilder();
		for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 10).toCharArray()) {
			letters.append((char) ('a' + Character.digit(c, 16) % 26));
		}
		this.word = letters.toString();
	}

	@Test
	void aStaffUsersOwnProfileComesFromTheToken() {
		String subject = "journalist-" + this.word;
		String token = Http.bearer(TestTokens.token(subject, "journalist"));
		assertThat(Http.get(this.api.url("/api/v1/authors/me"), "Authorization", token).status()).isEqualTo(404);

		Http.Response made = Http.post(this.api.url("/api/v1/authors/me"), "", "Authorization", token);
		assertThat(made.status()).as(made.body()).isEqualTo(201);
		assertThat(made.json().path("name").asString()).as("the token's name").isEqualTo(subject);
		assertThat(made.json().path("slug").asString()).isEqualTo(subject);
		assertThat(made.json().path("userId").asString()).isEqualTo(subject);
		assertThat(made.json().path("public").asBoolean()).isFalse();

		Http.Response again = Http.post(this.api.url("/api/v1/authors/me"), "", "Authorization", token);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().path("id").asString()).isEqualTo(made.json().path("id").asString());

		JsonNode changed = send("PATCH", "/api/v1/authors/me", """
				{"name": "Ivana Horvat %s", "slug": "ivana-horvat-%s", "bio": "Piše o gradu.",
				 "photoMediaId": "m-portret", "links": ["https://example.hr/ivana"]}
				""".formatted(this.word, this.word), token).json();
		assertThat(changed.path("slug").asString()).isEqualTo("ivana-horvat-" + this.word);
		assertThat(changed.path("bio").asString()).isEqualTo("Piše o gradu.");
		assertThat(changed.path("links").get(0).asString()).isEqualTo("https://example.hr/ivana");

		assertThat(Http.get(this.api.url("/api/v1/authors/me")).status()).as("anonymous").isEqualTo(403);
		assertThat(Http.post(this.api.url("/api/v1/authors/me"), "", "Authorization", Http.bearer(READER)).status())
			.isEqualTo(403);
	}

	@Test
	void bylinesNameProfilesAndTheProfileIsPublicOnceAStoryIsPublished() {
		String slug = this.api.author("Marko Marić " + this.word);
		Http.Response created = this.api.create(EDITOR, """
				{"headline": "%s", "section": "vijesti", "authors": ["%s"], "source": "HINA",
				 "body": [{"type": "paragraph", "text": "Tekst."}]}
				""".formatted(ArticleApi.unique("Potpis"), slug));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();
		assertThat(created.json().path("authors").get(0).path("slug").asString()).isEqualTo(slug);
		assertThat(Http.get(this.api.url("/api/v1/authors/" + slug)).status()).as("only a draft names them")
			.isEqualTo(404);

		assertThat(this.api.action(EDITOR, id, "publish", null).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(Http.get(this.api.url("/api/v1/authors/" + slug)).status()).isEqualTo(200));
		JsonNode profile = Http.get(this.api.url("/api/v1/authors/" + slug)).json();
		assertThat(profile.path("name").asString()).isEqualTo("Marko Marić " + this.word);
		assertThat(profile.has("userId")).as("not for readers").isFalse();

		JsonNode byline = this.api.get("/api/v1/articles/" + id).json().path("authors").get(0);
		assertThat(byline.path("slug").asString()).isEqualTo(slug);
		assertThat(byline.path("name").asString()).isEqualTo("Marko Marić " + this.word);
		assertThat(byline.path("url").asString()).isEqualTo("http://localhost:8080/autor/" + slug);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(ids("/api/v1/articles?author=" + slug))
			.containsExactly(id));

		JsonNode renamed = send("PATCH", "/api/v1/authors/" + slug,
				"{\"name\": \"Marko M. " + this.word + "\", \"slug\": \"mm-" + this.word + "\"}", Http.bearer(EDITOR))
			.json();
		assertThat(renamed.path("slug").asString()).isEqualTo("mm-" + this.word);
		Http.Response old = Http.get(this.api.url("/api/v1/authors/" + slug));
		assertThat(old.status()).isEqualTo(301);
		assertThat(old.header("Location")).isEqualTo("/api/v1/authors/mm-" + this.word);
		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
			assertThat(this.api.get("/api/v1/articles/" + id).json().path("authors").get(0).path("name").asString())
				.isEqualTo("Marko M. " + this.word);
			JsonNode item = Http.get(this.api.url("/api/v1/articles?author=mm-" + this.word)).json().path("items").get(0);
			assertThat(item.path("authors").get(0).path("slug").asString()).isEqualTo("mm-" + this.word);
		});
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(allEvents()).anySatisfy(event -> {
			assertThat(event.path("type").asString()).isEqualTo("author.changed");
			assertThat(event.path("data").path("slug").asString()).isEqualTo("mm-" + this.word);
			assertThat(event.path("data").path("previousSlug").asString()).isEqualTo(slug);
		}));
	}

	@Test
	void aProfileMarkedPublicShowsBeforeAnyStoryAndAnEmbargoedStoryShowsNothing() {
		Http.Response made = post("/api/v1/authors",
				"{\"name\": \"Javna " + this.word + "\", \"public\": true, \"bio\": \"Kolumnistica.\"}", EDITOR);
		assertThat(made.status()).as(made.body()).isEqualTo(201);
		assertThat(Http.get(this.api.url("/api/v1/authors/javna-" + this.word)).status()).isEqualTo(200);

		String slug = this.api.author("Tajni " + this.word);
		String id = this.api.create(EDITOR, """
				{"headline": "%s", "section": "vijesti", "authors": ["%s"], "embargoUntil": "2099-01-01T00:00:00+01:00",
				 "body": [{"type": "paragraph", "text": "Tekst."}]}
				""".formatted(ArticleApi.unique("Embargo"), slug)).json().path("id").asString();
		assertThat(this.api.action(EDITOR, id, "publish", null).status()).isEqualTo(200);
		String marker = this.api.published(ArticleApi.unique("Marker")).path("id").asString();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> Http.get(this.api.url("/api/v1/articles?ids=" + marker), "Authorization", Http.bearer(EDITOR))
				.json()
				.path("items")
				.size() == 1);
		assertThat(Http.get(this.api.url("/api/v1/authors/" + slug)).status()).isEqualTo(404);
		assertThat(ids("/api/v1/articles?author=" + slug)).isEmpty();
	}

	@Test
	void autocompleteFindsAnyWordOfTheNameFoldedForStaffOnly() {
		this.api.author("Željka Šarić " + this.word);
		String staff = Http.bearer(ArticleApi.journalist("journalist-authors"));
		List<String> names = new ArrayList<>();
		Http.get(this.api.url("/api/v1/authors?prefix=saric%20" + this.word.substring(0, 4)), "Authorization", staff)
			.json()
			.path("items")
			.forEach(item -> names.add(item.path("name").asString()));
		assertThat(names).contains("Željka Šarić " + this.word);
		assertThat(Http.get(this.api.url("/api/v1/authors?prefix=zelj")).status()).isEqualTo(403);
		assertThat(Http.get(this.api.url("/api/v1/authors?prefix=zelj&limit=51"), "Authorization", staff).json()
			.path("errors").toString()).contains("\"field\":\"limit\"");
	}

	@Test
	void badInputIsRefusedNamingTheField() {
		problem(this.api.create(EDITOR, """
				{"headline": "x", "authors": ["Nitko Nepoznat"], "body": [{"type": "paragraph", "text": "T."}]}
				"""), 422, "authors[0]");
		problem(post("/api/v1/authors", "{\"name\": \"A\", \"slug\": \"Nije Slug\"}", EDITOR), 422, "slug");
		problem(post("/api/v1/authors", "{\"name\": \"A\", \"slug\": \"me\"}", EDITOR), 422, "slug");
		problem(post("/api/v1/authors", "{\"slug\": \"bez-imena\"}", EDITOR), 422, "name");
		problem(post("/api/v1/authors", "{\"name\": \"A " + this.word + "\", \"links\": [\"javascript:alert(1)\"]}",
				EDITOR), 422, "links[0]");
		problem(post("/api/v1/authors", "{\"name\": \"A " + this.word + "\", \"photoMediaId\": \"../x\"}", EDITOR), 422,
				"photoMediaId");
		assertThat(Http.get(this.api.url("/api/v1/authors/a-" + this.word)).status()).as("nothing written")
			.isEqualTo(404);
		assertThat(post("/api/v1/authors", "{\"name\": \"A\"}", ArticleApi.journalist("j-1")).status()).isEqualTo(403);
		String other = this.api.author("Netko Drugi " + this.word);
		assertThat(send("PATCH", "/api/v1/authors/" + other, "{\"bio\": \"x\"}",
				Http.bearer(ArticleApi.journalist("j-2"))).status()).as("not their own").isEqualTo(403);
	}

	private List<String> ids(String path) {
		List<String> ids = new ArrayList<>();
		Http.get(this.api.url(path)).json().path("items").forEach(item -> ids.add(item.path("id").asString()));
		return ids;
	}

	private Http.Response post(String path, String json, String token) {
		return Http.post(this.api.url(path), json, "Content-Type", "application/json", "Authorization",
				Http.bearer(token));
	}

	private Http.Response send(String method, String path, String json, String authorization) {
		return Http.send(method, this.api.url(path), json, "Content-Type", "application/json", "Authorization",
				authorization);
	}

	private static void problem(Http.Response response, int status, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().path("errors").toString()).contains("\"field\":\"" + field + "\"");
	}

	private List<JsonNode> allEvents() {
		List<JsonNode> events = new ArrayList<>();
		long after = 0;
		while (true) {
			JsonNode page = Http.get(this.api.url("/internal/v1/articles/events?after=" + after + "&limit=1000"),
					"Authorization", Http.bearer(SERVICE)).json();
			page.path("events").forEach(events::add);
			if (page.path("events").isEmpty()) {
				return events;
			}
			after = page.path("next").asLong();
		}
	}

}
