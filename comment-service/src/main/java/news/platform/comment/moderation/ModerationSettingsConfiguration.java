package news.platform.comment.moderation;

import java.time.Clock;
import java.util.function.LongSupplier;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import news.platform.autoconfigure.feed.follow.FeedCursor;
import news.platform.autoconfigure.feed.follow.FeedFollower;
import news.platform.autoconfigure.feed.follow.FeedFollowing;
import news.platform.autoconfigure.feed.publish.FeedPublisher;
import news.platform.autoconfigure.feed.publish.FeedPublishing;
import news.platform.autoconfigure.feed.publish.PublishedFeed;
import news.platform.autoconfigure.mongodb.QueryShapes;
import news.platform.comment.CommentProperties;
import news.platform.comment.articlestate.SectionDirectory;

/**
 * The moderation settings kept in the database and how every replica learns of a change:
 * comment-service's own feed, {@code comments} (the shared feed machinery: a change stages its
 * event in the settings document, the one relay moves it into {@code events}, and
 * {@code GET /internal/v1/comments/events} serves it). Each replica follows the feed in-process
 * from its head, every {@code comment.moderation.settings-follow-interval}, and reads the settings
 * document again (by key) on each event.
 */
@Configuration(proxyBeanMethods = false)
class ModerationSettingsConfiguration {

	/** The feed's name, in its URL. */
	static final String FEED = "comments";

	/** The follower's {@code consumer} tag on the shared feed metrics. */
	static final String CONSUMER = "comment-service";

	@Bean
	FeedPublisher commentFeed(FeedPublishing publishing) {
		return publishing.publisher(PublishedFeed.of(FEED, "subjectId", ModerationSettingsStore.COLLECTION,
				"comment_outbox"));
	}

	@Bean
	ModerationSettingsStore moderationSettingsStore(MongoDatabase database, QueryShapes shapes,
			FeedPublisher commentFeed) {
		return new ModerationSettingsStore(database, shapes, commentFeed);
	}

	/**
	 * With the gauge {@code comments.moderation.settings.revision}: the revision this replica
	 * applies, so that an operator (or a test) sees when a change has reached every replica.
	 */
	@Bean
	ModerationRules moderationRules(ModerationSettingsStore store, CommentProperties properties, AuditLog audit,
			Clock clock, MeterRegistry meters) {
		ModerationRules rules = new ModerationRules(store, properties.moderation(), audit, clock);
		Gauge.builder("comments.moderation.settings.revision", rules, applied -> applied.current().settings().revision())
			.description("The revision of the moderation settings this replica applies")
			.register(meters);
		return rules;
	}

	@Bean
	SettingsEditing settingsEditing(ModerationSettingsStore store, ModerationRules rules, SectionDirectory sections,
			AuditLog audit, Clock clock) {
		return new SettingsEditing(store, rules, sections, audit, clock);
	}

	/**
	 * This replica's follower of its own feed: from the feed's head (in memory: the settings
	 * document is read again on start), reading the settings again on every event.
	 */
	@Bean
	FeedFollower moderationSettingsFollower(FeedFollowing following, FeedPublisher commentFeed, ModerationRules rules,
			CommentProperties properties) {
		FeedCursor fromHead = new FeedCursor() {

			@Override
			public long resume(LongSupplier head) {
				long position = head.getAsLong();
				// a change relayed before the head was read is already in the document
				rules.reload();
				return position;
			}

			@Override
			public void advance(long seq) {
				// in memory: a restart reads the settings document anyway
			}

		};
		FeedFollower.Settings settings = following.defaults()
			.withInterval(properties.moderation().settingsFollowInterval());
		return following.follower(CONSUMER, FEED, commentFeed.events(), fromHead, event -> {
			if (ModerationSettingsStore.EVENT.equals(event.type())) {
				rules.reload();
			}
		}, settings);
	}

}
