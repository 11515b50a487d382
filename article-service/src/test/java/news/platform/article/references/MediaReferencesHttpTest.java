package news.platform.article.references;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.article.ArticleApi;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;

import static news.platform.article.ArticleApi.EDITOR;
import static news.platform.article.ArticleApi.SERVICE;
import static news.platform.article.ArticleApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** What media-service's clean-up asks before it deletes media items: stories, revisions and author photos. */
@ServiceIntegrationTest
class MediaReferencesHttpTest {

	@LocalServerPort
	int port;

	ArticleApi api;

	String prefix;

	@BeforeEach
	void setUp() {
		this.api = new ArticleApi(this.port);
		this.prefix = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	@Test
	void anAuthorsPhotoIsReferencedThoughNoStoryShowsIt() {
		String portrait = this.prefix + "-portrait";
		Http.Response profile = Http.post(this.api.url("/api/v1/authors"), """
				{"name": "Fotografirana %s", "photoMediaId": "%s"}
				""".formatted(this.prefix, portrait), "Content-Type", "application/json", "Authorization",
				Http.bearer(EDITOR));
		assertThat(profile.status()).as(profile.body()).isEqualTo(201);

		assertThat(ask(List.of(portrait, this.prefix + "-nobody"))).containsEntry(portrait, true)
			.containsEntry(this.prefix + "-nobody", false);
	}

	@Test
	void mediaNamedByAnyArticleOrAnyRevisionIsReferenced() {
		String hero = this.prefix + "-hero";
		String block = this.prefix + "-block";
		String replaced = this.prefix + "-old";
		String unused = this.prefix + "-unused";
		Http.Response created = this.api.create(EDITOR, """
				{"headline": "%s", "section": "vijesti", "heroMediaId": "%s",
				 "body": [{"type": "image", "mediaId": "%s"}, {"type": "image", "mediaId": "%s"}]}
				""".formatted(unique("Slike"), hero, block, replaced));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();
		// the picture leaves the draft; its first revision still names it (a restore can bring it back)
		assertThat(this.api.update("PATCH", EDITOR, id, "\"1\"", """
				{"body": [{"type": "image", "mediaId": "%s"}]}
				""".formatted(block)).status()).isEqualTo(200);

		Map<String, Boolean> answer = ask(List.of(hero, block, replaced, unused, hero));
		assertThat(answer).containsEntry(hero, true)
			.containsEntry(block, true)
			.containsEntry(replaced, true)
			.containsEntry(unused, false)
			.hasSize(4);
	}

	@Test
	void badRequestsAreRefusedNamingTheFieldAndOnlyServicesMayAsk() {
		problem(post("{\"mediaIds\": []}", SERVICE), "mediaIds");
		problem(post("{}", SERVICE), "mediaIds");
		problem(post("{\"mediaIds\": [\"ok\", \"$where\"]}", SERVICE), "mediaIds[1]");
		List<String> many = new ArrayList<>();
		for (int i = 0; i < 101; i++) {
			many.add("\"id" + i + "\"");
		}
		problem(post("{\"mediaIds\": [" + String.join(",", many) + "]}", SERVICE), "mediaIds");
		assertThat(post("{\"mediaIds\": [\"x\"]}", EDITOR).status()).isEqualTo(403);
		assertThat(Http.post(this.api.url("/internal/v1/articles/media-references"), "{\"mediaIds\": [\"x\"]}",
				"Content-Type", "application/json").status()).isEqualTo(401);
	}

	private Map<String, Boolean> ask(List<String> ids) {
		StringBuilder json = new StringBuilder("{\"mediaIds\": [");
		for (int i = 0; i < ids.size(); i++) {
			json.append(i == 0 ? "" : ",").append('"').append(ids.get(i)).append('"');
		}
		Http.Response response = post(json.append("]}").toString(), SERVICE);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		Map<String, Boolean> answer = new HashMap<>();
		for (JsonNode reference : response.json().path("references")) {
			answer.put(reference.path("mediaId").asString(), reference.path("referenced").asBoolean());
		}
		return answer;
	}

	private Http.Response post(String json, String token) {
		return Http.post(this.api.url("/internal/v1/articles/media-references"), json, "Content-Type",
				"application/json", "Authorization", Http.bearer(token));
	}

	private static void problem(Http.Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo(field);
	}

}
