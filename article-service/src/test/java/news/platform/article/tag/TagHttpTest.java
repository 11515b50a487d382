package news.platform.article.tag;

import java.time.Clock;
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
import news.platform.autoconfigure.core.PublicUrls;
import news.platform.autoconfigure.feed.publish.FeedPublisher;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;

import static news.platform.article.ArticleApi.EDITOR;
import static news.platform.article.ArticleApi.READER;
import static news.platform.article.ArticleApi.SERVICE;
import static news.platform.article.ArticleApi.journalist;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tags over HTTP: made on first use, read by readers as {slug, name, url}, renamed and merged
 * (old slugs 301, articles follow, lists filter by the slug now), autocomplete with Croatian
 * folding, public pages only once readers can see a story naming the tag, articles of the old
 * shape, and a rename on another replica reaching this one's answers through the feed.
 */
@ServiceIntegrationTest
class TagHttpTest {

	@LocalServerPort
	int port;

	@Autowired
	MongoDatabase database;

	@Autowired
	Tags tags;

	@Autowired
	FeedPublisher articleFeed;

	@Autowired
	PublicUrls urls;

	@Autowired
	TagDirectory directory;

	@Autowired
	TagSetup setup;

	private ArticleApi api;

	/** Letters only, so names, slugs and folded prefixes of a test never meet another test's. */
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
	void aTagIsMadeOnFirstUseAndReadersSeeItOnlyOncePublished() {
		String name = "Čačak " + this.word;
		String slug = "cacak-" + this.word;
		JsonNode draft = create("""
				{"headline": "%s", "section": "vijesti", "tags": ["%s", "%s"],
				 "body": [{"type": "paragraph", "text": "Tekst."}]}
				""".formatted(ArticleApi.unique("Most"), name, slug));
		assertThat(draft.path("tags")).as("the name and the slug of one tag: once").hasSize(1);
		assertThat(draft.path("tags").get(0).path("slug").asString()).isEqualTo(slug);
		assertThat(draft.path("tags").get(0).path("name").asString()).isEqualTo(name);
		String tagId = draft.path("tags").get(0).path("id").asString();
		assertThat(this.database.getCollection("articles").find(new Document("_id", draft.path("id").asString()))
			.first()
			.getList("tags", String.class)).as("articles store the tag's id").containsExactly(tagId);

		assertThat(Http.get(this.api.url("/api/v1/tags/" + slug)).status()).as("only a draft names it").isEqualTo(404);

		String id = draft.path("id").asString();
		assertThat(this.api.action(EDITOR, id, "publish", null).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(Http.get(this.api.url("/api/v1/tags/" + slug)).status()).isEqualTo(200));
		JsonNode tag = Http.get(this.api.url("/api/v1/tags/" + slug)).json();
		assertThat(tag.path("name").asString()).isEqualTo(name);
		assertThat(tag.path("url").asString()).isEqualTo("http://localhost:8080/tag/" + slug);

		JsonNode reader = this.api.get("/api/v1/articles/" + id).json();
		assertThat(reader.path("tags").get(0).path("slug").asString()).isEqualTo(slug);
		assertThat(reader.path("tags").get(0).path("name").asString()).isEqualTo(name);
		assertThat(reader.path("tags").get(0).path("url").asString()).isEqualTo("http://localhost:8080/tag/" + slug);

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(eventsOf(id)).anySatisfy(event -> {
				assertThat(event.path("type").asString()).isEqualTo("article.published");
				assertThat(event.path("schemaVersion").asInt()).isEqualTo(2);
				assertThat(event.path("data").path("tags").get(0).asString()).as("reader events carry slugs")
					.isEqualTo(slug);
			});
			assertThat(allEvents()).anySatisfy(event -> {
				assertThat(event.path("type").asString()).isEqualTo("tag.changed");
				assertThat(event.path("articleId").isNull()).isTrue();
				assertThat(event.path("data").path("slug").asString()).isEqualTo(slug);
				assertThat(event.path("data").path("name").asString()).isEqualTo(name);
			});
		});
	}

	@Test
	void aTagOnlyAnEmbargoedStoryNamesShowsNowhereToReaders() {
		String slug = "tajna-" + this.word;
		JsonNode draft = create("""
				{"headline": "%s", "section": "vijesti", "tags": ["%s"], "embargoUntil": "2099-01-01T00:00:00+01:00",
				 "body": [{"type": "paragraph", "text": "Tekst."}]}
				""".formatted(ArticleApi.unique("Tajna"), slug));
		assertThat(this.api.action(EDITOR, draft.path("id").asString(), "publish", null).status()).isEqualTo(200);
		// a published story the index has taken in, as a marker that the embargoed one has been too
		String marker = this.api.published(ArticleApi.unique("Marker")).path("id").asString();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> Http.get(this.api.url("/api/v1/articles?ids=" + marker), "Authorization", Http.bearer(EDITOR))
				.json()
				.path("items")
				.size() == 1);

		assertThat(Http.get(this.api.url("/api/v1/tags/" + slug)).status()).isEqualTo(404);
		assertThat(Http.get(this.api.url("/api/v1/articles?tag=" + slug)).json().path("items")).isEmpty();
		assertThat(Http.get(this.api.url("/api/v1/articles/" + draft.path("id").asString())).status()).isEqualTo(404);
		assertThat(Http.get(this.api.url("/api/v1/tags?prefix=tajna-" + this.word), "Authorization", Http.bearer(EDITOR))
			.json()
			.path("items")).as("staff find it").hasSize(1);
	}

	@Test
	void autocompleteFoldsCroatianLettersAndIsForStaffOnly() {
		create(article("Zagreb " + this.word, "Čačak " + this.word));
		String staff = Http.bearer(journalist("journalist-tags"));

		JsonNode zag = Http.get(this.api.url("/api/v1/tags?prefix=zag&limit=50"), "Authorization", staff).json();
		assertThat(names(zag)).contains("Zagreb " + this.word);
		JsonNode cac = Http.get(this.api.url("/api/v1/tags?prefix=CAC"), "Authorization", staff).json();
		assertThat(names(cac)).isNotEmpty().allSatisfy(n -> assertThat(n).startsWith("Čačak"));
		JsonNode word = Http.get(this.api.url("/api/v1/tags?prefix=" + this.word), "Authorization", staff).json();
		assertThat(names(word)).as("any word of the name").containsExactlyInAnyOrder("Zagreb " + this.word,
				"Čačak " + this.word);

		assertThat(Http.get(this.api.url("/api/v1/tags?prefix=zag")).status()).isEqualTo(403);
		assertThat(Http.get(this.api.url("/api/v1/tags?prefix=zag"), "Authorization", Http.bearer(READER)).status())
			.isEqualTo(403);
		problem(Http.get(this.api.url("/api/v1/tags"), "Authorization", staff), 400, "prefix");
		problem(Http.get(this.api.url("/api/v1/tags?prefix=%20%20"), "Authorization", staff), 400, "prefix");
		problem(Http.get(this.api.url("/api/v1/tags?prefix=zag&limit=0"), "Authorization", staff), 400, "limit");
		problem(Http.get(this.api.url("/api/v1/tags?prefix=zag&limit=x"), "Authorization", staff), 400, "limit");
	}

	@Test
	void aRenameKeepsTheOldSlugAnsweringAndReachesReadersAndLists() {
		String slug = "most-" + this.word;
		String id = publishedWith(slug);
		awaitVisible(slug);
		String cached = this.api.get("/api/v1/articles/" + id).json().path("tags").toString();
		assertThat(cached).contains(slug);

		JsonNode renamed = patch("/api/v1/tags/" + slug, "{\"slug\": \"novi-" + slug + "\", \"name\": \"Novi most\"}",
				EDITOR);
		assertThat(renamed.path("slug").asString()).isEqualTo("novi-" + slug);

		Http.Response old = Http.get(this.api.url("/api/v1/tags/" + slug));
		assertThat(old.status()).isEqualTo(301);
		assertThat(old.header("Location")).isEqualTo("/api/v1/tags/novi-" + slug);
		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
			JsonNode tag = this.api.get("/api/v1/articles/" + id).json().path("tags").get(0);
			assertThat(tag.path("slug").asString()).isEqualTo("novi-" + slug);
			assertThat(tag.path("name").asString()).isEqualTo("Novi most");
		});
		JsonNode listed = Http.get(this.api.url("/api/v1/articles?tag=novi-" + slug)).json().path("items");
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).path("tags").get(0).path("name").asString()).isEqualTo("Novi most");
		assertThat(Http.get(this.api.url("/api/v1/articles?tag=" + slug)).json().path("items"))
			.as("the old slug still filters").hasSize(1);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(allEvents()).anySatisfy(event -> {
			assertThat(event.path("type").asString()).isEqualTo("tag.changed");
			assertThat(event.path("data").path("slug").asString()).isEqualTo("novi-" + slug);
			assertThat(event.path("data").path("previousSlug").asString()).isEqualTo(slug);
		}));
	}

	@Test
	void aMergeLeadsArticlesAndSlugsToTheOtherTag() {
		String from = "poplava-" + this.word;
		String into = "poplave-" + this.word;
		String first = publishedWith(from);
		String second = publishedWith(into);
		awaitVisible(from);
		awaitVisible(into);

		problem(post("/api/v1/tags/" + from + "/merge", "{\"into\": \"" + from + "\"}", EDITOR), 422, "into");
		problem(post("/api/v1/tags/" + from + "/merge", "{\"into\": \"nema-" + this.word + "\"}", EDITOR), 422, "into");
		problem(post("/api/v1/tags/" + from + "/merge", "{}", EDITOR), 422, "into");
		assertThat(post("/api/v1/tags/" + from + "/merge", "{\"into\": \"" + into + "\"}",
				journalist("journalist-merge")).status()).isEqualTo(403);

		Http.Response merged = post("/api/v1/tags/" + from + "/merge", "{\"into\": \"" + into + "\"}", EDITOR);
		assertThat(merged.status()).as(merged.body()).isEqualTo(200);
		assertThat(merged.json().path("slug").asString()).isEqualTo(into);

		Http.Response old = Http.get(this.api.url("/api/v1/tags/" + from));
		assertThat(old.status()).isEqualTo(301);
		assertThat(old.header("Location")).isEqualTo("/api/v1/tags/" + into);
		await().atMost(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(
					this.api.get("/api/v1/articles/" + first).json().path("tags").get(0).path("slug").asString())
				.isEqualTo(into));
		List<String> ids = new ArrayList<>();
		Http.get(this.api.url("/api/v1/articles?tag=" + into)).json().path("items").forEach(i -> ids.add(i.path("id").asString()));
		assertThat(ids).containsExactlyInAnyOrder(first, second);
		assertThat(names(Http.get(this.api.url("/api/v1/tags?prefix=poplava-" + this.word), "Authorization",
				Http.bearer(EDITOR)).json())).as("a merged tag is no longer suggested").isEmpty();
	}

	@Test
	void slugsThatBreakTheRuleAreRefusedAndNothingIsWritten() {
		long count = this.database.getCollection("tags").countDocuments();
		problem(post("/api/v1/tags", "{\"slug\": \"Loš Slug\", \"name\": \"Loš\"}", EDITOR), 422, "slug");
		problem(post("/api/v1/tags", "{\"slug\": \"a--b\", \"name\": \"A\"}", EDITOR), 422, "slug");
		problem(post("/api/v1/tags", "{\"name\": \"!!!\"}", EDITOR), 422, "name");
		problem(post("/api/v1/tags", "{\"slug\": \"x-" + this.word + "\"}", EDITOR), 422, "name");
		Http.Response made = post("/api/v1/tags", "{\"slug\": \"x-" + this.word + "\", \"name\": \"X\"}", EDITOR);
		assertThat(made.status()).isEqualTo(201);
		problem(post("/api/v1/tags", "{\"slug\": \"x-" + this.word + "\", \"name\": \"Y\"}", EDITOR), 409, "slug");
		problem(patch("/api/v1/tags/x-" + this.word, "{\"slug\": \"-x\"}", EDITOR, 422), 422, "slug");
		assertThat(this.database.getCollection("tags").countDocuments()).isEqualTo(count + 1);

		long articles = this.database.getCollection("articles").countDocuments();
		problem(this.api.create(EDITOR, article("Dobar " + this.word, "???")), 422, "tags[1]");
		assertThat(this.database.getCollection("articles").countDocuments()).isEqualTo(articles);
		assertThat(this.directory.bySlug("dobar-" + this.word)).as("no tag made for a refused article").isEmpty();
	}

	@Test
	void articlesStoredWithFreeTextTagsKeepWorking() {
		String id = new ObjectId().toHexString();
		String slug = "stari-tagovi-" + this.word;
		Date then = Date.from(Instant.now().minusSeconds(3600));
		String name = "Đakovo " + this.word;
		Document article = new Document("_id", id).append("slug", slug)
			.append("previousSlugs", List.of())
			.append("language", "hr")
			.append("headline", "Stari tagovi " + this.word)
			.append("body", List.of(new Document("type", "paragraph").append("text", "Stari odlomak.")))
			.append("authors", List.of("Ivan Horvat"))
			.append("section", "vijesti")
			.append("tags", List.of(name))
			.append("commentsOpen", true)
			.append("status", "IN_REVIEW")
			.append("ownerId", "editor-1")
			.append("createdAt", then)
			.append("updatedAt", then)
			.append("revision", 1L)
			.append("wordCount", 4)
			.append("readingMinutes", 1)
			.append("corrections", List.of());
		this.database.getCollection("articles").insertOne(article);
		this.database.getCollection("article_slugs")
			.insertOne(new Document("_id", slug).append("articleId", id).append("current", true));

		assertThat(this.api.action(EDITOR, id, "publish", null).status()).isEqualTo(200);
		JsonNode reader = this.api.get("/api/v1/articles/" + id).json();
		assertThat(reader.path("tags").get(0).path("slug").asString()).isEqualTo("dakovo-" + this.word);
		assertThat(reader.path("tags").get(0).path("name").asString()).isEqualTo(name);
		assertThat(reader.path("authors").get(0).path("name").asString()).isEqualTo("Ivan Horvat");
		assertThat(reader.path("authors").get(0).has("slug")).as("a free-text name has no profile").isFalse();
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(Http.get(this.api.url("/api/v1/articles?tag=dakovo-" + this.word))
				.json()
				.path("items")).hasSize(1));

		// the start-up step (once per database) makes a tag of that text; the article is not rewritten
		this.database.getCollection("article_settings").deleteOne(new Document("_id", TagSetup.LEGACY));
		this.setup.afterSingletonsInstantiated();
		assertThat(this.directory.bySlug("dakovo-" + this.word).map(Tag::name)).contains(name);
		assertThat(this.database.getCollection("articles").find(new Document("_id", id)).first().getList("tags",
				String.class)).containsExactly(name);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(Http.get(this.api.url("/api/v1/tags/dakovo-" + this.word)).status())
				.isEqualTo(200));

		// a newer article naming it by name stores the tag's id, and lists under the tag hold both
		String newer = publishedWith(name);
		JsonNode tag = this.api.get("/api/v1/articles/" + newer).json().path("tags").get(0);
		assertThat(tag.path("slug").asString()).isEqualTo("dakovo-" + this.word);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			List<String> ids = new ArrayList<>();
			Http.get(this.api.url("/api/v1/articles?tag=dakovo-" + this.word))
				.json()
				.path("items")
				.forEach(i -> ids.add(i.path("id").asString()));
			assertThat(ids).containsExactlyInAnyOrder(id, newer);
		});
		assertThat(Http.get(this.api.url("/api/v1/tags/dakovo-" + this.word)).status()).isEqualTo(200);
	}

	@Test
	void aSectionListIncludesItsSubsections() {
		String parent = "vijesti";
		String tag = "sekcija-" + this.word;
		String child = idOf(create("""
				{"headline": "%s", "section": "vijesti/hrvatska", "tags": ["%s"],
				 "body": [{"type": "paragraph", "text": "Tekst."}]}
				""".formatted(ArticleApi.unique("Dijete"), tag)));
		String own = idOf(create("""
				{"headline": "%s", "section": "vijesti", "tags": ["%s"],
				 "body": [{"type": "paragraph", "text": "Tekst."}]}
				""".formatted(ArticleApi.unique("Roditelj"), tag)));
		this.api.action(EDITOR, child, "publish", null);
		this.api.action(EDITOR, own, "publish", null);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			List<String> ids = new ArrayList<>();
			Http.get(this.api.url("/api/v1/articles?section=" + parent + "&tag=" + tag))
				.json()
				.path("items")
				.forEach(i -> ids.add(i.path("id").asString()));
			assertThat(ids).containsExactlyInAnyOrder(child, own);
		});
		assertThat(Http.get(this.api.url("/api/v1/articles?section=vijesti/hrvatska&tag=" + tag)).json().path("items"))
			.hasSize(1);
	}

	@Test
	void aRenameOnAnotherReplicaReachesThisReplicasAnswersThroughTheFeed() {
		String slug = "replika-" + this.word;
		String id = publishedWith(slug);
		awaitVisible(slug);
		assertThat(this.api.get("/api/v1/articles/" + id).json().path("tags").get(0).path("name").asString())
			.as("cached here").isEqualTo(slug);

		// another replica: same database, its own tags in memory, in-process notices that never reach this one
		TagDirectory otherDirectory = new TagDirectory(this.tags, this.urls);
		TagEditing otherReplica = new TagEditing(this.tags, otherDirectory, this.articleFeed,
				event -> {
				}, Clock.systemUTC());
		otherReplica.rename(otherDirectory.bySlug(slug).orElseThrow(), new TagEditing.Rename(null, "Replika"));

		await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
			assertThat(this.api.get("/api/v1/articles/" + id).json().path("tags").get(0).path("name").asString())
				.isEqualTo("Replika");
			assertThat(Http.get(this.api.url("/api/v1/articles?tag=" + slug))
				.json()
				.path("items")
				.get(0)
				.path("tags")
				.get(0)
				.path("name")
				.asString()).isEqualTo("Replika");
		});
	}

	private String publishedWith(String tag) {
		String id = idOf(create(article(tag)));
		Http.Response published = this.api.action(EDITOR, id, "publish", null);
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		return id;
	}

	private void awaitVisible(String slug) {
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(Http.get(this.api.url("/api/v1/tags/" + slug)).status()).isIn(200, 301));
	}

	private static String article(String... tags) {
		StringBuilder list = new StringBuilder();
		for (String tag : tags) {
			list.append(list.isEmpty() ? "" : ", ").append('"').append(tag).append('"');
		}
		return """
				{"headline": "%s", "section": "vijesti", "tags": [%s],
				 "body": [{"type": "paragraph", "text": "Tekst."}]}
				""".formatted(ArticleApi.unique("Vijest"), list);
	}

	private JsonNode create(String json) {
		Http.Response created = this.api.create(EDITOR, json);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json();
	}

	private static String idOf(JsonNode article) {
		return article.path("id").asString();
	}

	private Http.Response post(String path, String json, String token) {
		return Http.post(this.api.url(path), json, "Content-Type", "application/json", "Authorization",
				Http.bearer(token));
	}

	private JsonNode patch(String path, String json, String token) {
		Http.Response response = patch(path, json, token, 200);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private Http.Response patch(String path, String json, String token, int expected) {
		return Http.send("PATCH", this.api.url(path), json, "Content-Type", "application/json", "Authorization",
				Http.bearer(token));
	}

	private static void problem(Http.Response response, int status, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().path("errors").toString()).contains("\"field\":\"" + field + "\"");
	}

	private static List<String> names(JsonNode answer) {
		List<String> names = new ArrayList<>();
		answer.path("items").forEach(item -> names.add(item.path("name").asString()));
		return names;
	}

	private List<JsonNode> eventsOf(String articleId) {
		return allEvents().stream().filter(event -> event.path("articleId").asString().equals(articleId)).toList();
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
