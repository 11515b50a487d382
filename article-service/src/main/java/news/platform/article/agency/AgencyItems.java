package news.platform.article.agency;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.mongodb.QueryShapes;
import news.platform.autoconfigure.mongodb.QueryShapes.DeclaredIndex;

/**
 * The {@code agency_items} collection: one document per article that came from an agency item,
 * {@code _id} = the article id, with the agency's {@code uri} under a unique index, so the next
 * version of a story finds its draft by key and two drafts can never claim one {@code uri}. It holds
 * what the agency said (version, withdrawn) and the one pending update of a published story. The
 * article document itself is untouched: a pending update or a kill notice is not an edit of the
 * story, and an editor decides what becomes one.
 */
@Component
class AgencyItems {

	static final String COLLECTION = "agency_items";

	static final String URI_INDEX = "agency_items_uri";

	private final MongoCollection<Document> collection;

	AgencyItems(MongoDatabase database, QueryShapes shapes) {
		this.collection = database.getCollection(COLLECTION);
		shapes.createIndexes(this.collection, DeclaredIndex.unique(URI_INDEX, "uri"));
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
		shapes.register(COLLECTION, List.of("uri"), List.of(), URI_INDEX);
	}

	Optional<AgencyState> byUri(String uri) {
		return Optional.ofNullable(this.collection.find(Filters.eq("uri", uri)).first()).map(AgencyItems::state);
	}

	Optional<AgencyState> byArticle(String articleId) {
		return Optional.ofNullable(this.collection.find(Filters.eq("_id", articleId)).first()).map(AgencyItems::state);
	}

	/**
	 * Claims {@code uri} for an article about to be created, before the article is written: false
	 * when another article holds it already (the unique index decides a race).
	 */
	boolean claim(String uri, String articleId, String version, Instant versionCreated, String pubstatus,
			Instant now) {
		try {
			this.collection.insertOne(new Document("_id", articleId).append("uri", uri)
				.append("version", version)
				.append("pubstatus", pubstatus)
				.append("versionCreated", date(versionCreated))
				.append("withdrawn", false)
				.append("updatedAt", date(now)));
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return false;
			}
			throw ex;
		}
	}

	/** Undoes a claim whose article could not be created. */
	void release(String uri, String articleId) {
		this.collection.deleteOne(Filters.and(Filters.eq("_id", articleId), Filters.eq("uri", uri)));
	}

	/**
	 * Points {@code uri} at another article (its old one was deleted): the old claim goes, the new
	 * one is written.
	 */
	boolean reassign(AgencyState old, String articleId, String version, Instant versionCreated, String pubstatus,
			Instant now) {
		release(old.uri(), old.articleId());
		return claim(old.uri(), articleId, version, versionCreated, pubstatus, now);
	}

	/** The version now in the draft (applied or imported). */
	void recordVersion(String articleId, String version, Instant versionCreated, String pubstatus, Instant now) {
		this.collection.updateOne(Filters.eq("_id", articleId),
				Updates.combine(Updates.set("version", version), Updates.set("versionCreated", date(versionCreated)),
						Updates.set("pubstatus", pubstatus),
						Updates.set("updatedAt", date(now))));
	}

	/**
	 * Keeps {@code item} as the article's one pending update, unless the pending one is newer or
	 * the same (the caller compared already; this write replaces whatever is there).
	 */
	void keepPending(String articleId, PendingUpdate pending) {
		this.collection.updateOne(Filters.eq("_id", articleId),
				Updates.combine(Updates.set("pending", new Document("item", pending.item())
					.append("version", pending.version())
					.append("versionCreated", date(pending.versionCreated()))
					.append("pubstatus", pending.pubstatus())
					.append("headline", pending.headline())
					.append("receivedAt", date(pending.receivedAt()))
					.append("receivedBy", pending.receivedBy())), Updates.set("updatedAt", date(pending.receivedAt()))));
	}

	/**
	 * Drops the pending update, only if it is still the one the editor saw ({@code version} and
	 * time received): a newer one that arrived meanwhile stays.
	 */
	boolean dropPending(String articleId, PendingUpdate seen) {
		return this.collection.updateOne(
				Filters.and(Filters.eq("_id", articleId), Filters.eq("pending.receivedAt", date(seen.receivedAt()))),
				Updates.unset("pending")).getModifiedCount() == 1;
	}

	/** The agency withdrew the story ({@code pubstatus: canceled}). */
	void markWithdrawn(String articleId, String version, Instant now) {
		List<Bson> updates = new java.util.ArrayList<>(List.of(Updates.set("withdrawn", true),
				Updates.set("withdrawnAt", date(now)), Updates.set("updatedAt", date(now))));
		if (version != null) {
			updates.add(Updates.set("withdrawnVersion", version));
		}
		this.collection.updateOne(Filters.eq("_id", articleId), Updates.combine(updates));
	}

	private static AgencyState state(Document d) {
		Document p = d.get("pending", Document.class);
		PendingUpdate pending = p == null ? null
				: new PendingUpdate(p.getString("item"), p.getString("version"), instant(p.getDate("versionCreated")),
						p.getString("pubstatus"), p.getString("headline"), instant(p.getDate("receivedAt")), p.getString("receivedBy"));
		return new AgencyState(d.getString("_id"), d.getString("uri"), d.getString("version"),
				instant(d.getDate("versionCreated")), d.getString("pubstatus"), Boolean.TRUE.equals(d.getBoolean("withdrawn")),
				instant(d.getDate("withdrawnAt")), pending);
	}

	private static Date date(Instant instant) {
		return instant == null ? null : Date.from(instant);
	}

	private static Instant instant(Date date) {
		return date == null ? null : date.toInstant();
	}

}
