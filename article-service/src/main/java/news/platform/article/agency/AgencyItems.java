package news.platform.article.agency;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.feed.publish.FeedPublisher;
import news.platform.autoconfigure.mongodb.QueryShapes;
import news.platform.autoconfigure.mongodb.QueryShapes.DeclaredIndex;
import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;

/**
 * The {@code agency_items} collection: one document per article that came from an agency item,
 * {@code _id} = the article id, with the agency's {@code uri} under a unique index, so the next
 * version of a story finds its draft by key and two drafts can never claim one {@code uri}. It holds
 * what the agency said (version, withdrawn) and the one pending update of a published story. The
 * article document itself is untouched: a pending update or a kill notice is not an edit of the
 * story, and an editor decides what becomes one.
 *
 * <p>What staff lists filter on ({@code agency=pending-update}, {@code agency=withdrawn}) changes
 * here, not in the article, so a write that changes it stages an {@code agency.changed} event in
 * this document (the commit point, as sections and tags stage theirs), with {@code revision} moved
 * on for the feed's relay; every replica's search index reads the article again when the event
 * arrives.
 */
@Component
class AgencyItems {

	static final String COLLECTION = "agency_items";

	static final String URI_INDEX = "agency_items_uri";

	/** On the article feed: an article's agency state as staff lists filter it changed. */
	public static final String EVENT = "agency.changed";

	/** The article feed's schema version (ADR 0008); staged here as sections and tags stage theirs. */
	static final int SCHEMA_VERSION = 2;

	/** Another request changing the same document in between is rare: a few tries settle it. */
	private static final int MAX_ATTEMPTS = 10;

	private final MongoCollection<Document> collection;

	private final FeedPublisher feed;

	AgencyItems(MongoDatabase database, QueryShapes shapes, FeedPublisher feed) {
		this.collection = database.getCollection(COLLECTION);
		this.feed = feed;
		shapes.createIndexes(this.collection, DeclaredIndex.unique(URI_INDEX, "uri"));
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
		shapes.register(COLLECTION, List.of("uri"), List.of(), URI_INDEX);
		// conditional writes of one document
		shapes.register(COLLECTION, List.of("_id", "revision"), List.of(), "_id_");
		// the search index's rebuild (batch): the lists of every agency item at once
		shapes.register(COLLECTION, List.of(), List.of(), "_id_");
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
		change(articleId, null, Boolean.TRUE, null,
				Updates.combine(Updates.set("pending", new Document("item", pending.item())
					.append("version", pending.version())
					.append("versionCreated", date(pending.versionCreated()))
					.append("pubstatus", pending.pubstatus())
					.append("headline", pending.headline())
					.append("receivedAt", date(pending.receivedAt()))
					.append("receivedBy", pending.receivedBy())), Updates.set("updatedAt", date(pending.receivedAt()))),
				pending.receivedAt());
	}

	/**
	 * Drops the pending update, only if it is still the one the editor saw ({@code version} and
	 * time received): a newer one that arrived meanwhile stays.
	 */
	boolean dropPending(String articleId, PendingUpdate seen, Instant now) {
		return change(articleId, Filters.eq("pending.receivedAt", date(seen.receivedAt())), Boolean.FALSE, null,
				Updates.unset("pending"), now);
	}

	/** The agency withdrew the story ({@code pubstatus: canceled}). */
	void markWithdrawn(String articleId, String version, Instant now) {
		List<Bson> updates = new java.util.ArrayList<>(List.of(Updates.set("withdrawn", true),
				Updates.set("withdrawnAt", date(now)), Updates.set("updatedAt", date(now))));
		if (version != null) {
			updates.add(Updates.set("withdrawnVersion", version));
		}
		change(articleId, null, null, Boolean.TRUE, Updates.combine(updates), now);
	}

