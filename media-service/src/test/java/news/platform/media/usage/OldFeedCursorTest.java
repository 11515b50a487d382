package news.platform.media.usage;

import java.util.UUID;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import news.platform.autoconfigure.feed.follow.StoredFeedCursor;
import news.platform.autoconfigure.mongodb.QueryShapes;
import news.platform.testsupport.ServiceIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upgraded replica resumes the article feed where the old follower stopped: the position kept in
 * {@code feed_cursor} is carried into the platform's {@code feed_cursors} once, when that has none.
 * (Each case uses its own cursor id, apart from the running follower's {@code article-events}.)
 */
@ServiceIntegrationTest
class OldFeedCursorTest {

	@Autowired
	MongoDatabase database;

	@Autowired
	QueryShapes shapes;

	String id = "upgrade-" + UUID.randomUUID();

	@Test
	void theOldPositionIsCarriedOverWhenTheNewCursorHasNone() {
		oldPosition(42);
		StoredFeedCursor cursor = new StoredFeedCursor(this.database, this.id, this.shapes);

		ArticleFeedConfiguration.carryOverOldCursor(this.database, this.id, cursor);

		assertThat(cursor.resume(() -> 0)).isEqualTo(42);
	}

	@Test
	void aNewCursorIsNeverMovedByTheOldOne() {
		oldPosition(42);
		StoredFeedCursor cursor = new StoredFeedCursor(this.database, this.id, this.shapes);
		cursor.advance(50);
		ArticleFeedConfiguration.carryOverOldCursor(this.database, this.id, cursor);
		assertThat(cursor.current()).isEqualTo(50);

		// later starts find the new cursor and leave it alone, whatever the old document says
		oldPosition(70);
		ArticleFeedConfiguration.carryOverOldCursor(this.database, this.id, cursor);
		assertThat(cursor.current()).isEqualTo(50);
	}

	@Test
	void aFreshDatabaseStartsFromTheBeginning() {
		StoredFeedCursor cursor = new StoredFeedCursor(this.database, this.id, this.shapes);
		ArticleFeedConfiguration.carryOverOldCursor(this.database, this.id, cursor);
		assertThat(cursor.current()).isZero();
		assertThat(this.database.getCollection(StoredFeedCursor.COLLECTION).countDocuments(new Document("_id", this.id)))
			.isZero();
	}

	private void oldPosition(long seq) {
		this.database.getCollection(ArticleFeedConfiguration.OLD_CURSORS)
			.replaceOne(new Document("_id", this.id), new Document("_id", this.id).append("seq", seq),
					new com.mongodb.client.model.ReplaceOptions().upsert(true));
	}

}
