package news.platform.article.workflow;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.article.ArticleApi;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;

import static news.platform.article.ArticleApi.EDITOR;
import static news.platform.article.ArticleApi.journalist;
import static news.platform.article.ArticleApi.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Returning a story with a note, restoring a revision, and the actions the staff view offers. */
@ServiceIntegrationTest
class ReturnRestoreAndActionsTest {

	@LocalServerPort
	int port;

	ArticleApi api;

	@BeforeEach
	void setUp() {
		this.api = new ArticleApi(this.port);
	}

	@Test
	void aReturnNeedsANoteThatTheJournalistSeesOnTheArticleAndInItsHistory() {
		String token = journalist("j-return");
		String id = this.api.draft(token, unique("Za povrat")).path("id").asString();
		this.api.action(token, id, "submit", null);

		Http.Response withoutNote = this.api.action(EDITOR, id, "reject", null);
		assertThat(withoutNote.status()).isEqualTo(422);
		assertThat(withoutNote.json().path("errors").get(0).path("field").asString()).isEqualTo("note");
		Http.Response blank = this.api.action(EDITOR, id, "reject", "{\"note\": \"  \"}");
		assertThat(blank.status()).isEqualTo(422);
		assertThat(staffView(token, id).path("status").asString()).as("nothing written").isEqualTo("IN_REVIEW");

		Http.Response returned = this.api.action(EDITOR, id, "reject", "{\"note\": \"Provjeri brojke u drugom odlomku.\"}");
		assertThat(returned.status()).as(returned.body()).isEqualTo(200);

		JsonNode seen = staffView(token, id);
		assertThat(seen.path("status").asString()).isEqualTo("DRAFT");
		assertThat(seen.path("returned").asBoolean()).isTrue();
		assertThat(seen.path("returnNote").path("text").asString()).isEqualTo("Provjeri brojke u drugom odlomku.");
		assertThat(seen.path("returnNote").path("by").asString()).isEqualTo("editor-1");
		JsonNode history = Http.get(this.api.url("/api/v1/articles/" + id + "/revisions"), "Authorization",
				Http.bearer(token)).json();
		assertThat(history.get(0).path("action").asString()).isEqualTo("reject");
		assertThat(history.get(0).path("note").asString()).isEqualTo("Provjeri brojke u drugom odlomku.");

		// resubmitted: no longer returned, the note stays in the history
		this.api.action(token, id, "submit", null);
		JsonNode resubmitted = staffView(token, id);
		assertThat(resubmitted.path("returned").asBoolean()).isFalse();
		assertThat(resubmitted.path("returnNote").isNull()).isTrue();
	}

	@Test
	void anEditorRestoresAnEarlierRevisionAsANewOne() {
		JsonNode draft = this.api.draft(EDITOR, unique("Prva verzija"));
		String id = draft.path("id").asString();
		String firstHeadline = draft.path("headline").asString();
		assertThat(this.api.update("PATCH", EDITOR, id, "\"1\"", "{\"headline\": \"Druga verzija\"}").status())
			.isEqualTo(200);

		Http.Response withoutIfMatch = restore(id, 1, null);
		assertThat(withoutIfMatch.status()).isEqualTo(428);
		assertThat(restore(id, 1, "\"1\"").status()).as("stale").isEqualTo(412);
		Http.Response missing = restore(id, 99, "\"2\"");
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.json().path("errors").get(0).path("field").asString()).isEqualTo("revision");
		assertThat(Http.send("POST", this.api.url("/api/v1/articles/" + id + "/revisions/1/restore"), "",
				"Authorization", Http.bearer(journalist("j-restore")), "If-Match", "\"2\"").status())
			.as("a journalist who cannot see it: 404").isEqualTo(404);
		assertThat(staffView(EDITOR, id).path("revision").asLong()).as("nothing written").isEqualTo(2);

		Http.Response restored = restore(id, 1, "\"2\"");
		assertThat(restored.status()).as(restored.body()).isEqualTo(200);
		assertThat(restored.header("ETag")).isEqualTo("\"3\"");
		assertThat(restored.json().path("headline").asString()).isEqualTo(firstHeadline);
		assertThat(restored.json().path("revision").asLong()).isEqualTo(3);
		JsonNode history = Http.get(this.api.url("/api/v1/articles/" + id + "/revisions"), "Authorization",
				Http.bearer(EDITOR)).json();
		assertThat(history.get(0).path("action").asString()).isEqualTo("restore");
		assertThat(history.get(0).path("note").asString()).isEqualTo("revision 1");
	}

	@Test
	void theStaffViewListsWhatTheCallerMayDoNow() {
		String token = journalist("j-actions");
		String id = this.api.draft(token, unique("Akcije")).path("id").asString();
		assertThat(actions(staffView(token, id))).containsExactly("edit", "submit", "preview");
		assertThat(actions(staffView(EDITOR, id))).containsExactly("edit", "submit", "publish", "schedule", "delete",
				"preview");
		this.api.action(token, id, "submit", null);
		assertThat(actions(staffView(token, id))).as("in review: the journalist waits").containsExactly("preview");
		assertThat(actions(staffView(EDITOR, id))).as("two revisions now: one to restore")
			.containsExactly("edit", "return", "publish", "schedule", "delete", "restore", "preview");
		this.api.action(EDITOR, id, "publish", null);
		assertThat(actions(staffView(EDITOR, id))).containsExactly("edit", "unpublish", "correct", "delete", "restore");

		// what the list says is what the endpoints do
		assertThat(this.api.action(token, id, "unpublish", null).status()).isEqualTo(403);
		assertThat(this.api.action(EDITOR, id, "submit", null).status()).isEqualTo(409);

		// without a section there is nothing to publish to
		String unsectioned = this.api.create(EDITOR, "{\"headline\": \"" + unique("Bez rubrike") + "\"}")
			.json()
			.path("id")
			.asString();
		assertThat(actions(staffView(EDITOR, unsectioned))).doesNotContain("publish", "schedule");
		Http.Response refused = this.api.action(EDITOR, unsectioned, "publish", null);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("section");
	}

	private Http.Response restore(String id, long revision, String ifMatch) {
		List<String> headers = new ArrayList<>(List.of("Authorization", Http.bearer(EDITOR)));
		if (ifMatch != null) {
			headers.addAll(List.of("If-Match", ifMatch));
		}
		return Http.send("POST", this.api.url("/api/v1/articles/" + id + "/revisions/" + revision + "/restore"), "",
				headers.toArray(String[]::new));
	}

	private JsonNode staffView(String token, String id) {
		Http.Response response = Http.get(this.api.url("/api/v1/articles/" + id), "Authorization", Http.bearer(token));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static List<String> actions(JsonNode view) {
		List<String> actions = new ArrayList<>();
		view.path("allowedActions").forEach(action -> actions.add(action.asString()));
		return actions;
	}

}
