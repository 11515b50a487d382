package news.platform.comment.articlestate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.stereotype.Component;

import news.platform.autoconfigure.client.TraceHeaders;
import news.platform.autoconfigure.feed.follow.FeedFollower;
import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;
import news.platform.comment.CommentProperties;

/**
 * Decides whether an article takes comments now: from the projection when it knows the article
 * (so posting works while article-service is down), else by asking article-service's state
 * endpoint once, through a circuit breaker with a timeout.
 */
@Component
public class ArticleGate {

	private static final Logger log = LoggerFactory.getLogger(ArticleGate.class);

	private final ArticleStates states;

	private final ArticleStateClient client;

	private final CircuitBreakerFactory<?, ?> breakers;

	private final CommentProperties properties;

	private final FeedFollower feed;

	private final TraceHeaders traceHeaders;

	ArticleGate(ArticleStates states, ArticleStateClient client, CircuitBreakerFactory<?, ?> breakers,
			CommentProperties properties, @Qualifier("articleFeed") FeedFollower feed, TraceHeaders traceHeaders) {
		this.feed = feed;
		this.traceHeaders = traceHeaders;
		this.states = states;
		this.client = client;
		this.breakers = breakers;
		this.properties = properties;
	}

	/**
	 * The article's state if it takes comments now; else the problem a poster gets.
	 * {@code closeAfter} gives a section's auto-close delay (its moderation policy), or null.
	 */
	public ArticleState requireOpen(String articleId, Instant now, Function<String, Duration> closeAfter) {
		ArticleState state = this.states.find(articleId).orElseGet(() -> {
			// most unknown articles were just published: the feed brings them with their section
			// (whose policy applies); the state endpoint answers for the rest. One page at most, not
			// while the feed fails, and waiting for a poll under way no longer than the call timeout:
			// a request never waits for a long backlog
			if (catchUp()) {
				return this.states.find(articleId).orElseGet(() -> ask(articleId, now));
			}
			return ask(articleId, now);
		});
		ArticleState.Verdict verdict = state.verdict(now, closeAfter.apply(state.section()));
		return switch (verdict) {
			case OPEN -> state;
			case UNKNOWN, NOT_PUBLISHED -> throw ApiProblem.notFound("Article",
					"No published article " + articleId + " takes comments.");
			case CLOSED -> throw new ApiProblem(ProblemType.COMMENTS_CLOSED,
					"Comments on article " + articleId + " are closed.");
		};
	}

	private boolean catchUp() {
		CommentProperties.ArticleState settings = this.properties.articleState();
		return settings.feedEnabled() && this.feed.catchUp(settings.timeout());
	}

	private ArticleState ask(String articleId, Instant now) {
		// read on the request thread: the breaker's time limiter runs the call on another one
		Map<String, String> trace = this.traceHeaders.current();
		List<ArticleStateClient.StateAnswer> answers = this.breakers.create(ArticleStateConfiguration.BREAKER)
			.run(() -> this.client.state(List.of(articleId), trace), failure -> {
				log.warn("article state for {} unavailable: {}", articleId, failure.toString());
				throw ApiProblem.retryLater(ProblemType.UPSTREAM_UNAVAILABLE,
						"Article state unavailable: comment-service has not seen article " + articleId
								+ " yet and article-service does not answer; retry shortly.", 5);
			});
		ArticleStateClient.StateAnswer answer = answers.stream()
			.filter(a -> articleId.equals(a.id()))
			.findFirst()
			.orElse(new ArticleStateClient.StateAnswer(articleId, false, false, false, null, null, null));
		// the section picks the moderation policy and the auto-close delay, as the feed's events would
		ArticleState state = new ArticleState(articleId, answer.exists(), answer.published(), answer.commentsOpen(),
				answer.commentsCloseAt(), answer.section(), answer.firstPublishedAt(), 0, "state-endpoint", now);
		if (answer.exists()) {
			// an unknown id is not stored: anyone could fill the projection with made-up ids
			this.states.storeFromStateEndpoint(state);
		}
		return state;
	}

}
