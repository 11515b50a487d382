package news.platform.autoconfigure.feed.publish;

import java.time.Clock;

import com.mongodb.client.MongoDatabase;

import org.springframework.scheduling.TaskScheduler;

import news.platform.autoconfigure.feed.FeedProperties;
import news.platform.autoconfigure.mongodb.QueryShapes;

/**
 * Makes the {@link FeedPublisher} of a feed a service declares, in the service's own database:
 *
 * <pre>{@code
 * @Bean FeedPublisher articleFeed(FeedPublishing publishing) {
 *     return publishing.publisher(PublishedFeed.of("articles", "articleId", "articles", "article_outbox"));
 * }
 * }</pre>
 */
public final class FeedPublishing {

	private final MongoDatabase database;

	private final QueryShapes shapes;

	private final Leases leases;

	private final FeedProperties properties;

	private final TaskScheduler scheduler;

	private final Clock clock;

	public FeedPublishing(MongoDatabase database, QueryShapes shapes, Leases leases, FeedProperties properties,
			TaskScheduler scheduler, Clock clock) {
		this.database = database;
		this.shapes = shapes;
		this.leases = leases;
		this.properties = properties;
		this.scheduler = scheduler;
		this.clock = clock;
	}

	public FeedPublisher publisher(PublishedFeed feed) {
		return publisher(feed, this.properties.relay());
	}

	/** With relay settings of its own (tests relay by hand with {@code enabled = false}). */
	public FeedPublisher publisher(PublishedFeed feed, FeedProperties.Relay relay) {
		EventLog events = new EventLog(this.database, feed, this.shapes);
		FeedOutbox outbox = new FeedOutbox(this.database, feed.outboxCollection(), feed.sourceCollection(), this.shapes);
		FeedRelay relayer = new FeedRelay(this.database, feed, events, outbox, this.leases, relay, this.clock,
				this.shapes);
		return new FeedPublisher(feed, events, outbox, relayer, relay, this.scheduler, this.clock);
	}

}
