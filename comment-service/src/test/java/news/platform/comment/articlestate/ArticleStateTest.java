package news.platform.comment.articlestate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;

import news.platform.autoconfigure.feed.follow.FeedFollower;
import news.platform.autoconfigure.feed.follow.FeedFollowing;
import news.platform.autoconfigure.feed.follow.StoredFeedCursor;
import news.platform.comment.ArticleServiceStub;
import news.platform.comment.CommentApi;
import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceIntegrationTest
class ArticleStateTest {

	@LocalServerPort
	int port;

	@Autowired
	StoredFeedCursor cursor;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("articleFeed")
	FeedFollower follower;

	@Autowired
	FeedFollowing following;

	@Autowired
	ArticleStates states;

	CommentApi api;

	ArticleServiceStub articles = ArticleServiceStub.get();

	@Autowired
	Resilience4JCircuitBreakerFactory breakers;

	@BeforeEach
	void setUp() {
		this.api = new CommentApi(this.port);
	}

	/** The failures provoked here must not leave the breaker open for the other test classes. */
	@AfterEach
	void closeTheBreaker() {
		this.breakers.getCircuitBreakerRegistry().circuitBreaker(ArticleStateConfiguration.BREAKER).reset();
	}

	@Test
	void postingKeepsWorkingFromTheProjectionWhileArticleServiceIsDown() {
		String known = this.articles.publish("vijesti");
		awaitFeedCaughtUp();
		this.articles.stop();
		try {
			Http.Response posted = this.api.post(CommentApi.reader(), known, "article-service je pao, ja pišem", null);
			assertThat(posted.status()).as(posted.body()).isEqualTo(201);
			assertThat(this.api.thread(known, null).path("count").asLong()).isEqualTo(1);

			Http.Response unknown = this.api.post(CommentApi.reader(), ArticleServiceStub.newArticleId(), "Nepoznato",
					null);
			assertThat(unknown.status()).as(unknown.body()).isEqualTo(503);
			assertThat(unknown.json().path("type").asString()).isEqualTo("/problems/upstream-unavailable");
			assertThat(unknown.header("Retry-After")).isNotBlank();
		}
		finally {
			this.articles.start();
		}
		assertThat(this.articles.unauthorizedCalls.get()).as("every call carried a service token").isZero();
		// by the client-credentials grant at the test issuer, under comment-service's own client id
		assertThat(this.articles.callers).containsExactly("comment-service");
	}

	@Test
	void anArticleTheFeedHasNotBroughtIsAskedForOnce() {
		String id = ArticleServiceStub.newArticleId();
		this.articles.known(id, true, true);
		int before = this.articles.stateCalls.get();
		assertThat(this.api.post(CommentApi.reader(), id, "Prvi", null).status()).isEqualTo(201);
		assertThat(this.api.post(CommentApi.reader(), id, "Drugi", null).status()).isEqualTo(201);
		assertThat(this.articles.stateCalls.get() - before).isEqualTo(1);
	}

	@Test
	void anArticleKnownOnlyFromTheStateEndpointGetsItsSectionsPolicy() {
		// politika is pre-moderated: the comment waits for a moderator
		String politics = ArticleServiceStub.newArticleId();
		this.articles.knownPublished(politics, "politika", Instant.now().minus(Duration.ofHours(1)));
		Http.Response held = this.api.post(CommentApi.reader(), politics, "Mišljenje o proračunu", null);
		assertThat(held.status()).as(held.body()).isEqualTo(201);
		assertThat(held.json().path("status").asString()).isEqualTo("pending");
		// crna-kronika closes three days after first publication
		String crime = ArticleServiceStub.newArticleId();
		this.articles.knownPublished(crime, "crna-kronika", Instant.now().minus(Duration.ofDays(4)));
		assertThat(this.api.post(CommentApi.reader(), crime, "Prekasno", null).status()).isEqualTo(409);
	}

	@Test
	void theStateCallCarriesThePostersTraceToArticleService() {
		String id = ArticleServiceStub.newArticleId();
		this.articles.known(id, true, true);
		String traceId = "5bf92f3577b34da6a3ce929d0e0e4736";
		Http.Response posted = Http.post(this.api.url("/api/v1/comments/articles/" + id),
				"{\"text\":\"Trag do članka\"}", "Content-Type", "application/json", "Authorization",
				Http.bearer(CommentApi.reader()), "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01");
		assertThat(posted.status()).as(posted.body()).isEqualTo(201);
		// the time limiter ran the call on another thread; the trace went along all the same
		assertThat(this.articles.lastStateTraceparent).startsWith("00-" + traceId + "-")
			.doesNotContain("00f067aa0ba902b7");
	}

