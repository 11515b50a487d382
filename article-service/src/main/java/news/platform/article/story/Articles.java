package news.platform.article.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.bson.conversions.Bson;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.feed.publish.FeedPublisher;
import news.platform.autoconfigure.mongodb.QueryShapes.DeclaredIndex;
import news.platform.autoconfigure.mongodb.QueryShapes;

/**
 * The {@code articles} collection: one document per article, which is also the commit point of
 * every write (the article, its staged feed events and its revision number change in one update).
 * Only {@code commit.ArticleCommits} writes here. The feed's relay (shared library) reads and
 * clears the staged events, and declares the sparse index it needs for that itself.
 */
@Component
public class Articles {

	public static final String COLLECTION = "articles";

	static final String DUE_INDEX = "status_scheduledAt";

	static final String STATUS_INDEX = "status_publishedAt";

	/** Multikey: every media id an article shows (hero, picture blocks), for media-service's clean-up. */
	public static final String MEDIA_INDEX = "mediaIds";

	/** The stored field of {@link Article#mediaIds()}: derived, written with every write. */
	public static final String MEDIA_IDS = "mediaIds";

	private static final int REBUILD_PAGE = 500;

	private static final List<String> LIVE = List.of(ArticleStatus.DRAFT.name(), ArticleStatus.IN_REVIEW.name(),
			ArticleStatus.SCHEDULED.name(), ArticleStatus.PUBLISHED.name(), ArticleStatus.UNPUBLISHED.name());

	private static final JsonMapper BLOCKS = JsonMapper.builder().build();

	private final MongoCollection<Document> collection;

	public Articles(MongoDatabase database, QueryShapes shapes) {
		this.collection = database.getCollection(COLLECTION);
		shapes.createIndexes(this.collection, DeclaredIndex.of(DUE_INDEX, "status", "scheduledAt"),
				DeclaredIndex.of(STATUS_INDEX, "status", "publishedAt"), DeclaredIndex.of(MEDIA_INDEX, MEDIA_IDS));
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
		shapes.register(COLLECTION, List.of("status", "scheduledAt"), List.of(), DUE_INDEX);
		shapes.register(COLLECTION, List.of("status"), List.of(), STATUS_INDEX);
		// media references: an article naming any of some media ids; the backfill of older documents
		shapes.register(COLLECTION, List.of(MEDIA_IDS), List.of(), MEDIA_INDEX);
		// distinct section and tag values: a whole-collection read, once per database (batch)
		shapes.register(COLLECTION, List.of(), List.of(), "_id_");
	}

	public Optional<Article> find(String id) {
		Document document = this.collection.find(Filters.eq("_id", id)).first();
		return Optional.ofNullable(document).map(Articles::fromDocument);
	}

	public List<Article> findAll(Collection<String> ids) {
		List<Article> found = new ArrayList<>();
		for (Document document : this.collection.find(Filters.in("_id", ids))) {
			found.add(fromDocument(document));
		}
		return found;
	}

	/**
	 * A new article, with the events its creation stages (schema version 2 announces drafts to
	 * staff followers) in the same insert. For the write path only.
	 */
	public void insert(Article article, List<Document> pendingEvents) {
		Document document = toDocument(article);
		if (!pendingEvents.isEmpty()) {
			document.append(FeedPublisher.PENDING_EVENTS, pendingEvents);
		}
		this.collection.insertOne(document);
	}

	/**
	 * Writes {@code after} only if the stored revision is still {@code expectedRevision}; the
	 * staged events ride along in the same update, so a write and its events commit together.
	 * For the write path only.
	 */
	public boolean replace(Article after, long expectedRevision, List<Document> pendingEvents) {
		List<Bson> updates = new ArrayList<>();
		toDocument(after).forEach((key, value) -> {
			if (!"_id".equals(key)) {
				updates.add(Updates.set(key, value));
			}
		});
		if (!pendingEvents.isEmpty()) {
			updates.add(Updates.pushEach(FeedPublisher.PENDING_EVENTS, pendingEvents));
		}
		UpdateResult result = this.collection.updateOne(
				Filters.and(Filters.eq("_id", after.id()), Filters.eq("revision", expectedRevision)),
				Updates.combine(updates));
		return result.getModifiedCount() == 1;
	}

