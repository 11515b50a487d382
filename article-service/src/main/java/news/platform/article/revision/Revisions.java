package news.platform.article.revision;

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

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Revisions.class);

	private final MongoCollection<Document> collection;

	private final Articles articles;

	public Revisions(MongoDatabase database, Articles articles, QueryShapes shapes) {
		this.collection = database.getCollection(COLLECTION);
		this.articles = articles;
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
	}

	record Revision(long revision, Instant savedAt, String savedBy, String action, Article article) {
	}

	@EventListener
	public void onSaved(ArticleSaved saved) {
		Article article = saved.article();
		Document snapshot = Articles.toSnapshot(article);
		Document document = new Document("_id", key(article.id(), article.revision()))
			.append("articleId", article.id())
			.append("revision", article.revision())
			.append("savedAt", Date.from(article.updatedAt()))
			.append("savedBy", article.updatedBy())
			.append("action", saved.action())
			.append("article", snapshot);
		try {
			this.collection.replaceOne(Filters.eq("_id", document.getString("_id")), document,
					new ReplaceOptions().upsert(true));
		}
		catch (RuntimeException ex) {
			// the article write has committed and must not be reported as failed; the current
			// revision is answered from the article itself until the next save
			log.warn("Revision {} of article {} was not stored", article.revision(), article.id(), ex);
		}
	}

	/** Newest first, at most {@code limit}, by key. */
	List<Revision> list(Article current, int limit) {
		List<String> keys = new ArrayList<>();
		for (long n = current.revision(); n >= 1 && keys.size() < limit; n--) {
			keys.add(key(current.id(), n));
		}
		List<Revision> found = new ArrayList<>();
		this.collection.find(Filters.in("_id", keys)).forEach(d -> found.add(revision(d)));
		if (found.stream().noneMatch(r -> r.revision() == current.revision())) {
			found.add(new Revision(current.revision(), current.updatedAt(), current.updatedBy(), "save", current));
		}
		found.sort((a, b) -> Long.compare(b.revision(), a.revision()));
		return found;
	}

	Optional<Revision> find(Article current, long revision) {
		if (revision == current.revision()) {
			Document stored = this.collection.find(Filters.eq("_id", key(current.id(), revision))).first();
			return Optional.of(stored != null ? revision(stored)
					: new Revision(current.revision(), current.updatedAt(), current.updatedBy(), "save", current));
		}
		return Optional.ofNullable(this.collection.find(Filters.eq("_id", key(current.id(), revision))).first())
			.map(Revisions::revision);
	}

	private static Revision revision(Document d) {
		return new Revision(((Number) d.get("revision")).longValue(), d.getDate("savedAt").toInstant(),
				d.getString("savedBy"), d.getString("action"), Articles.fromDocument(d.get("article", Document.class)));
	}

	static String key(String articleId, long revision) {
		return articleId + ":" + revision;
	}

	Optional<Article> article(String id) {
		return this.articles.find(id);
	}

}
