package news.platform.article.revision;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Random;

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
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revision diffs name tags and authors as they are called now, never by id: a renamed tag under
 * its new name, a merged one under the tag it was merged into, and revisions stored with the old
 * free-text tags and bylines diff against the ids of today's.
 */
@ServiceIntegrationTest
class RevisionNamesHttpTest {

	@LocalServerPort
	int port;

	@Autowired
	MongoDatabase database;

	ArticleApi api;

	/** Letters only, so this test's tag and author names and slugs meet no other test's. */
	String word;

	@BeforeEach
	void setUp() {
		this.api = new ArticleApi(this.port);
		StringBuilder letters = new StringBuilder();
		Random random = new Random();
		for (int i = 0; i < 10; i++) {
			letters.append((char) ('a' + random.nextInt(26)));
		}
		this.word = letters.toString();
	}

	@Test
	void tagsAndAuthorsShowByTheirCurrentNames() {
		String first = tag("Prvi " + this.word);
		String second = tag("Drugi " + this.word);
		String merged = tag("Spojeni " + this.word);
		String ana = this.api.author("Ana " + this.word);
		String ivan = this.api.author("Ivan " + this.word);
		Http.Response created = this.api.create(EDITOR, """
				{"headline": "Imena %s", "section": "vijesti", "tags": ["%s"], "authors": ["%s"],
				 "body": [{"type": "paragraph", "text": "Tekst."}]}
				""".formatted(this.word, first, ana));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();
		Http.Response changed = this.api.update("PATCH", EDITOR, id, created.header("ETag"), """
				{"tags": ["%s", "%s"], "authors": ["%s", "%s"]}
				""".formatted(first, merged, ana, ivan));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);

		JsonNode diff = diff(id);
		assertThat(field(diff, "tags").path("from").toString()).isEqualTo("[\"Prvi " + this.word + "\"]");
		assertThat(field(diff, "tags").path("to").toString())
			.isEqualTo("[\"Prvi " + this.word + "\",\"Spojeni " + this.word + "\"]");
		assertThat(field(diff, "authors").path("from").toString()).isEqualTo("[\"Ana " + this.word + "\"]");
		assertThat(field(diff, "authors").path("to").toString())
			.isEqualTo("[\"Ana " + this.word + "\",\"Ivan " + this.word + "\"]");

		// renamed and merged since: the diff reads as the tags are called now
		Http.Response renamed = Http.send("PATCH", this.api.url("/api/v1/tags/" + first),
				"{\"name\": \"Preimenovani " + this.word + "\"}", "Content-Type", "application/json", "Authorization",
				Http.bearer(EDITOR));
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
		Http.Response merge = Http.post(this.api.url("/api/v1/tags/" + merged + "/merge"),
				"{\"into\": \"" + second + "\"}", "Content-Type", "application/json", "Authorization",
				Http.bearer(EDITOR));
		assertThat(merge.status()).as(merge.body()).isEqualTo(200);

		JsonNode after = diff(id);
		assertThat(field(after, "tags").path("from").toString()).isEqualTo("[\"Preimenovani " + this.word + "\"]");
		assertThat(field(after, "tags").path("to").toString())
			.isEqualTo("[\"Preimenovani " + this.word + "\",\"Drugi " + this.word + "\"]");
		assertThat(after.toString()).as("no ids in the diff").doesNotContainPattern("[0-9a-f]{24}");
	}

	@Test
	void aRevisionStoredWithFreeTextTagsAndAuthorsStillDiffs() {
		String id = new ObjectId().toHexString();
		String slug = "stare-oznake-" + this.word;
		Date then = Date.from(Instant.now().minusSeconds(3600));
		Document article = new Document("_id", id).append("slug", slug)
			.append("previousSlugs", List.of())
			.append("language", "hr")
			.append("headline", "Stare oznake " + this.word)
			.append("standfirst", null)
			.append("body", List.of(new Document("type", "paragraph").append("text", "Stari odlomak."),
					new Document("type", "quote").append("text", "Stari citat.").append("attribution", "Netko")))
			.append("authors", List.of("Marko Stari " + this.word))
			.append("section", "vijesti")
			.append("tags", List.of("Stara oznaka " + this.word))
			.append("commentsOpen", true)
			.append("status", "DRAFT")
			.append("ownerId", "editor-1")
			.append("createdAt", then)
			.append("updatedAt", then)
			.append("revision", 1L)
			.append("wordCount", 4)
			.append("readingMinutes", 1)
			.append("corrections", List.of());
		this.database.getCollection("articles").insertOne(article);
		this.database.getCollection(Revisions.COLLECTION)
			.insertOne(new Document("_id", id + ":1").append("articleId", id)
				.append("revision", 1L)
				.append("savedAt", then)
				.append("savedBy", "editor-1")
				.append("action", "create")
				.append("article", article));
		this.database.getCollection("article_slugs")
			.insertOne(new Document("_id", slug).append("articleId", id).append("current", true));
		String tag = tag("Nova oznaka " + this.word);
		String author = this.api.author("Nova Autorica " + this.word);

		Http.Response changed = this.api.update("PATCH", EDITOR, id, "\"1\"", """
				{"tags": ["%s"], "authors": ["%s"]}
				""".formatted(tag, author));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);

		JsonNode diff = diff(id);
		assertThat(field(diff, "tags").path("from").toString()).isEqualTo("[\"Stara oznaka " + this.word + "\"]");
		assertThat(field(diff, "tags").path("to").toString()).isEqualTo("[\"Nova oznaka " + this.word + "\"]");
		assertThat(field(diff, "authors").path("from").toString()).isEqualTo("[\"Marko Stari " + this.word + "\"]");
		assertThat(field(diff, "authors").path("to").toString()).isEqualTo("[\"Nova Autorica " + this.word + "\"]");
		assertThat(diff.path("body").toString()).doesNotContain("\"insert\"")
			.doesNotContain("\"delete\"")
			.contains("paragraph: Stari odlomak.")
			.contains("quote: Stari citat.");
	}

	/** A tag made by an editor; answers its slug. */
	private String tag(String name) {
		Http.Response made = Http.post(this.api.url("/api/v1/tags"), "{\"name\": \"" + name + "\"}", "Content-Type",
				"application/json", "Authorization", Http.bearer(EDITOR));
		assertThat(made.status()).as(made.body()).isEqualTo(201);
		return made.json().path("slug").asString();
	}

	private JsonNode diff(String id) {
		Http.Response diff = this.api.get("/api/v1/articles/" + id + "/revisions/diff?from=1&to=2", "Authorization",
				Http.bearer(EDITOR));
		assertThat(diff.status()).as(diff.body()).isEqualTo(200);
		return diff.json();
	}

	private static JsonNode field(JsonNode diff, String name) {
		for (JsonNode change : diff.path("fields")) {
			if (name.equals(change.path("field").asString())) {
				return change;
			}
		}
		throw new AssertionError("no change of " + name + " in " + diff);
	}

}
