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

	private static final int REBUILD_PAGE = 500;

	private static final JsonMapper BLOCKS = JsonMapper.builder().build();

	private final MongoCollection<Document> collection;

	public Articles(MongoDatabase database, QueryShapes shapes) {
		this.collection = database.getCollection(COLLECTION);
		shapes.createIndexes(this.collection, DeclaredIndex.of(DUE_INDEX, "status", "scheduledAt"),
				DeclaredIndex.of(STATUS_INDEX, "status", "publishedAt"));
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
		shapes.register(COLLECTION, List.of("status", "scheduledAt"), List.of(), DUE_INDEX);
		shapes.register(COLLECTION, List.of("status"), List.of(), STATUS_INDEX);
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

	/** A new article; a create announces nothing, so it stages no events. For the write path only. */
	public void insert(Article article) {
		this.collection.insertOne(toDocument(article));
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
	 * Batch work for index rebuilds: the ids of the published articles first, then the articles by
	 * key, {@value #REBUILD_PAGE} at a time. A single cursor over the articles would do on MongoDB,
	 * but the embedded server materialises a query's whole result before its first batch (at
	 * 100,000 articles that exhausted a 1 GiB heap); ids are small, and a page by key stays small on
	 * both. An article unpublished in between is dropped by the second look at its status.
	 */
	public Stream<Article> allPublished() {
		List<String> ids = new ArrayList<>();
		for (Document id : this.collection.find(Filters.eq("status", ArticleStatus.PUBLISHED.name()))
			.projection(new Document("_id", 1))
			.batchSize(10_000)) {
			ids.add(id.getString("_id"));
		}
		int pages = (ids.size() + REBUILD_PAGE - 1) / REBUILD_PAGE;
		return IntStream.range(0, pages)
			.mapToObj(page -> ids.subList(page * REBUILD_PAGE, Math.min(ids.size(), (page + 1) * REBUILD_PAGE)))
			.flatMap(page -> findAll(page).stream())
			.filter(article -> article.status() == ArticleStatus.PUBLISHED);
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
			.append("updatedBy", a.updatedBy());
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
				d.getInteger("readingMinutes", 1), corrections, d.getString("updatedBy"));
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