	/**
	 * The staff lists an article's agency state puts it on ({@link AgencyLists#PENDING_UPDATE},
	 * {@link AgencyLists#WITHDRAWN}); empty for an article from no agency item. A key lookup.
	 */
	Set<String> listsOf(String articleId) {
		Document d = this.collection.find(Filters.eq("_id", articleId)).projection(LISTS_PROJECTION).first();
		return d == null ? Set.of() : lists(d.get("pending") != null, Boolean.TRUE.equals(d.getBoolean("withdrawn")));
	}

	/**
	 * Batch work for the search index's rebuild: the lists of every article on one, by article id.
	 * One pass over the collection (small documents, only the two fields read).
	 */
	Map<String, Set<String>> allListed() {
		Map<String, Set<String>> listed = new HashMap<>();
		for (Document d : this.collection.find().projection(LISTS_PROJECTION)) {
			Set<String> lists = lists(d.get("pending") != null, Boolean.TRUE.equals(d.getBoolean("withdrawn")));
			if (!lists.isEmpty()) {
				listed.put(d.getString("_id"), lists);
			}
		}
		return listed;
	}

	// what lists depend on, without the pending item's text
	private static final Document LISTS_PROJECTION = new Document("withdrawn", 1).append("pending.receivedAt", 1);

	private static Set<String> lists(boolean pending, boolean withdrawn) {
		Set<String> lists = new LinkedHashSet<>();
		if (pending) {
			lists.add(AgencyLists.PENDING_UPDATE);
		}
		if (withdrawn) {
			lists.add(AgencyLists.WITHDRAWN);
		}
		return Set.copyOf(lists);
	}

	/**
	 * One write of an article's document, conditional on the revision read (and on
	 * {@code condition}): when it changes a list the article is on ({@code pendingAfter},
	 * {@code withdrawnAfter}; {@code null} leaves that one as it is), the {@code agency.changed}
	 * event is staged in the same update, after the outbox marker tells the relay to look. False
	 * when the document (or the condition) is not there.
	 */
	private boolean change(String articleId, Bson condition, Boolean pendingAfter, Boolean withdrawnAfter, Bson update,
			Instant now) {
		Bson match = condition == null ? Filters.eq("_id", articleId)
				: Filters.and(Filters.eq("_id", articleId), condition);
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Document current = this.collection.find(match)
				.projection(new Document("withdrawn", 1).append("pending.receivedAt", 1).append("revision", 1)
					.append("uri", 1))
				.first();
			if (current == null) {
				return false;
			}
			long revision = current.get("revision") instanceof Number n ? n.longValue() : 0L;
			boolean pendingBefore = current.get("pending") != null;
			boolean withdrawnBefore = Boolean.TRUE.equals(current.getBoolean("withdrawn"));
			boolean pending = pendingAfter != null ? pendingAfter : pendingBefore;
			boolean withdrawn = withdrawnAfter != null ? withdrawnAfter : withdrawnBefore;
			List<Bson> updates = new ArrayList<>(List.of(update, Updates.inc("revision", 1L)));
			if (pending != pendingBefore || withdrawn != withdrawnBefore) {
				this.feed.willStage(COLLECTION, articleId, revision + 1);
				updates.add(Updates.push(FeedPublisher.PENDING_EVENTS,
						this.feed.stage(EVENT, SCHEMA_VERSION, now, articleId,
								new Document("uri", current.getString("uri")).append("pendingUpdate", pending)
									.append("withdrawn", withdrawn))));
			}
			// documents written before the field existed have no revision: they are at 0
			Bson sameRevision = revision == 0
					? Filters.or(Filters.eq("revision", 0L), Filters.exists("revision", false))
					: Filters.eq("revision", revision);
			if (this.collection.updateOne(Filters.and(match, sameRevision), Updates.combine(updates))
				.getModifiedCount() == 1) {
				return true;
			}
		}
		throw new ApiProblem(ProblemType.VERSION_CONFLICT,
				"The story's agency item kept changing meanwhile; send the request again.");
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