	/**
	 * Which of {@code mediaIds} some article names (any status, tombstones included: a deleted
	 * article can still be restored from its revisions). Key lookups on the multikey
	 * {@value #MEDIA_INDEX} index: one query per article found, each removing at least one id from
	 * what is still asked, so at most as many queries as ids.
	 */
	public java.util.Set<String> namingAny(Collection<String> mediaIds) {
		return firstNaming(this.collection, MEDIA_IDS, mediaIds);
	}

	/**
	 * The media ids named by the documents found one at a time by {@code field} (a multikey index),
	 * among {@code mediaIds}. Shared with the revisions' store, whose snapshots hold the same field.
	 */
	public static java.util.Set<String> firstNaming(MongoCollection<Document> collection, String field,
			Collection<String> mediaIds) {
		java.util.Set<String> remaining = new java.util.LinkedHashSet<>(mediaIds);
		java.util.Set<String> named = new java.util.LinkedHashSet<>();
		while (!remaining.isEmpty()) {
			Document found = collection.find(Filters.in(field, List.copyOf(remaining)))
				.projection(new Document(field, 1).append("_id", 0))
				.first();
			if (found == null) {
				break;
			}
			Object value = field.indexOf('.') < 0 ? found.get(field)
					: found.getEmbedded(List.of(field.split("\\.")), Object.class);
			boolean progress = false;
			if (value instanceof List<?> list) {
				for (Object id : list) {
					if (id instanceof String s && remaining.remove(s)) {
						named.add(s);
						progress = true;
					}
				}
			}
			if (!progress) {
				// cannot happen with a consistent store; never loop on it
				break;
			}
		}
		return named;
	}

	/**
	 * Batch work, once per database: stores {@code mediaIds} on articles written before the field
	 * existed. Answers how many it updated.
	 */
	public long backfillMediaIds() {
		long updated = 0;
		List<String> ids = new ArrayList<>();
		for (Document d : this.collection.find(Filters.exists(MEDIA_IDS, false)).projection(new Document("_id", 1))) {
			ids.add(d.getString("_id"));
		}
		for (String id : ids) {
			Optional<Article> article = find(id);
			if (article.isPresent()) {
				updated += this.collection
					.updateOne(Filters.and(Filters.eq("_id", id), Filters.exists(MEDIA_IDS, false)),
							Updates.set(MEDIA_IDS, article.get().mediaIds()))
					.getModifiedCount();
			}
		}
		return updated;
	}

	/** Batch work for the scheduler: a scan is allowed here. */
	public List<Article> dueScheduled(Instant now, int limit) {
		List<Article> due = new ArrayList<>();
		for (Document document : this.collection
			.find(Filters.and(Filters.eq("status", ArticleStatus.SCHEDULED.name()),
					Filters.lte("scheduledAt", Date.from(now))))
			.limit(limit)) {
			due.add(fromDocument(document));
		}
		return due;
	}

	/**
	 * Batch work for index rebuilds: every article that is not deleted (staff lists hold unpublished
	 * work too), the ids first, then the articles by key, {@value #REBUILD_PAGE} at a time. A single
	 * cursor over the articles would do on MongoDB, but the embedded server materialises a query's
	 * whole result before its first batch (at 100,000 articles that exhausted a 1 GiB heap); ids are
	 * small, and a page by key stays small on both. An article deleted in between is dropped by the
	 * second look at its status.
	 */
	public Stream<Article> allLive() {
		List<String> ids = new ArrayList<>();
		for (Document id : this.collection.find(Filters.in("status", LIVE))
			.projection(new Document("_id", 1))
			.batchSize(10_000)) {
			ids.add(id.getString("_id"));
		}
		int pages = (ids.size() + REBUILD_PAGE - 1) / REBUILD_PAGE;
		return IntStream.range(0, pages)
			.mapToObj(page -> ids.subList(page * REBUILD_PAGE, Math.min(ids.size(), (page + 1) * REBUILD_PAGE)))
			.flatMap(page -> findAll(page).stream())
			.filter(article -> article.status() != ArticleStatus.DELETED);
	}

	/**
	 * Batch work, once per database: every distinct {@code section} value stored, for the start-up
	 * step that gives free-text sections of older articles a section of their own.
	 */
	public List<String> distinctSections() {
		List<String> values = new ArrayList<>();
		this.collection.distinct("section", String.class).forEach(value -> {
			if (value != null) {
				values.add(value);
			}
		});
		return values;
	}