	@Test
	void aSlowStateEndpointIsCutOffByTheTimeout() {
		String id = ArticleServiceStub.newArticleId();
		this.articles.known(id, true, true);
		this.articles.stateDelayMillis = 5_000;
		try {
			// without the timeout the stub's answer (published, open) would arrive and the post succeed
			Http.Response response = this.api.post(CommentApi.reader(), id, "Spori članak", null);
			assertThat(response.status()).as(response.body()).isEqualTo(503);
			assertThat(response.json().path("type").asString()).isEqualTo("/problems/upstream-unavailable");
		}
		finally {
			this.articles.stateDelayMillis = 0;
		}
		assertThat(this.api.post(CommentApi.reader(), id, "Sad odgovara", null).status()).isEqualTo(201);
	}

	@Test
	void unpublishingOrClosingAnArticleClosesItsComments() {
		String unpublished = this.articles.publish("vijesti");
		String closed = this.articles.publish("vijesti");
		assertThat(this.api.post(CommentApi.reader(), unpublished, "Dok je objavljen", null).status()).isEqualTo(201);
		assertThat(this.api.post(CommentApi.reader(), closed, "Dok je otvoren", null).status()).isEqualTo(201);
		this.articles.unpublish(unpublished, "vijesti");
		this.articles.closeComments(closed, "vijesti");
		awaitFeedCaughtUp();
		assertThat(this.api.post(CommentApi.reader(), unpublished, "Nakon povlačenja", null).status()).isEqualTo(404);
		Http.Response refused = this.api.post(CommentApi.reader(), closed, "Nakon zatvaranja", null);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().path("type").asString()).isEqualTo("/problems/comments-closed");
		// what was said stays readable
		assertThat(this.api.thread(closed, null).path("count").asLong()).isEqualTo(1);
	}

	@Test
	void threadsCloseByThemselvesAConfiguredTimeAfterPublication() {
		String crime = ArticleServiceStub.newArticleId();
		this.articles.publish(crime, "crna-kronika", Instant.now().minus(Duration.ofDays(4)));
		String news = ArticleServiceStub.newArticleId();
		this.articles.publish(news, "vijesti", Instant.now().minus(Duration.ofDays(4)));
		awaitFeedCaughtUp();
		assertThat(this.api.post(CommentApi.reader(), crime, "Kasno za crnu kroniku", null).status()).isEqualTo(409);
		assertThat(this.api.post(CommentApi.reader(), news, "Vijesti su otvorene 14 dana", null).status())
			.isEqualTo(201);
	}

	@Test
	void theConsumerResumesFromItsStoredCursorWithoutMissingAnEvent() {
		awaitFeedCaughtUp();
		this.follower.stop();
		// stopping cancels the next poll, not one under way: this waits for it (and reads nothing new)
		this.follower.pollNow();
		List<String> published = new ArrayList<>();
		try {
			long stored = this.cursor.current();
			for (int i = 0; i < 5; i++) {
				published.add(this.articles.publish("vijesti"));
			}
			String unpublished = published.get(0);
			this.articles.unpublish(unpublished, "vijesti");
			assertThat(this.cursor.current()).isEqualTo(stored);
			// a restart: nothing of the projection is held in memory, and a new follower knows only
			// the stored cursor; it applies exactly the events after it
			this.states.clearMemory();
			FeedFollower restarted = this.following.follower(ArticleStateConfiguration.CONSUMER, "articles",
					this.following.http(this.articles.url(), "articles", "articleId"),
					this.following.storedCursor(ArticleStateConfiguration.CURSOR), this.states::apply,
					this.following.defaults().withEnabled(false));
			assertThat(restarted.pollNow()).isEqualTo(this.articles.lastSeq() - stored);
			assertThat(this.cursor.current()).isEqualTo(this.articles.lastSeq());
		}
		finally {
			// the bean resumes from where it was: the events it applies again change nothing
			this.follower.start();
		}
		this.articles.stop();
		try {
			for (String id : published.subList(1, published.size())) {
				assertThat(this.api.post(CommentApi.reader(), id, "Nakon ponovnog pokretanja", null).status())
					.isEqualTo(201);
			}
			assertThat(this.api.post(CommentApi.reader(), published.get(0), "Povučen", null).status()).isEqualTo(404);
		}
		finally {
			this.articles.start();
		}
	}

	private void awaitFeedCaughtUp() {
		await().atMost(Duration.ofSeconds(10)).until(() -> this.cursor.current() >= this.articles.lastSeq());
	}

}
