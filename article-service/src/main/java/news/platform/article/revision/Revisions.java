package news.platform.article.revision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import news.platform.article.commit.ArticleSaved;
import news.platform.article.editing.ArticleEditing;
import news.platform.article.story.Article;
import news.platform.article.story.Articles;
import news.platform.autoconfigure.mongodb.QueryShapes;

/**
 * {@code article_revisions}: a snapshot per save, {@code _id = <articleId>:<revision>}, so listing
 * an article's revisions is key lookups of 1…n. Written after the article (the commit point); an
 * upsert, so a retried save rewrites the same key, and a revision missing after a crash is
 * answered from the article itself when it is the current one.
 */
@Component
public class Revisions {

	public static final String COLLECTION = "article_revisions";

	/** Multikey on the media ids each snapshot names, for media-service's clean-up. */
	static final String MEDIA_INDEX = "article_mediaIds";

	private static final String MEDIA_FIELD = "article." + Articles.MEDIA_IDS;

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Revisions.class);

	private final MongoCollection<Document> collection;

	private final Articles articles;

	public Revisions(MongoDatabase database, Articles articles, QueryShapes shapes) {
		this.collection = database.getCollection(COLLECTION);
		this.articles = articles;
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
		shapes.createIndexes(this.collection, QueryShapes.DeclaredIndex.of(MEDIA_INDEX, MEDIA_FIELD));
		// media references; the backfill of snapshots stored before the field existed
		shapes.register(COLLECTION, List.of(MEDIA_FIELD), List.of(), MEDIA_INDEX);
	}

	/** Which of {@code mediaIds} some stored revision names (key lookups on {@value #MEDIA_INDEX}). */
	public java.util.Set<String> namingAny(java.util.Collection<String> mediaIds) {
		return Articles.firstNaming(this.collection, MEDIA_FIELD, mediaIds);
	}

	/**
	 * Batch work, once per database: stores the media ids on snapshots written before the field
	 * existed, worked out from the snapshot itself. Answers how many it updated.
	 */
	public long backfillMediaIds() {
		long updated = 0;
		List<String> keys = new ArrayList<>();
		for (Document d : this.collection.find(Filters.exists(MEDIA_FIELD, false)).projection(new Document("_id", 1))) {
			keys.add(d.getString("_id"));
		}
		for (String key : keys) {
			Document stored = this.collection.find(Filters.eq("_id", key)).first();
			Document snapshot = stored == null ? null : stored.get("article", Document.class);
			if (snapshot != null) {
				updated += this.collection
					.updateOne(Filters.and(Filters.eq("_id", key), Filters.exists(MEDIA_FIELD, false)),
							com.mongodb.client.model.Updates.set(MEDIA_FIELD,
									Articles.fromDocument(snapshot).mediaIds()))
					.getModifiedCount();
			}
		}
		return updated;
	}

	record Revision(long revision, Instant savedAt, String savedBy, String action, String note, Article article) {
	}

	/**
	 * How long one person's autosaves keep folding into one history entry, counted from the first
	 * autosave of the run: long enough that typing for a while leaves one entry, short enough that
	 * an hour's work still leaves a version every ten minutes to go back to.
	 */
	static final Duration AUTOSAVE_RUN = Duration.ofMinutes(10);

	@EventListener
	public void onSaved(ArticleSaved saved) {
		Article article = saved.article();
		Document snapshot = Articles.toSnapshot(article);
		Instant savedAt = article.updatedAt();
		Document document = new Document("_id", key(article.id(), article.revision()))
			.append("articleId", article.id())
			.append("revision", article.revision())
			.append("savedAt", Date.from(savedAt))
			.append("savedBy", article.updatedBy())
			.append("action", saved.action())
			.append("note", saved.note())
			.append("article", snapshot);
		try {
			// An autosave that continues the same person's run replaces the run's entry: the ETag
			// still moves on with every save (If-Match keeps working), but the history keeps one
			// entry per run, under the newest revision number; the folded number is gone from it.
			Document previous = ArticleEditing.AUTOSAVE.equals(saved.action()) && article.revision() > 1
					? this.collection.find(Filters.eq("_id", key(article.id(), article.revision() - 1))).first()
					: null;
			Instant runStartedAt = previous == null ? null
					: continuedRun(previous.getString("action"), previous.getString("savedBy"),
							runStart(previous), article.updatedBy(), savedAt);
			document.append("runStartedAt", Date.from(runStartedAt == null ? savedAt : runStartedAt));
			this.collection.replaceOne(Filters.eq("_id", document.getString("_id")), document,
					new ReplaceOptions().upsert(true));
			if (runStartedAt != null) {
				// after the new entry is stored: a crash in between leaves two entries, never none
				this.collection.deleteOne(Filters.eq("_id", previous.getString("_id")));
			}
		}
		catch (RuntimeException ex) {
			// the article write has committed and must not be reported as failed; the current
			// revision is answered from the article itself until the next save
			log.warn("Revision {} of article {} was not stored", article.revision(), article.id(), ex);
		}
	}

	/**
	 * When the run an autosave continues started, or {@code null} when it starts a new entry: the
	 * previous entry must be an autosave by the same person whose run began less than
	 * {@link #AUTOSAVE_RUN} before this save. An explicit save, a workflow action or another
	 * person's save in between is the previous entry, so it always ends the run.
	 */
	static Instant continuedRun(String previousAction, String previousBy, Instant previousRunStart, String savedBy,
			Instant savedAt) {
		boolean continues = ArticleEditing.AUTOSAVE.equals(previousAction) && previousBy != null
				&& previousBy.equals(savedBy) && previousRunStart != null
				&& savedAt.isBefore(previousRunStart.plus(AUTOSAVE_RUN));
		return continues ? previousRunStart : null;
	}

	private static Instant runStart(Document entry) {
		Date start = entry.getDate("runStartedAt");
		return start != null ? start.toInstant() : entry.getDate("savedAt").toInstant();
	}

	/** Newest first, at most {@code limit}, by key (numbers folded into a later autosave are skipped). */
	List<Revision> list(Article current, int limit) {
		List<String> keys = new ArrayList<>();
		for (long n = current.revision(); n >= 1 && keys.size() < limit; n--) {
			keys.add(key(current.id(), n));
		}
		List<Revision> found = new ArrayList<>();
		this.collection.find(Filters.in("_id", keys)).forEach(d -> found.add(revision(d)));
		if (found.stream().noneMatch(r -> r.revision() == current.revision())) {
			found.add(new Revision(current.revision(), current.updatedAt(), current.updatedBy(), "save", null, current));
		}
		found.sort((a, b) -> Long.compare(b.revision(), a.revision()));
		return found;
	}

	Optional<Revision> find(Article current, long revision) {
		if (revision == current.revision()) {
			Document stored = this.collection.find(Filters.eq("_id", key(current.id(), revision))).first();
			return Optional.of(stored != null ? revision(stored)
					: new Revision(current.revision(), current.updatedAt(), current.updatedBy(), "save", null, current));
		}
		return Optional.ofNullable(this.collection.find(Filters.eq("_id", key(current.id(), revision))).first())
			.map(Revisions::revision);
	}

	private static Revision revision(Document d) {
		return new Revision(((Number) d.get("revision")).longValue(), d.getDate("savedAt").toInstant(),
				d.getString("savedBy"), d.getString("action"), d.getString("note"),
				Articles.fromDocument(d.get("article", Document.class)));
	}

	static String key(String articleId, long revision) {
		return articleId + ":" + revision;
	}

	Optional<Article> article(String id) {
		return this.articles.find(id);
	}

}
