package news.platform.article.reader;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.article.ArticleApi;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;

import static news.platform.article.ArticleApi.EDITOR;
import static news.platform.article.ArticleApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** The site's lookup by public path, and the public URL in reader answers and ninjs. */
@ServiceIntegrationTest
class PublicPathHttpTest {

	@LocalServerPort
	int port;

	ArticleApi api;

	@BeforeEach
	void setUp() {
		this.api = new ArticleApi(this.port);
	}

	@Test
	void theCurrentPathAnswersTheArticleAnOldOneRedirectsAndAWithdrawnOneIsGone() {
		JsonNode published = this.api.published(unique("Put do članka"));
		String id = published.path("id").asString();
		String slug = published.path("slug").asString();

		Http.Response current = byPath("/vijesti/" + slug);
		assertThat(current.status()).as(current.body()).isEqualTo(200);
		assertThat(current.json().path("id").asString()).isEqualTo(id);
		assertThat(current.json().path("url").asString()).isEqualTo("http://localhost:8080/vijesti/" + slug);

		Http.Response otherSection = byPath("/sport/" + slug);
		assertThat(otherSection.status()).isEqualTo(301);
		assertThat(otherSection.json().path("path").asString()).isEqualTo("/vijesti/" + slug);
		assertThat(otherSection.header("Location")).contains("by-path?path=").contains(slug);

		long revision = published.path("revision").asLong();
		Http.Response renamed = this.api.update("PATCH", EDITOR, id, "\"" + revision + "\"",
				"{\"slug\": \"" + slug + "-novi\"}");
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
		Http.Response oldSlug = byPath("/vijesti/" + slug);
		assertThat(oldSlug.status()).isEqualTo(301);
		assertThat(oldSlug.json().path("path").asString()).isEqualTo("/vijesti/" + slug + "-novi");
		assertThat(oldSlug.json().path("url").asString()).isEqualTo("http://localhost:8080/vijesti/" + slug + "-novi");

		assertThat(this.api.action(EDITOR, id, "unpublish", null).status()).isEqualTo(200);
		Http.Response gone = byPath("/vijesti/" + slug + "-novi");
		assertThat(gone.status()).isEqualTo(410);
		assertThat(gone.json().path("type").asString()).isEqualTo("/problems/article-gone");
		assertThat(byPath("/vijesti/" + slug).status()).as("its old slug too").isEqualTo(410);
	}

	@Test
	void aDraftsPathAnswersExactlyAsAnUnknownOne() {
		String slug = this.api.draft(EDITOR, unique("Tajni nacrt puta")).path("slug").asString();
		Http.Response draft = byPath("/vijesti/" + slug);
		Http.Response unknown = byPath("/vijesti/" + slug + "-nema");
		assertThat(draft.status()).isEqualTo(404);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(draft.json().path("detail").asString()).isEqualTo(unknown.json().path("detail").asString());
		assertThat(byPath("/api/../etc").status()).isEqualTo(404);

		Http.Response missing = Http.get(this.api.url("/api/v1/articles/by-path"));
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().path("errors").get(0).path("field").asString()).isEqualTo("path");
	}

	@Test
	void aDeletedStoryThatWasPublishedIsGoneAndOneThatNeverWasIsUnknown() {
		JsonNode published = this.api.published(unique("Obrisano nakon objave"));
		assertThat(Http.send("DELETE", this.api.url("/api/v1/articles/" + published.path("id").asString()), null,
				"Authorization", Http.bearer(EDITOR)).status()).isEqualTo(204);
		assertThat(byPath("/vijesti/" + published.path("slug").asString()).status()).isEqualTo(410);

		JsonNode draft = this.api.draft(EDITOR, unique("Obrisan nacrt"));
		assertThat(Http.send("DELETE", this.api.url("/api/v1/articles/" + draft.path("id").asString()), null,
				"Authorization", Http.bearer(EDITOR)).status()).isEqualTo(204);
		assertThat(byPath("/vijesti/" + draft.path("slug").asString()).status()).isEqualTo(404);
	}

	@Test
	void readerAnswersAndNinjsCarryThePublicUrl() {
		JsonNode published = this.api.published(unique("Javni URL"));
		String url = "http://localhost:8080/vijesti/" + published.path("slug").asString();
		assertThat(this.api.get("/api/v1/articles/" + published.path("id").asString()).json().path("url").asString())
			.isEqualTo(url);
		JsonNode ninjs = this.api.get("/api/v1/articles/" + published.path("id").asString(), "Accept",
				"application/ninjs+json").json();
		assertThat(ninjs.path("renditions").get(0).path("name").asString()).isEqualTo("web");
		assertThat(ninjs.path("renditions").get(0).path("href").asString()).isEqualTo(url);
	}

	private Http.Response byPath(String path) {
		return this.api.get("/api/v1/articles/by-path?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
	}

}
