package news.platform.article.revision;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.article.ArticleApi;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;

import static news.platform.article.ArticleApi.EDITOR;
import static news.platform.article.ArticleApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class RevisionsTest {

	@LocalServerPort
	int port;

	@Test
	void everySaveKeepsARevisionThatCanBeReadBackAndDiffed() {
		ArticleApi api = new ArticleApi(this.port);
		JsonNode draft = api.draft(EDITOR, unique("Revizije"));
		String id = draft.path("id").asString();
		Http.Response changed = api.update("PATCH", EDITOR, id, "\"1\"", """
				{"headline": "Novi naslov", "body": [{"type": "paragraph", "text": "Prvi odlomak teksta."},
				  {"type": "paragraph", "text": "Dodani odlomak."}]}
				""");
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		api.action(EDITOR, id, "submit", null);

		JsonNode list = api.get("/api/v1/articles/" + id + "/revisions", "Authorization", Http.bearer(EDITOR)).json();
		assertThat(list.size()).isEqualTo(3);
		assertThat(list.get(0).path("revision").asLong()).isEqualTo(3);
		assertThat(list.get(0).path("action").asString()).isEqualTo("submit");

		JsonNode first = api.get("/api/v1/articles/" + id + "/revisions/1", "Authorization", Http.bearer(EDITOR))
			.json();
		assertThat(first.path("article").path("headline").asString()).isEqualTo(draft.path("headline").asString());

		JsonNode diff = api.get("/api/v1/articles/" + id + "/revisions/diff?from=1&to=2", "Authorization",
				Http.bearer(EDITOR))
			.json();
		assertThat(diff.path("fields").get(0).path("field").asString()).isEqualTo("headline");
		assertThat(diff.path("fields").get(0).path("to").asString()).isEqualTo("Novi naslov");
		assertThat(diff.path("body").toString()).contains("\"op\":\"delete\",\"text\":\"image: m-1 Slika\"")
			.contains("\"op\":\"insert\",\"text\":\"paragraph: Dodani odlomak.\"");
		assertThat(api.get("/api/v1/articles/" + id + "/revisions").status()).isEqualTo(404);
		assertThat(api.get("/api/v1/articles/" + id + "/revisions/9", "Authorization", Http.bearer(EDITOR)).status())
			.isEqualTo(404);
	}

	@Test
	void theBodyDiffAlignsUnchangedBlocks() {
		List<RevisionDiff.BodyLine> diff = RevisionDiff.lines(List.of("a", "b", "c"), List.of("a", "x", "c", "d"));
		assertThat(diff).extracting(RevisionDiff.BodyLine::op)
			.containsExactly("equal", "delete", "insert", "equal", "insert");
	}

}
