package news.platform.autoconfigure.feed.follow;

import java.time.Clock;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.TaskScheduler;

import news.platform.autoconfigure.client.ServiceTokens;
import news.platform.autoconfigure.feed.FeedPage;
import news.platform.autoconfigure.feed.FeedProperties;
import news.platform.autoconfigure.feed.FeedSource;
import news.platform.autoconfigure.feed.FeedUnavailableException;
import news.platform.autoconfigure.mongodb.QueryShapes;

/**
 * Makes the followers a service declares, with the process's defaults ({@code platform.feed.follow.*}):
 *
 * <pre>{@code
 * @Bean FeedFollower articleUsage(FeedFollowing following, Usages usages) {
 *     return following.follower("media-service", "articles",
 *             following.http(articleServiceUrl, "articles", "articleId"),
 *             following.storedCursor("article-events"), usages::apply);
 * }
 * }</pre>
 * A follower is a lifecycle bean: it starts polling with the context and stops with it.
 */
public final class FeedFollowing {

	private final FeedProperties properties;

	private final TaskScheduler scheduler;

	private final Clock clock;

	private final MeterRegistry meters;

	private final ObjectProvider<ServiceTokens> tokens;

	private final ObjectProvider<MongoDatabase> database;

	private final ObjectProvider<QueryShapes> shapes;

	public FeedFollowing(FeedProperties properties, TaskScheduler scheduler, Clock clock, MeterRegistry meters,
			ObjectProvider<ServiceTokens> tokens, ObjectProvider<MongoDatabase> database,
			ObjectProvider<QueryShapes> shapes) {
		this.properties = properties;
		this.scheduler = scheduler;
		this.clock = clock;
		this.meters = meters;
		this.tokens = tokens;
		this.database = database;
		this.shapes = shapes;
	}

	/** The process's follower defaults, to adjust for one follower. */
	public FeedFollower.Settings defaults() {
		return FeedFollower.Settings.of(this.properties.follow());
	}

	public FeedFollower follower(String consumer, String feed, FeedSource source, FeedCursor cursor,
			FeedHandler handler) {
		return follower(consumer, feed, source, cursor, handler, defaults());
	}

	public FeedFollower follower(String consumer, String feed, FeedSource source, FeedCursor cursor,
			FeedHandler handler, FeedFollower.Settings settings) {
		return new FeedFollower(consumer, feed, source, cursor, handler, settings, this.scheduler, this.clock,
				this.meters);
	}

	/**
	 * Another service's feed over HTTP, with this service's {@code service} token (a read without
	 * one is refused by the producer and retried like any failure) and the follow time limit.
	 * Without an address (a process started alone, without the config server) the source answers
	 * "unavailable" on every read: the service still starts, and the follower says why it cannot
	 * follow and retries with backoff.
	 */
	public FeedSource http(String baseUrl, String feed, String subjectField) {
		if (baseUrl == null || baseUrl.isBlank()) {
			return unconfigured(feed);
		}
		return new HttpFeedSource(baseUrl, feed, subjectField, () -> {
			ServiceTokens serviceTokens = this.tokens.getIfAvailable();
			return serviceTokens == null ? null : serviceTokens.authorization();
		}, this.properties.follow().timeout());
	}

	private static FeedSource unconfigured(String feed) {
		String why = "no address for the service that publishes the '" + feed + "' feed (platform.upstreams.*)";
		return new FeedSource() {

			@Override
			public FeedPage read(long after, int limit) {
				throw new FeedUnavailableException(why);
			}

			@Override
			public long head() {
				throw new FeedUnavailableException(why);
			}

		};
	}

	/** A position kept in this service's own database, under {@code id}. */
	public StoredFeedCursor storedCursor(String id) {
		return new StoredFeedCursor(this.database.getObject(), id, this.shapes.getObject());
	}

}
