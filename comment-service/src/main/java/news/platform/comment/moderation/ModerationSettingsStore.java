package news.platform.comment.moderation;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import news.platform.autoconfigure.feed.publish.FeedPublisher;
import news.platform.autoconfigure.mongodb.QueryShapes;

/**
 * The one settings document ({@code moderation_settings}, {@code _id: "moderation"}), read and
 * written by key. A change is one conditional update at the revision the editor saw: it sets the
 * new content, moves the revision on, and pushes in the same write the audit entry (kept in the
 * document's {@code history}, the last 50) and the feed event that tells every replica to read the
 * document again ({@code pendingEvents}, moved into the {@code comments} feed by the shared relay).
 */
final class ModerationSettingsStore {

	static final String COLLECTION = "moderation_settings";

	static final String ID = "moderation";

	/** The feed event of a change; replicas read the document again when they see it. */
	static final String EVENT = "moderation.settings-changed";

	private final MongoCollection<Document> collection;

	private final FeedPublisher feed;

	ModerationSettingsStore(MongoDatabase database, QueryShapes shapes, FeedPublisher feed) {
		this.collection = database.getCollection(COLLECTION);
		this.feed = feed;
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
	}

	Optional<ModerationSettings> load() {
		return Optional.ofNullable(this.collection.find(Filters.eq("_id", ID)).first()).map(ModerationSettings::from);
	}

	/** The stored revision only (a projection of one field, by key). */
	long revision() {
		Document document = this.collection.find(Filters.eq("_id", ID)).projection(new Document("revision", 1)).first();
		return document == null ? 0 : document.get("revision", Number.class).longValue();
	}

	/** A new database: stores the configured defaults; false when another replica did first. */
	boolean seed(ModerationSettings defaults, Document auditEntry) {
		Document document = new Document("_id", ID).append("revision", defaults.revision())
			.append("updatedAt", Date.from(defaults.updatedAt()))
			.append("updatedBy", defaults.updatedBy())
			.append("history", List.of(auditEntry));
		document.putAll(defaults.contentDocument());
		try {
			this.collection.insertOne(document);
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
			return false;
		}
	}

	/**
	 * Writes {@code next} if the stored revision is still {@code expectedRevision}; the settings as
	 * stored, or empty when another change came first.
	 */
	Optional<ModerationSettings> replace(long expectedRevision, ModerationSettings next, String actor, Instant now,
			Document auditEntry, List<String> changed) {
		long revision = expectedRevision + 1;
		this.feed.willStage(ID, revision);
		Document event = this.feed.stage(EVENT, 1, now, ID,
				new Document("revision", revision).append("changed", changed).append("actor", actor));
		Document set = next.contentDocument().append("revision", revision)
			.append("updatedAt", Date.from(now))
			.append("updatedBy", actor);
		var result = this.collection.updateOne(Filters.and(Filters.eq("_id", ID), Filters.eq("revision", expectedRevision)),
				Updates.combine(new Document("$set", set),
						Updates.pushEach("history", List.of(auditEntry), new PushOptions().slice(-50)),
						Updates.push(FeedPublisher.PENDING_EVENTS, event)));
		if (result.getMatchedCount() == 0) {
			return Optional.empty();
		}
		return Optional.of(new ModerationSettings(revision, next.banned(), next.suspect(), next.defaultSection(),
				next.sections(), now, actor));
	}

}