	/**
	 * Batch work, once per database: every distinct {@code tags} value stored (ids and the free
	 * text of older articles), for the start-up step that makes tags of that free text.
	 */
	public List<String> distinctTags() {
		List<String> values = new ArrayList<>();
		this.collection.distinct("tags", String.class).forEach(value -> {
			if (value != null) {
				values.add(value);
			}
		});
		return values;
	}

	/** The stored shape of an article, for revision snapshots. */
	public static Document toSnapshot(Article a) {
		return toDocument(a);
	}

	static Document toDocument(Article a) {
		List<Document> body = new ArrayList<>();
		for (Block block : a.body()) {
			body.add(Document.parse(BLOCKS.writeValueAsString(block)));
		}
		List<Document> corrections = a.corrections()
			.stream()
			.map(c -> new Document("at", date(c.at())).append("text", c.text()))
			.toList();
		return new Document("_id", a.id()).append("slug", a.slug())
			.append("previousSlugs", a.previousSlugs())
			.append("language", a.language())
			.append("headline", a.headline())
			.append("standfirst", a.standfirst())
			.append("body", body)
			.append("authors", a.authors())
			.append("section", a.section())
			.append("tags", a.tags())
			.append("source", a.source())
			.append("heroMediaId", a.heroMediaId())
			.append(MEDIA_IDS, a.mediaIds())
			.append("commentsOpen", a.commentsOpen())
			.append("commentsCloseAt", date(a.commentsCloseAt()))
			.append("status", a.status().name())
			.append("ownerId", a.ownerId())
			.append("createdAt", date(a.createdAt()))
			.append("updatedAt", date(a.updatedAt()))
			.append("firstPublishedAt", date(a.firstPublishedAt()))
			.append("publishedAt", date(a.publishedAt()))
			.append("scheduledAt", date(a.scheduledAt()))
			.append("embargoUntil", date(a.embargoUntil()))
			.append("revision", a.revision())
			.append("wordCount", a.wordCount())
			.append("readingMinutes", a.readingMinutes())
			.append("corrections", corrections)
			.append("updatedBy", a.updatedBy())
			.append("returnNote", a.returnNote() == null ? null
					: new Document("text", a.returnNote().text()).append("by", a.returnNote().by())
						.append("at", date(a.returnNote().at())));
	}

	public static Article fromDocument(Document d) {
		List<Block> body = new ArrayList<>();
		for (Document block : d.getList("body", Document.class, List.of())) {
			body.add(BLOCKS.readValue(block.toJson(), Block.class));
		}
		List<Correction> corrections = d.getList("corrections", Document.class, List.of())
			.stream()
			.map(c -> new Correction(instant(c.getDate("at")), c.getString("text")))
			.toList();
		return new Article(d.getString("_id"), d.getString("slug"), strings(d, "previousSlugs"),
				d.getString("language"), d.getString("headline"), d.getString("standfirst"), body,
				strings(d, "authors"), d.getString("section"), strings(d, "tags"), d.getString("source"),
				d.getString("heroMediaId"), Boolean.TRUE.equals(d.getBoolean("commentsOpen")),
				instant(d.getDate("commentsCloseAt")), ArticleStatus.valueOf(d.getString("status")),
				d.getString("ownerId"), instant(d.getDate("createdAt")), instant(d.getDate("updatedAt")),
				instant(d.getDate("firstPublishedAt")), instant(d.getDate("publishedAt")),
				instant(d.getDate("scheduledAt")), instant(d.getDate("embargoUntil")),
				((Number) d.get("revision")).longValue(), d.getInteger("wordCount", 0),
				d.getInteger("readingMinutes", 1), corrections, d.getString("updatedBy"), returnNote(d));
	}

	private static ReturnNote returnNote(Document d) {
		Document note = d.get("returnNote", Document.class);
		return note == null ? null
				: new ReturnNote(note.getString("text"), note.getString("by"), instant(note.getDate("at")));
	}

	private static List<String> strings(Document d, String key) {
		List<String> values = d.getList(key, String.class);
		return values == null ? List.of() : values;
	}

	private static Date date(Instant instant) {
		return instant == null ? null : Date.from(instant);
	}

	private static Instant instant(Date date) {
		return date == null ? null : date.toInstant();
	}

}
