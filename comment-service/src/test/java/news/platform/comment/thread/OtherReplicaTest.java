package news.platform.comment.thread;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.comment.ArticleServiceStub;
import news.platform.comment.CommentApi;
import news.platform.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A thread in memory picks up what another replica wrote: the article's change counter moves past
 * what this replica wrote itself, and the next refresh reloads the thread.
 */
@ServiceIntegrationTest
class OtherReplicaTest {

	@LocalServerPort
	int port;

	@Autowired
	Comments comments;

	@Autowired
	CommentCounts counts;

	@Test
	void anotherReplicasCommentAppearsAfterTheRefresh() {
		CommentApi api = new CommentApi(this.port);
		String article = ArticleServiceStub.get().publish("vijesti");
		String local = api.posted(article, "S ove replike", null).path("id").asString();
		assertThat(ThreadTest.ids(api.thread(article, null).path("comments"))).containsExactly(local);

		// what another replica's post leaves in the database: the comment, then its counter update
		Comment foreign = new Comment(CommentIds.random(), article, null, null, 0, "reader-elsewhere", "Drugdje",
				"S druge replike", CommentStatus.VISIBLE, Instant.now(), null, 1, 1, new LinkedHashMap<>(), 0, 0,
				List.of(), null, null);
		this.comments.insertAll(List.of(foreign));
		this.counts.adjust(article, 1, 1);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(ThreadTest.ids(api.thread(article, null).path("comments")))
				.containsExactly(foreign.id(), local));
	}

}
