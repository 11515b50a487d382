package news.platform.comment.thread;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.comment.ArticleServiceStub;
import news.platform.comment.CommentApi;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class ThreadTest {

	@LocalServerPort
	int port;

	CommentApi api;

	ArticleServiceStub articles = ArticleServiceStub.get();

	@BeforeEach
	void setUp() {
		this.api = new CommentApi(this.port);
	}

	@Test
	void anyoneReadsAThreadNewestOrOldestFirst() {
		String article = this.articles.publish("vijesti");
		String first = this.api.posted(article, "Prvi komentar, čćžšđ.", null).path("id").asString();
		String second = this.api.posted(article, "Drugi komentar.", null).path("id").asString();
		String third = this.api.posted(article, "Treći komentar.", null).path("id").asString();

		JsonNode newest = this.api.thread(article, null);
		assertThat(newest.path("count").asLong()).isEqualTo(3);
		assertThat(ids(newest.path("comments"))).containsExactly(third, second, first);
		JsonNode comment = newest.path("comments").get(2);
		assertThat(comment.path("text").asString()).isEqualTo("Prvi komentar, čćžšđ.");
		assertThat(comment.path("status").asString()).isEqualTo("visible");
		assertThat(comment.path("author").path("id").asString()).startsWith("reader-");
		assertThat(comment.path("edited").asBoolean()).isFalse();
		assertThat(newest.path("next").isNull() || newest.path("next").isMissingNode()).isTrue();

		assertThat(ids(this.api.thread(article, "sort=oldest").path("comments"))).containsExactly(first, second, third);
	}

	@Test
	void markupIsStoredAsTextAndServedEscaped() {
		String article = this.articles.publish("vijesti");
		String text = "<script>alert('x')</script> & <b>bold</b>";
		JsonNode posted = this.api.posted(article, text, null);
		Http.Response page = Http.get(this.api.url("/api/v1/comments/articles/" + article));
		assertThat(page.body()).doesNotContain("<script>").doesNotContain("<b>").contains("\\u003cscript\\u003e");
		assertThat(page.json().path("comments").get(0).path("text").asString()).isEqualTo(text);
		Http.Response one = Http.get(this.api.url("/api/v1/comments/" + posted.path("id").asString()));
		assertThat(one.body()).doesNotContain("<script>");
		assertThat(one.json().path("text").asString()).isEqualTo(text);
	}

	@Test
	void cursorPagesWalkTheWholeThreadOnce() {
		String article = this.articles.publish("vijesti");
		List<String> posted = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			posted.add(this.api.posted(article, "Komentar broj " + i, null).path("id").asString());
		}
		for (String sort : List.of("newest", "oldest", "reactions")) {
			List<String> seen = new ArrayList<>();
			String cursor = null;
			int pages = 0;
			do {
				JsonNode page = this.api.thread(article, "sort=" + sort + "&limit=10" + (cursor == null ? "" : "&cursor=" + cursor));
				seen.addAll(ids(page.path("comments")));
				cursor = page.path("next").isString() ? page.path("next").asString() : null;
				pages++;
			}
			while (cursor != null);
			assertThat(pages).isEqualTo(3);
			assertThat(seen).hasSize(25);
			assertThat(new HashSet<>(seen)).containsExactlyInAnyOrderElementsOf(posted);
		}
		List<String> newestFirst = new ArrayList<>(posted);
		java.util.Collections.reverse(newestFirst);
		JsonNode second = this.api.thread(article, "limit=10&cursor="
				+ this.api.thread(article, "limit=10").path("next").asString());
		assertThat(ids(second.path("comments"))).containsExactlyElementsOf(newestFirst.subList(10, 20));
	}

	@Test
	void repliesNestToTheConfiguredDepthWithACursorForMore() {
		String article = this.articles.publish("vijesti");
		String top = this.api.posted(article, "Glavni komentar", null).path("id").asString();
		JsonNode level1 = this.api.posted(article, "Odgovor 1", top);
		assertThat(level1.path("parentId").asString()).isEqualTo(top);
		String l1 = level1.path("id").asString();
		String l2 = this.api.posted(article, "Odgovor 2", l1).path("id").asString();
		String l3 = this.api.posted(article, "Odgovor 3", l2).path("id").asString();
		// the deepest level is 3: a reply to it joins it there and remembers whom it answered
		JsonNode deeper = this.api.posted(article, "Odgovor 4", l3);
		assertThat(deeper.path("parentId").asString()).isEqualTo(l2);
		assertThat(deeper.path("inReplyTo").asString()).isEqualTo(l3);
		List<String> more = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			more.add(this.api.posted(article, "Još jedan odgovor " + i, top).path("id").asString());
		}

		JsonNode thread = this.api.thread(article, null);
		assertThat(thread.path("count").asLong()).isEqualTo(9);
		JsonNode first = thread.path("comments").get(0);
		assertThat(first.path("id").asString()).isEqualTo(top);
		assertThat(first.path("replyCount").asInt()).isEqualTo(5);
		assertThat(ids(first.path("replies"))).containsExactly(l1, more.get(0), more.get(1));
		JsonNode nested1 = first.path("replies").get(0);
		assertThat(ids(nested1.path("replies"))).containsExactly(l2);
		JsonNode nested2 = nested1.path("replies").get(0);
		assertThat(ids(nested2.path("replies"))).containsExactly(l3, deeper.path("id").asString());
		// level 3 is the deepest: no replies rendered below it
		assertThat(nested2.path("replies").get(0).path("replies").isMissingNode()).isTrue();

		String cursor = first.path("moreReplies").asString();
		JsonNode rest = Http.get(this.api.url("/api/v1/comments/" + top + "/replies?cursor=" + cursor)).json();
		assertThat(ids(rest.path("replies"))).containsExactly(more.get(2), more.get(3));
		assertThat(rest.path("next").isMissingNode() || rest.path("next").isNull()).isTrue();
	}

	@Test
	void aDeletedCommentWithRepliesStaysAsATombstone() {
		String article = this.articles.publish("vijesti");
		String author = CommentApi.reader("tombstone-author");
		String top = this.api.post(author, article, "Bit će obrisan", null).json().path("id").asString();
		String reply = this.api.posted(article, "Odgovor ostaje", top).path("id").asString();
		String alone = this.api.post(author, article, "I ovaj nestaje", null).json().path("id").asString();
		assertThat(this.api.thread(article, null).path("count").asLong()).isEqualTo(3);

		assertThat(this.api.send("DELETE", CommentApi.reader(), "/api/v1/comments/" + top, null).status())
			.isEqualTo(403);
		assertThat(this.api.send("DELETE", author, "/api/v1/comments/" + top, null).status()).isEqualTo(204);
		assertThat(this.api.send("DELETE", author, "/api/v1/comments/" + top, null).status()).isEqualTo(204);
		assertThat(this.api.send("DELETE", author, "/api/v1/comments/" + alone, null).status()).isEqualTo(204);

		JsonNode thread = this.api.thread(article, null);
		assertThat(thread.path("count").asLong()).isEqualTo(1);
		assertThat(ids(thread.path("comments"))).containsExactly(top);
		JsonNode tombstone = thread.path("comments").get(0);
		assertThat(tombstone.path("status").asString()).isEqualTo("deleted");
		assertThat(tombstone.has("text")).isFalse();
		assertThat(tombstone.has("author")).isFalse();
		assertThat(ids(tombstone.path("replies"))).containsExactly(reply);
	}

	@Test
	void countsForManyArticlesAtOnce() {
		String a = this.articles.publish("vijesti");
		String b = this.articles.publish("vijesti");
		this.api.posted(a, "Jedan", null);
		this.api.posted(a, "Dva", null);
		this.api.posted(b, "Tri", null);
		Http.Response counts = Http.get(this.api.url("/api/v1/comments/counts?articles=" + a + "," + b + ",nepoznat"));
		assertThat(counts.status()).as(counts.body()).isEqualTo(200);
		assertThat(counts.header("Cache-Control")).contains("max-age");
		JsonNode body = counts.json().path("counts");
		assertThat(body.path(a).asLong()).isEqualTo(2);
		assertThat(body.path(b).asLong()).isEqualTo(1);
		assertThat(body.path("nepoznat").asLong()).isZero();

		StringBuilder tooMany = new StringBuilder("x0");
		for (int i = 1; i <= 100; i++) {
			tooMany.append(",x").append(i);
		}
		JsonNode problem = Http.get(this.api.url("/api/v1/comments/counts?articles=" + tooMany)).json();
		assertThat(problem.path("type").asString()).isEqualTo("/problems/invalid-parameter");
		assertThat(Http.get(this.api.url("/api/v1/comments/counts?articles=a,%24gt")).status()).isEqualTo(400);
		assertThat(Http.get(this.api.url("/api/v1/comments/counts")).status()).isEqualTo(400);
	}

	@Test
	void severalCommentsAtOnceEachAsTheCallerMaySeeIt() {
		String article = this.articles.publish("politika");
		String author = CommentApi.reader("batch-author-" + System.nanoTime());
		// politika is pre-moderated: the author's comment waits, and only they and moderators see it
		String pending = this.api.post(author, article, "Čeka moderatora", null).json().path("id").asString();
		JsonNode approved = this.api.post(CommentApi.reader(), article, "Odobren", null).json();
		assertThat(this.api.moderate(CommentApi.MODERATOR, approved.path("id").asString(), "approve",
				approved.path("version").asLong(), null).status()).isEqualTo(200);
		String visible = approved.path("id").asString();
		String unknown = "c" + "a".repeat(25);
		String query = "/api/v1/comments?ids=" + visible + "," + unknown + "," + pending + "," + visible;

		Http.Response mine = this.api.send("GET", author, query, null);
		assertThat(mine.status()).as(mine.body()).isEqualTo(200);
		assertThat(mine.header("Cache-Control")).contains("private").contains("no-store");
		// in the order asked, each once, the unknown one left out; the author sees their own state
		assertThat(ids(mine.json().path("comments"))).containsExactly(visible, pending);
		JsonNode own = mine.json().path("comments").get(1);
		assertThat(own.path("status").asString()).isEqualTo("pending");
		assertThat(own.path("text").asString()).isEqualTo("Čeka moderatora");
		assertThat(own.has("version")).isTrue();

		JsonNode others = this.api.send("GET", CommentApi.reader(), query, null).json();
		assertThat(ids(others.path("comments"))).containsExactly(visible);
		assertThat(others.path("comments").get(0).has("flags")).as("the thread's view").isFalse();
		assertThat(ids(Http.get(this.api.url(query)).json().path("comments"))).containsExactly(visible);

		JsonNode moderator = this.api.send("GET", CommentApi.MODERATOR, query, null).json();
		assertThat(ids(moderator.path("comments"))).containsExactly(visible, pending);
		assertThat(moderator.path("comments").get(1).path("status").asString()).isEqualTo("pending");

		// asked the other way round, answered the other way round
		JsonNode reversed = this.api.send("GET", author, "/api/v1/comments?ids=" + pending + "," + visible, null).json();
		assertThat(ids(reversed.path("comments"))).containsExactly(pending, visible);
		assertThat(this.api.send("GET", author, "/api/v1/comments?ids=" + unknown, null).json().path("comments").isEmpty())
			.isTrue();
	}

	static List<String> ids(JsonNode comments) {
		List<String> ids = new ArrayList<>();
		comments.forEach(comment -> ids.add(comment.path("id").asString()));
		return ids;
	}

}
