package news.platform.comment.articlestate;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import news.platform.autoconfigure.client.ServiceTokens;
import news.platform.autoconfigure.feed.follow.FeedFollower;
import news.platform.autoconfigure.feed.follow.FeedFollowing;
import news.platform.autoconfigure.feed.follow.StoredFeedCursor;
import news.platform.comment.CommentProperties;

/**
 * Where the article-state projection comes from: article-service's {@code articles} feed, followed
 * with the shared machinery into {@link ArticleStates}, and its state endpoint for an article the
 * feed has not brought yet.
 */
@Configuration(proxyBeanMethods = false)
class ArticleStateConfiguration {

	static final String BREAKER = "article-state";

	/** The consumer's name: the {@code consumer} tag of the feed metrics, as dashboards and alerts read it. */
	static final String CONSUMER = "comment-service";

	/** The stored cursor's {@code _id} in {@code feed_cursors}: the document this service has always kept there. */
	static final String CURSOR = "article-feed";

	/** The last seq applied to the projection, in this service's database; it only moves forward. */
	@Bean
	StoredFeedCursor articleFeedCursor(FeedFollowing following) {
		return following.storedCursor(CURSOR);
	}

	/**
	 * Follows the feed with the process's {@code platform.feed.follow.*} settings; comment-service's
	 * own switch ({@code comment.article-state.feed-enabled}) can keep it from polling, and then only
	 * the state endpoint feeds the projection.
	 */
	@Bean
	FeedFollower articleFeed(FeedFollowing following, @Value("${platform.upstreams.article-service}") String baseUrl,
			StoredFeedCursor articleFeedCursor, ArticleStates states, CommentProperties properties) {
		FeedFollower.Settings settings = following.defaults();
		settings = settings.withEnabled(settings.enabled() && properties.articleState().feedEnabled());
		return following.follower(CONSUMER, "articles", following.http(baseUrl, "articles", "articleId"),
				articleFeedCursor, states::apply, settings);
	}

	@Bean
	ArticleStateClient articleStateClient(@Value("${platform.upstreams.article-service}") String baseUrl,
			ObjectProvider<ServiceTokens> tokens, CommentProperties properties) {
		// without a token source (a misconfigured process) the call goes out bare and article-service
		// answers 401, which counts as unavailable: posting on known articles still works
		Supplier<String> authorization = () -> {
			ServiceTokens source = tokens.getIfAvailable();
			return source == null ? null : source.authorization();
		};
		return new ArticleStateClient(baseUrl, authorization, properties.articleState().timeout());
	}

	/**
	 * The state call is on a reader's request path: bounded by a timeout, and skipped while the
	 * breaker is open. The section list (checked when a moderator sets a section's policy) has a
	 * breaker of its own with the same settings.
	 */
	@Bean
	Customizer<Resilience4JCircuitBreakerFactory> articleStateBreaker(CommentProperties properties) {
		return factory -> factory.configure(builder -> builder
			.timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(properties.articleState().timeout()).build())
			.circuitBreakerConfig(CircuitBreakerConfig.custom()
				.slidingWindowSize(10)
				.minimumNumberOfCalls(5)
				.failureRateThreshold(50)
				.waitDurationInOpenState(Duration.ofSeconds(5))
				.build()), BREAKER, SectionDirectory.BREAKER);
	}

}
