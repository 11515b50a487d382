package news.platform.comment.thread;

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
class ReactionsTest {

	@LocalServerPort
	int port;

	CommentApi api;

	ArticleServiceStub articles = ArticleServiceStub.get();

	@BeforeEach
	void setUp() {
		this.api = new CommentApi(this.port);
	}

	@Test
	void oneReactionPerUserPerCommentAndIdempotent() {
		String article = this.articles.publish("vijesti");
		String id = this.api.posted(article, "Reagirajte", null).path("id").asString();
		String reader = CommentApi.reader();
		JsonNode liked = react(reader, id, "like").json();
		assertThat(liked.path("reactionCount").asLong()).isEqualTo(1);
		assertThat(liked.path("mine").asString()).isEqualTo("like");
		assertThat(react(reader, id, "like").json().path("reactionCount").asLong()).isEqualTo(1);

		JsonNode changed = react(reader, id, "insightful").json();
		assertThat(changed.path("reactionCount").asLong()).isEqualTo(1);
		assertThat(changed.path("reactions").path("insightful").asLong()).isEqualTo(1);
		assertThat(changed.path("reactions").has("like")).isFalse();

		react(CommentApi.reader(), id, "like");
		JsonNode shown = this.api.thread(article, null).path("comments").get(0);
		assertThat(shown.path("reactionCount").asLong()).isEqualTo(2);
		assertThat(shown.path("reactions").path("like").asLong()).isEqualTo(1);

		Http.Response removed = this.api.send("DELETE", reader, "/api/v1/comments/" + id + "/reactions/mine", null);
		assertThat(removed.json().path("reactionCount").asLong()).isEqualTo(1);
		assertThat(this.api.send("DELETE", reader, "/api/v1/comments/" + id + "/reactions/mine", null).json()
			.path("reactionCount").asLong()).isEqualTo(1);

		assertThat(react(reader, id, "angry").status()).isEqualTo(422);
		assertThat(react(null, id, "like").status()).isEqualTo(401);
		assertThat(react(reader, "c" + "b".repeat(25), "like").status()).isEqualTo(404);
	}

	@Test
	void mostReactedFirst() {
		String article = this.articles.publish("vijesti");
		String quiet = this.api.posted(article, "Tih komentar", null).path("id").asString();
		String popular = this.api.posted(article, "Popularan komentar", null).path("id").asString();
		String middle = this.api.posted(article, "Srednji komentar", null).path("id").asString();
		for (int i = 0; i < 3; i++) {
			react(CommentApi.reader(), popular, "like");
		}
		react(CommentApi.reader(), middle, "disagree");
		assertThat(ThreadTest.ids(this.api.thread(article, "sort=reactions").path("comments")))
			.containsExactly(popular, middle, quiet);
	}

	private Http.Response react(String token, String id, String type) {
		return this.api.send("PUT", token, "/api/v1/comments/" + id + "/reactions/mine", "{\"type\": \"" + type + "\"}");
	}

}
