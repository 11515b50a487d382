package news.platform.article.revision;

import java.time.Duration;
import java.time.Instant;
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

/**
 * {@code ?autosave=true} on the edit endpoints: every save moves the ETag on, but one person's
 * autosaves keep a single entry in the history until an explicit save, a workflow action or someone
 * else's save starts a new one.
 */
@ServiceIntegrationTest
class AutosaveRevisionsHttpTest {

	@LocalServerPort
	int port;

	@Test
	void onePersonsAutosavesKeepOneHistoryEntryUntilSomethingElseHappens() {
		ArticleApi api = new ArticleApi(this.port);
		String journalist = ArticleApi.journalist("autosave-journalist");
		String id = api.draft(journalist, unique("Autospremanje")).path("id").asString();

		for (int etag = 1; etag <= 3; etag++) {
			Http.Response saved = autosave(api, journalist, id, etag, "Tekst nakon " + etag + ". spremanja.");
			assertThat(saved.status()).as(saved.body()).isEqualTo(200);
			assertThat(saved.header("ETag")).isEqualTo("\"" + (etag + 1) + "\"");
		}
		assertThat(history(api, id)).containsExactly("4 autosave autosave-journalist", "1 create autosave-journalist");
		JsonNode kept = api.get("/api/v1/articles/" + id + "/revisions/4", "Authorization", Http.bearer(EDITOR)).json();
		assertThat(kept.path("article").path("body").get(0).path("text").asString())
			.isEqualTo("Tekst nakon 3. spremanja.");
		assertThat(api.get("/api/v1/articles/" + id + "/revisions/2", "Authorization", Http.bearer(EDITOR)).status())
			.as("a folded revision number is gone from the history")
			.isEqualTo(404);

		// an explicit save starts a new entry, and so does the next autosave after it
		Http.Response explicit = api.update("PATCH", journalist, id, "\"4\"", "{\"standfirst\": \"Ručno spremljeno\"}");
		assertThat(explicit.status()).as(explicit.body()).isEqualTo(200);
		assertThat(autosave(api, journalist, id, 5, "Nastavak.").status()).isEqualTo(200);
		assertThat(autosave(api, journalist, id, 6, "Nastavak, dulji.").status()).isEqualTo(200);
		// someone else's autosave is an entry of its own
		assertThat(autosave(api, EDITOR, id, 7, "Urednikova izmjena.").status()).isEqualTo(200);
		// a workflow action ends the editor's run too
		assertThat(api.action(EDITOR, id, "submit", null).status()).isEqualTo(200);
		assertThat(autosave(api, EDITOR, id, 9, "Nakon predaje.").status()).isEqualTo(200);

		assertThat(history(api, id)).containsExactly("10 autosave editor-1", "9 submit editor-1",
				"8 autosave editor-1", "7 autosave autosave-journalist", "5 patch autosave-journalist",
				"4 autosave autosave-journalist", "1 create autosave-journalist");
	}

	@Test
	void aStaleAutosaveIsRefusedAndWritesNothing() {
		ArticleApi api = new ArticleApi(this.port);
		String id = api.draft(EDITOR, unique("Zastarjelo")).path("id").asString();
		assertThat(autosave(api, EDITOR, id, 1, "Prvo.").status()).isEqualTo(200);

		Http.Response stale = autosave(api, EDITOR, id, 1, "Iz drugog prozora.");

		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.json().path("type").asString()).isEqualTo("/problems/stale-version");
		JsonNode current = api.get("/api/v1/articles/" + id, "Authorization", Http.bearer(EDITOR)).json();
		assertThat(current.path("body").get(0).path("text").asString()).isEqualTo("Prvo.");
		assertThat(history(api, id)).containsExactly("2 autosave editor-1", "1 create editor-1");
	}

	@Test
	void anAutosaveFlagThatIsNotABooleanIsRefused() {
		ArticleApi api = new ArticleApi(this.port);
		String id = api.draft(EDITOR, unique("Zastavica")).path("id").asString();

		Http.Response refused = Http.send("PATCH", api.url("/api/v1/articles/" + id + "?autosave=mozda"),
				"{\"standfirst\": \"x\"}", "Content-Type", "application/json", "Authorization", Http.bearer(EDITOR),
				"If-Match", "\"1\"");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("autosave");
		assertThat(history(api, id)).containsExactly("1 create editor-1");
	}

	@Test
	void aRunEndsTenMinutesAfterItsFirstAutosave() {
		Instant start = Instant.parse("2026-12-05T08:00:00Z");
		assertThat(Revisions.continuedRun("autosave", "ana", start, "ana", start.plus(Duration.ofMinutes(9))))
			.isEqualTo(start);
		assertThat(Revisions.continuedRun("autosave", "ana", start, "ana", start.plus(Duration.ofMinutes(10))))
			.isNull();
		assertThat(Revisions.continuedRun("autosave", "ana", start, "ivo", start.plusSeconds(5))).isNull();
		assertThat(Revisions.continuedRun("update", "ana", start, "ana", start.plusSeconds(5))).isNull();
	}

	private static Http.Response autosave(ArticleApi api, String token, String id, long etag, String text) {
		return Http.send("PUT", api.url("/api/v1/articles/" + id + "?autosave=true"), """
				{"headline": "Autospremanje", "section": "vijesti",
				 "body": [{"type": "paragraph", "text": "%s"}]}
				""".formatted(text), "Content-Type", "application/json", "Authorization", Http.bearer(token),
				"If-Match", "\"" + etag + "\"");
	}

	/** The history as {@code "<revision> <action> <savedBy>"}, newest first. */
	private static List<String> history(ArticleApi api, String id) {
		JsonNode list = api.get("/api/v1/articles/" + id + "/revisions", "Authorization", Http.bearer(EDITOR)).json();
		return list.valueStream()
			.map(r -> r.path("revision").asLong() + " " + r.path("action").asString() + " "
					+ r.path("savedBy").asString())
			.toList();
	}

}
