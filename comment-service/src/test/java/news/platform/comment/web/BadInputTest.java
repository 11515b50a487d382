package news.platform.comment.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.comment.ArticleServiceStub;
import news.platform.comment.CommentApi;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of bad input answers 4xx problem+json naming the field, and stores nothing. */
@ServiceIntegrationTest
class BadInputTest {

	@LocalServerPort
	int port;

	CommentApi api;

	ArticleServiceStub articles = ArticleServiceStub.get();

	String article;

	@BeforeEach
	void setUp() {
		this.api = new CommentApi(this.port);
		this.article = this.articles.publish("vijesti");
	}

	@Test
	void invisibleAndControlCharactersAreRefused() {
		for (String text : new String[] { "zero\\u200bwidth space", "joiner\\u200dhidden", "bell \\u0007 ringing",
				"bidi \\u202e override", "byte order \\ufeff mark", "escape \\u001b[31m red", "hangul \\u3164 filler",
				"C1 \\u0085 control", "private \\ue000 use" }) {
			Http.Response response = this.api.postRaw(CommentApi.reader(), this.article, "{\"text\": \"" + text + "\"}");
			JsonNode problem = assertProblem(response, 422, "/problems/validation");
			assertThat(problem.path("errors").get(0).path("field").asString()).as(text).isEqualTo("text");
		}
		assertNothingStored();
		// an emoji sequence joined by zero-width joiners is text, and newlines are kept
		Http.Response family = this.api.postRaw(CommentApi.reader(), this.article,
				"{\"text\": \"Obitelj \\ud83d\\udc68\\u200d\\ud83d\\udc69\\u200d\\ud83d\\udc67\\nnovi red\"}");
		assertThat(family.status()).as(family.body()).isEqualTo(201);
		assertThat(family.json().path("text").asString()).contains("\n");
	}

	@Test
	void textMustBeWithinItsLimits() {
		assertProblem(this.api.post(CommentApi.reader(), this.article, "x".repeat(2001), null), 422,
				"/problems/validation");
		assertProblem(this.api.post(CommentApi.reader(), this.article, "   ", null), 422, "/problems/validation");
		assertProblem(this.api.postRaw(CommentApi.reader(), this.article, "{}"), 422, "/problems/validation");
		assertProblem(this.api.post(CommentApi.reader(), this.article, "red\n".repeat(41), null), 422,
				"/problems/validation");
		assertNothingStored();
		assertThat(this.api.post(CommentApi.reader(), this.article, "ž".repeat(2000), null).status()).isEqualTo(201);
	}

	@Test
	void operatorShapedJsonAndUnknownFieldsAreRefused() {
		JsonNode operator = assertProblem(
				this.api.postRaw(CommentApi.reader(), this.article, "{\"text\": {\"$gt\": \"\"}}"), 400,
				"/problems/invalid-value");
		assertThat(operator.path("errors").get(0).path("field").asString()).isEqualTo("text");
		assertProblem(this.api.postRaw(CommentApi.reader(), this.article, "{\"text\": \"dobar dan\", \"$where\": \"1\"}"),
				400, "/problems/unknown-field");
		assertProblem(this.api.postRaw(CommentApi.reader(), this.article,
				"{\"text\": \"dobar dan\", \"parentId\": {\"$ne\": null}}"), 400, "/problems/invalid-value");
		JsonNode unknown = assertProblem(
				this.api.postRaw(CommentApi.reader(), this.article, "{\"text\": \"dobar dan\", \"status\": \"VISIBLE\"}"),
				400, "/problems/unknown-field");
		assertThat(unknown.path("errors").get(0).path("field").asString()).isEqualTo("status");
		assertProblem(this.api.postRaw(CommentApi.reader(), this.article, "nije json"), 400, "/problems/malformed-body");
		assertThat(this.api.postRaw(CommentApi.reader(), this.article, "{\"text\": \"nedovršen").status()).isEqualTo(400);
		assertProblem(this.api.postRaw(CommentApi.reader(), this.article, "[\"text\"]"), 400, "/problems/malformed-body");
		assertThat(Http.post(this.api.url("/api/v1/comments/articles/" + this.article), "text=x", "Content-Type",
				"application/x-www-form-urlencoded", "Authorization", Http.bearer(CommentApi.reader())).status())
			.isEqualTo(415);
		assertProblem(this.api.postRaw(CommentApi.reader(), this.article,
				"{\"text\": \"" + "a".repeat(20_000) + "\"}"), 413, "/problems/payload-too-large");
		assertNothingStored();
	}

