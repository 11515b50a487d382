package news.platform.media.usage;

import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import news.platform.autoconfigure.feed.follow.FeedFollower;
import news.platform.autoconfigure.feed.follow.FeedFollowing;
import news.platform.autoconfigure.feed.follow.StoredFeedCursor;
import news.platform.autoconfigure.mongodb.QueryShapes;

import static com.mongodb.client.model.Filters.eq;

/**
 * media-service follows article-service's {@code articles} feed with the platform's follower
 * (service token, seq order, backoff while article-service is down, {@code platform.feed.follow.*})
 * and a cursor in its own database ({@code feed_cursors/article-events}), applying each event to
 * {@link Usages} through {@link ArticleFeedHandler}. Every replica follows the feed; the writes are
 * idempotent.
 */
@Configuration(proxyBeanMethods = false)
class ArticleFeedConfiguration {

	/** The consumer name: the {@code consumer} tag of {@code feed_consumer_*}, as before. */
	static final String CONSUMER = "media-service";

	static final String CURSOR_ID = "article-events";

	/** Where the position was kept before the platform's cursor (singular; same document id). */
	static final String OLD_CURSORS = "feed_cursor";

	@Bean
	FeedFollower articleFeedFollower(FeedFollowing following,
			@Value("${platform.upstreams.article-service:}") String articleService, ArticleFeedHandler handler,
			MongoDatabase database, QueryShapes shapes) {
		StoredFeedCursor cursor = following.storedCursor(CURSOR_ID);
		shapes.register(OLD_CURSORS, List.of("_id"), List.of(), "_id_");
		carryOverOldCursor(database, CURSOR_ID, cursor);
		return following.follower(CONSUMER, "articles", following.http(articleService, "articles", "articleId"),
				cursor, handler);
	}

	/**
	 * Copies the position kept in {@code feed_cursor} into the platform's cursor when that has
	 * none yet, so the first start after the upgrade resumes where the old follower stopped rather
	 * than replaying the whole feed. The old document stays: a rollback resumes from it.
	 */
	static void carryOverOldCursor(MongoDatabase database, String id, StoredFeedCursor cursor) {
		if (cursor.current() > 0) {
			return;
		}
		Document old = database.getCollection(OLD_CURSORS).find(eq("_id", id)).first();
		if (old != null && old.get("seq") instanceof Number seq && seq.longValue() > 0) {
			cursor.advance(seq.longValue());
		}
	}

}
