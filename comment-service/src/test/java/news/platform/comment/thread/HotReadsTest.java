package news.platform.comment.thread;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.comment.ArticleServiceStub;
import news.platform.comment.CommentApi;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What readers hit most (thread pages, whatever the page, and counts) sends no query to the
 * {@code comments} collection once the thread is in memory: counted with the driver's own command
 * metrics ({@code mongodb.driver.commands}).
 */
@ServiceIntegrationTest
class HotReadsTest {

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Test
	void threadPagesAndCountsDoNotQueryTheCommentsOnceWarm() {
		CommentApi api = new CommentApi(this.port);
		ArticleServiceStub articles = ArticleServiceStub.get();
		String article = articles.publish("vijesti");
		List<String> others = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			others.add(articles.publish("vijesti"));
		}
		String top = null;
		for (int i = 0; i < 30; i++) {
			top = api.posted(article, "Komentar " + i, i % 3 == 0 || top == null ? null : top).path("id").asString();
		}
		String countsUrl = api.url("/api/v1/comments/counts?articles=" + article + "," + String.join(",", others));
		// warm: the thread is loaded, the counters read
		String cursor = api.thread(article, "limit=5").path("next").asString();
		assertThat(Http.get(countsUrl).status()).isEqualTo(200);

		double before = commandsOn("comments");
		assertThat(before).as("the driver's command metrics count this collection").isPositive();
		for (int i = 0; i < 20; i++) {
			for (String sort : List.of("newest", "oldest", "reactions")) {
				api.thread(article, "sort=" + sort + "&limit=5");
			}
			api.thread(article, "limit=5&cursor=" + cursor);
			assertThat(Http.get(countsUrl).status()).isEqualTo(200);
		}
		assertThat(commandsOn("comments")).as("queries on comments while reading warm threads").isEqualTo(before);
	}

	private double commandsOn(String collection) {
		return this.meters.find("mongodb.driver.commands")
			.tag("collection", collection)
			.timers()
			.stream()
			.mapToDouble(Timer::count)
			.sum();
	}

}