	@Test
	void aChunkedBodyOverTheLimitIsRefusedWhileItIsRead() throws Exception {
		// no Content-Length to check up front: the body is counted as it is read (limit 16 KB)
		byte[] body = ("{\"text\": \"" + "a".repeat(20_000) + "\"}").getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.api.url("/api/v1/comments/articles/" + this.article)))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", Http.bearer(CommentApi.reader()))
			.header("Content-Type", "application/json")
			// the length is not known in advance: the client sends the body chunked
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();
		HttpResponse<String> response = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.build()
			.send(request, HttpResponse.BodyHandlers.ofString());
		JsonNode problem = assertProblem(new Http.Response(response.statusCode(), response.headers(), response.body()),
				413, "/problems/payload-too-large");
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("body");
		assertNothingStored();
	}

	@Test
	void repliesOnlyToVisibleCommentsOfTheSameArticle() {
		String other = this.articles.publish("vijesti");
		String elsewhere = this.api.posted(other, "Na drugom članku", null).path("id").asString();
		JsonNode problem = assertProblem(this.api.post(CommentApi.reader(), this.article, "Odgovor", elsewhere), 422,
				"/problems/validation");
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("parentId");

		String author = CommentApi.reader("deleted-parent-author");
		String deleted = this.api.post(author, this.article, "Obrisat ću ovo", null).json().path("id").asString();
		this.api.send("DELETE", author, "/api/v1/comments/" + deleted, null);
		assertProblem(this.api.post(CommentApi.reader(), this.article, "Odgovor na obrisan", deleted), 422,
				"/problems/validation");

		JsonNode rejected = this.api.posted(this.article, "Moderator će ovo odbiti", null);
		assertThat(this.api.moderate(CommentApi.MODERATOR, rejected.path("id").asString(), "reject",
				rejected.path("version").asLong(), "off-topic").status()).isEqualTo(200);
		assertProblem(this.api.post(CommentApi.reader(), this.article, "Odgovor na odbijen", rejected.path("id").asString()),
				422, "/problems/validation");
		assertProblem(this.api.post(CommentApi.reader(), this.article, "Odgovor na nepostojeći", "c" + "a".repeat(25)),
				422, "/problems/validation");
		assertProblem(this.api.post(CommentApi.reader(), this.article, "Odgovor na krivi id", "nije-id"), 422,
				"/problems/validation");
		assertNothingStored();
	}

	@Test
	void onlyPublishedOpenArticlesTakeComments() {
		assertProblem(this.api.post(CommentApi.reader(), ArticleServiceStub.newArticleId(), "Nepoznat članak", null),
				404, "/problems/not-found");
		String draft = ArticleServiceStub.newArticleId();
		this.articles.known(draft, false, true);
		assertProblem(this.api.post(CommentApi.reader(), draft, "Skica", null), 404, "/problems/not-found");
		String closed = ArticleServiceStub.newArticleId();
		this.articles.known(closed, true, false);
		assertProblem(this.api.post(CommentApi.reader(), closed, "Zatvoreno", null), 409, "/problems/comments-closed");
		assertProblem(this.api.post(CommentApi.reader(), "ne%20valja", "Loš id", null), 404, "/problems/not-found");
		assertThat(this.api.thread(draft, null).path("count").asLong()).isZero();
		assertThat(this.api.thread(closed, null).path("count").asLong()).isZero();
	}

	@Test
	void malformedCursorsAndParametersAreRefused() {
		this.api.posted(this.article, "Jedan komentar", null);
		String base = "/api/v1/comments/articles/" + this.article;
		for (String query : new String[] { "cursor=%25%25%25", "cursor=bm90LWEtY3Vyc29y", "cursor=" + "A".repeat(300),
				"cursor=djF8bmV3ZXN0fHh8MHxjYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYQ", "sort=bogus", "limit=0", "limit=1000",
				"limit=abc" }) {
			Http.Response response = Http.get(this.api.url(base + "?" + query));
			assertProblem(response, 400, "/problems/invalid-parameter");
		}
		// a valid cursor of one order is refused by another
		String newestCursor = CursorsForTests.newest(this.api, this.article);
		assertProblem(Http.get(this.api.url(base + "?sort=oldest&cursor=" + newestCursor)), 400,
				"/problems/invalid-parameter");
		String someComment = this.api.thread(this.article, null).path("comments").get(0).path("id").asString();
		assertProblem(Http.get(this.api.url("/api/v1/comments/" + someComment + "/replies?cursor=xyz")), 400,
				"/problems/invalid-parameter");
		assertProblem(this.api.send("GET", CommentApi.MODERATOR, "/api/v1/comments/moderation/queue?cursor=xyz", null),
				400, "/problems/invalid-parameter");
	}

	@Test
	void aBatchReadNamesBadIdsAndReadsNothing() {
		String id = this.api.posted(this.article, "Jedan komentar", null).path("id").asString();
		StringBuilder fiftyOne = new StringBuilder();
		for (int i = 0; i <= 50; i++) {
			// well-formed comment ids that do not exist: "c", 23 times "a", two letters counting
			fiftyOne.append(i == 0 ? "" : ",").append("c").append("a".repeat(23)).append((char) ('a' + i / 26))
				.append((char) ('a' + i % 26));
		}
		for (String query : new String[] { "", "?ids=", "?ids=%20", "?ids=" + id + ",", "?ids=" + id + ",nije-id",
				"?ids=%24gt", "?ids%5B%24gt%5D=", "?ids=" + id + ",%7B%22%24gt%22%3A%22%22%7D", "?ids=" + fiftyOne,
				"?ids=" + id.toUpperCase(java.util.Locale.ROOT) }) {
			JsonNode problem = assertProblem(this.api.send("GET", CommentApi.reader(), "/api/v1/comments" + query, null),
					400, "/problems/invalid-parameter");
			assertThat(problem.path("errors").get(0).path("field").asString()).as(query).isEqualTo("ids");
		}
		// fifty distinct ids are fine, and the same id many times counts once
		String fifty = fiftyOne.substring(0, fiftyOne.lastIndexOf(","));
		assertThat(this.api.send("GET", CommentApi.reader(), "/api/v1/comments?ids=" + fifty, null).status())
			.isEqualTo(200);
		String many = (id + ",").repeat(60) + id;
		JsonNode same = this.api.send("GET", CommentApi.reader(), "/api/v1/comments?ids=" + many, null).json();
		assertThat(same.path("comments")).hasSize(1);
		assertThat(this.api.thread(this.article, null).path("count").asLong()).isEqualTo(1);
	}

	@Test
	void writesNeedATokenAndAValidIdempotencyKey() {
		assertProblem(this.api.post(null, this.article, "Bez prijave", null), 401, "/problems/unauthorized");
		assertProblem(this.api.post(CommentApi.reader(), this.article, "Ključ", null, "Idempotency-Key", "x".repeat(201)),
				400, "/problems/invalid-header");
		assertNothingStored();
	}

	private void assertNothingStored() {
		JsonNode thread = this.api.thread(this.article, null);
		assertThat(thread.path("count").asLong()).as("stored on %s", this.article).isZero();
		assertThat(thread.path("comments").isEmpty()).isTrue();
	}

	static JsonNode assertProblem(Http.Response response, int status, String type) {
		assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.path("type").asString()).as(response.body()).isEqualTo(type);
		assertThat(problem.path("traceId").asString()).matches("[0-9a-f]{32}");
		return problem;
	}

}
