package news.platform.comment.moderation;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.comment.ArticleServiceStub;
import news.platform.comment.CommentApi;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;
import news.platform.testsupport.TestTokens;

import static news.platform.comment.CommentApi.MODERATOR;
import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class ModerationTest {

	@LocalServerPort
	int port;

	@org.springframework.boot.test.web.server.LocalManagementPort
	int managementPort;

	@org.springframework.beans.factory.annotation.Autowired
	ModerationMetrics metrics;

	CommentApi api;

	ArticleServiceStub articles = ArticleServiceStub.get();

	@BeforeEach
	void setUp() {
		this.api = new CommentApi(this.port);
	}

	@Test
	void aPreModeratedSectionHoldsCommentsUntilApproved() {
		String article = this.articles.publish("politika");
		String author = CommentApi.reader();
		JsonNode posted = this.api.post(author, article, "Mišljenje o politici", null).json();
		String id = posted.path("id").asString();
		assertThat(posted.path("status").asString()).isEqualTo("pending");
		assertThat(posted.path("flags").toString()).contains("pre-moderated-section");
		assertThat(this.api.thread(article, null).path("count").asLong()).isZero();
		assertThat(Http.get(this.api.url("/api/v1/comments/" + id)).status()).isEqualTo(404);
		assertThat(this.api.send("GET", author, "/api/v1/comments/" + id, null).json().path("status").asString())
			.isEqualTo("pending");

		assertThat(queueIds("pending")).contains(id);
		this.metrics.refreshQueueGauges();
		String scrape = Http.get("http://localhost:" + this.managementPort + "/actuator/prometheus").body();
		assertThat(scrape.lines()
			.filter(line -> line.startsWith("comments_moderation_pending{"))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.findFirst()
			.orElse(0)).isGreaterThanOrEqualTo(1);
		assertThat(scrape).containsPattern("comments_moderation_actions_total\\{action=\"hold\"[^}]*\\} [1-9]");
		assertThat(this.api.send("GET", CommentApi.reader(), "/api/v1/comments/moderation/queue", null).status())
			.isEqualTo(403);
		assertThat(this.api.send("GET", TestTokens.token("ed", "editor"), "/api/v1/comments/moderation/queue", null)
			.status()).isEqualTo(200);

		Http.Response approved = this.api.moderate(MODERATOR, id, "approve", posted.path("version").asLong(), null);
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().path("status").asString()).isEqualTo("visible");
		assertThat(this.api.thread(article, null).path("count").asLong()).isEqualTo(1);
		assertThat(queueIds("pending")).doesNotContain(id);

		JsonNode audit = this.api.send("GET", MODERATOR, "/api/v1/comments/moderation/audit?commentId=" + id, null)
			.json()
			.path("entries");
		assertThat(audit.get(0).path("action").asString()).isEqualTo("approve");
		assertThat(audit.get(0).path("actor").asString()).isEqualTo("moderator-1");
		assertThat(audit.get(0).path("at").asString()).endsWith("Z");
		assertThat(audit.get(1).path("action").asString()).isEqualTo("hold");
		assertThat(audit.get(1).path("actor").asString()).isEqualTo("system");
		assertThat(audit.get(1).path("reason").asString()).contains("pre-moderated-section");
	}

	@Test
	void rejectionNeedsAReasonAndLandsInTheRejectedQueue() {
		String article = this.articles.publish("vijesti");
		JsonNode posted = this.api.posted(article, "Komentar izvan teme", null);
		String id = posted.path("id").asString();
		assertThat(this.api.moderate(MODERATOR, id, "reject", posted.path("version").asLong(), null).status())
			.isEqualTo(422);
		Http.Response rejected = this.api.moderate(MODERATOR, id, "reject", posted.path("version").asLong(),
				"Izvan teme");
		assertThat(rejected.status()).isEqualTo(200);
		assertThat(rejected.json().path("rejectReason").asString()).isEqualTo("Izvan teme");
		assertThat(this.api.thread(article, null).path("count").asLong()).isZero();
		assertThat(queueIds("rejected")).contains(id);
		assertThat(this.api.moderate(MODERATOR, id, "approve", posted.path("version").asLong(), null).status())
			.isEqualTo(409);
	}

	@Test
	void bulkActionsReportEachComment() {
		String article = this.articles.publish("politika");
		List<JsonNode> pending = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			pending.add(this.api.posted(article, "Na čekanju " + i, null));
		}
		String items = "[{\"id\": \"%s\", \"version\": %d}, {\"id\": \"%s\", \"version\": %d}, {\"id\": \"%s\", \"version\": 99}]"
			.formatted(pending.get(0).path("id").asString(), pending.get(0).path("version").asLong(),
					pending.get(1).path("id").asString(), pending.get(1).path("version").asLong(),
					pending.get(2).path("id").asString());
		Http.Response bulk = this.api.send("POST", MODERATOR, "/api/v1/comments/moderation/bulk",
				"{\"action\": \"approve\", \"items\": " + items + "}");
		assertThat(bulk.status()).as(bulk.body()).isEqualTo(200);
		List<String> outcomes = new ArrayList<>();
		bulk.json().path("results").forEach(result -> outcomes.add(result.path("outcome").asString()));
		assertThat(outcomes).containsExactly("done", "done", "conflict");
		assertThat(this.api.thread(article, null).path("count").asLong()).isEqualTo(2);
		assertThat(this.api.send("POST", MODERATOR, "/api/v1/comments/moderation/bulk",
				"{\"action\": \"explode\", \"items\": " + items + "}").status()).isEqualTo(422);
		assertThat(this.api.send("POST", MODERATOR, "/api/v1/comments/moderation/bulk",
				"{\"action\": \"reject\", \"items\": " + items + "}").status()).as("reason required").isEqualTo(422);
	}

	@Test
	void bannedWordsRejectEvenWhenDisguised() {
		String article = this.articles.publish("vijesti");
		for (String text : new String[] { "Ma jebem ti sve", "MA JEBEM TI SVE", "ma j.e.b.e.m ti", "ma jeeebeeem ti",
				"ma j e b e m ti", "ma j3b3m ti", "ti si PIČKA", "ti si picka", "ti si p1čka" }) {
			JsonNode posted = this.api.posted(article, text, null);
			assertThat(posted.path("status").asString()).as(text).isEqualTo("rejected");
			assertThat(posted.path("flags").toString()).as(text).contains("banned-word");
		}
		assertThat(this.api.thread(article, null).path("count").asLong()).isZero();
		assertThat(this.api.posted(article, "Jebemti? Ne, pišem o jabukama.", null).path("status").asString())
			.as("a word only starting alike with a prefix entry still matches")
			.isEqualTo("rejected");
		assertThat(this.api.posted(article, "Lijep pozdrav iz Čačka", null).path("status").asString())
			.isEqualTo("visible");
	}

	@Test
	void suspectWordsLinksRepeatsAndFirstCommentsGoToTheQueue() {
		String article = this.articles.publish("vijesti");
		JsonNode suspect = this.api.posted(article, "Ti si pravi IDIOOOT", null);
		assertThat(suspect.path("status").asString()).isEqualTo("pending");
		assertThat(suspect.path("flags").toString()).contains("suspect-word");
		JsonNode diacritics = this.api.posted(article, "kakvo SMEĆE od članka", null);
		assertThat(diacritics.path("flags").toString()).contains("suspect-word");

		JsonNode links = this.api.posted(article,
				"Vidi https://a.example.com i www.b.example.org i c-primjer.hr za više", null);
		assertThat(links.path("status").asString()).isEqualTo("pending");
		assertThat(links.path("flags").toString()).contains("too-many-links");

		String repeater = CommentApi.reader();
		assertThat(this.api.post(repeater, article, "Kupite jeftine satove!", null).json().path("status").asString())
			.isEqualTo("visible");
		JsonNode repeated = this.api.post(repeater, this.articles.publish("vijesti"), "kupite   JEFTINE satove!", null)
			.json();
		assertThat(repeated.path("status").asString()).isEqualTo("pending");
		assertThat(repeated.path("flags").toString()).contains("repeated-text");

		// section sport holds a user's first two comments
		String sport = this.articles.publish("sport");
		String newcomer = CommentApi.reader();
		for (int i = 0; i < 2; i++) {
			JsonNode held = this.api.post(newcomer, sport, "Moj komentar broj " + i, null).json();
			assertThat(held.path("status").asString()).isEqualTo("pending");
			assertThat(held.path("flags").toString()).contains("first-comments");
			assertThat(this.api.moderate(MODERATOR, held.path("id").asString(), "approve", held.path("version").asLong(),
					null).status()).isEqualTo(200);
		}
		assertThat(this.api.post(newcomer, sport, "Sad sam poznat", null).json().path("status").asString())
			.isEqualTo("visible");
	}

	@Test
	void enoughReportsHideACommentForReview() {
		String article = this.articles.publish("vijesti");
		JsonNode posted = this.api.posted(article, "Sporan komentar", null);
		String id = posted.path("id").asString();
		String reporter = CommentApi.reader();
		assertThat(report(reporter, id)).isEqualTo(202);
		assertThat(report(reporter, id)).isEqualTo(202);
		assertThat(report(CommentApi.reader(), id)).isEqualTo(202);
		assertThat(this.api.thread(article, null).path("count").asLong()).as("two distinct reports").isEqualTo(1);
		assertThat(report(CommentApi.reader(), id)).isEqualTo(202);
		assertThat(this.api.thread(article, null).path("count").asLong()).isZero();
		assertThat(queueIds("reported")).contains(id);
		assertThat(this.api.send("POST", null, "/api/v1/comments/" + id + "/reports", "{}").status()).isEqualTo(401);

		JsonNode hidden = this.api.asModerator(id);
		assertThat(hidden.path("status").asString()).isEqualTo("reported");
		assertThat(hidden.path("reportCount").asInt()).isEqualTo(3);
		assertThat(this.api.moderate(MODERATOR, id, "approve", hidden.path("version").asLong(), "u redu je").status())
			.isEqualTo(200);
		assertThat(this.api.thread(article, null).path("count").asLong()).isEqualTo(1);
		JsonNode audit = this.api.send("GET", MODERATOR, "/api/v1/comments/moderation/audit?commentId=" + id, null)
			.json()
			.path("entries");
		assertThat(audit.get(1).path("action").asString()).isEqualTo("hide");
		assertThat(audit.get(1).path("reason").asString()).isEqualTo("3 reader reports");
	}

	@Test
	void suspendedAndBannedUsersCannotPost() throws Exception {
		String article = this.articles.publish("vijesti");
		String user = "troublemaker-" + System.nanoTime();
		String token = CommentApi.reader(user);
		assertThat(this.api.post(token, article, "Prije kazne", null).status()).isEqualTo(201);

		Http.Response suspended = this.api.send("POST", MODERATOR, "/api/v1/comments/moderation/users/" + user + "/suspend",
				"{\"duration\": \"PT1H\", \"reason\": \"vrijeđanje\"}");
		assertThat(suspended.status()).as(suspended.body()).isEqualTo(200);
		Http.Response refused = this.api.post(token, article, "Za vrijeme kazne", null);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().path("type").asString()).isEqualTo("/problems/user-suspended");
		try (AutoCloseable later = news.platform.comment.TestClock.INSTANCE.advance(java.time.Duration.ofMinutes(61))) {
			assertThat(this.api.post(token, article, "Kazna je istekla", null).status()).as("the suspension ran out")
				.isEqualTo(201);
		}
		assertThat(this.api.post(token, article, "Još uvijek kažnjen", null).status()).isEqualTo(403);
		assertThat(this.api.send("POST", MODERATOR, "/api/v1/comments/moderation/users/" + user + "/suspend",
				"{\"duration\": \"P400D\", \"reason\": \"predugo\"}").status()).isEqualTo(422);
		assertThat(this.api.send("POST", MODERATOR, "/api/v1/comments/moderation/users/" + user + "/suspend",
				"{\"duration\": \"sutra\", \"reason\": \"krivo\"}").status()).isEqualTo(400);

		assertThat(this.api.send("POST", MODERATOR, "/api/v1/comments/moderation/users/" + user + "/restore",
				"{\"reason\": \"odslužio\"}").status()).isEqualTo(200);
		assertThat(this.api.post(token, article, "Nakon kazne", null).status()).isEqualTo(201);

		assertThat(this.api.send("POST", MODERATOR, "/api/v1/comments/moderation/users/" + user + "/ban",
				"{\"reason\": \"ponovljeno vrijeđanje\"}").status()).isEqualTo(200);
		assertThat(this.api.post(token, article, "Nakon zabrane", null).json().path("type").asString())
			.isEqualTo("/problems/user-banned");
		assertThat(this.api.send("POST", CommentApi.reader(), "/api/v1/comments/moderation/users/" + user + "/ban",
				"{\"reason\": \"ne smijem\"}").status()).isEqualTo(403);

		List<String> actions = new ArrayList<>();
		this.api.send("GET", MODERATOR, "/api/v1/comments/moderation/audit?userId=" + user, null)
			.json()
			.path("entries")
			.forEach(entry -> actions.add(entry.path("action").asString()));
		assertThat(actions).containsExactly("ban", "restore", "suspend");
	}

	private int report(String token, String id) {
		return this.api.send("POST", token, "/api/v1/comments/" + id + "/reports", "{\"reason\": \"uvredljivo\"}")
			.status();
	}

	private List<String> queueIds(String state) {
		List<String> ids = new ArrayList<>();
		String cursor = null;
		do {
			Http.Response page = this.api.send("GET", MODERATOR, "/api/v1/comments/moderation/queue?state=" + state
					+ "&limit=200" + (cursor == null ? "" : "&cursor=" + cursor), null);
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			page.json().path("comments").forEach(comment -> ids.add(comment.path("id").asString()));
			cursor = page.json().path("next").isString() ? page.json().path("next").asString() : null;
		}
		while (cursor != null);
		return ids;
	}

}
