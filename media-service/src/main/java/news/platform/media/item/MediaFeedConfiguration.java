package news.platform.media.item;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import news.platform.autoconfigure.feed.publish.FeedPublisher;
import news.platform.autoconfigure.feed.publish.FeedPublishing;
import news.platform.autoconfigure.feed.publish.PublishedFeed;

/**
 * media-service's own feed, on the platform's machinery: events staged in {@code media_items}
 * documents (each write's commit point), markers in {@code media_outbox}, the feed in
 * {@code events} ({@code _id} = seq), one relay at a time by the lease {@code event-relay}. The
 * revision the relay checks is {@code feedRevision}, moved on by every write that stages an event
 * (not {@code version}, the editors' If-Match, which a usage change must not move).
 */
@Configuration(proxyBeanMethods = false)
class MediaFeedConfiguration {

	static final PublishedFeed FEED = new PublishedFeed(MediaEvents.FEED, MediaEvents.SUBJECT,
			List.of(MediaItems.COLLECTION), MediaItems.FEED_REVISION, "events", "media_outbox", "event-relay");

	@Bean
	FeedPublisher mediaFeed(FeedPublishing publishing) {
		return publishing.publisher(FEED);
	}

}
