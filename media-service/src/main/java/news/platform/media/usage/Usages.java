package news.platform.media.usage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.mongodb.QueryShapes;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/**
 * Which articles name which item, as learnt from the article feed: every article that names the
 * picture, drafts and scheduled stories included, each with whether it is published.
 * {@code media_usage} is keyed by media id and holds a map article id → {published, hero, slug,
 * seq} and a revision {@code rev} moved on by every change, so "who uses this?", the delete check
 * and the count are one key lookup. {@code article_media} keyed by article id remembers what each
 * article named last (and the seq of that event), so an event that drops a picture removes just
 * that entry.
 *
 * <p>Every replica follows the article feed and applies each event. Each write is conditional on
 * the seq it carries (an entry is set only over an older one, removed only if older), so applying
 * an event twice, on two replicas or after a crash, changes nothing the second time, and an older
 * event never undoes a newer one. Only the write that really changed a document tells the
 * {@link UsageListener}s.
 */
@Component
public class Usages {

	static final String USAGE = "media_usage";

	static final String ARTICLES = "article_media";

	/** Article ids become map keys: only characters that can never be a MongoDB operator or path. */
	static final Pattern ARTICLE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final MongoCollection<Document> usage;

	private final MongoCollection<Document> articles;

	private final List<UsageListener> listeners;

	public Usages(MongoDatabase database, QueryShapes shapes, List<UsageListener> listeners) {
		this.usage = database.getCollection(USAGE);
		this.articles = database.getCollection(ARTICLES);
		this.listeners = listeners;
		shapes.register(USAGE, List.of("_id"), List.of(), "_id_");
		shapes.register(ARTICLES, List.of("_id"), List.of(), "_id_");
	}

	/** One article as media-service knows it. */
	public record ArticleUse(String articleId, boolean published, boolean hero, String slug, long seq,
			Instant updatedAt) {
	}

	/** How many articles name an item, and the usage revision that count belongs to. */
	public record Count(int articles, long revision) {
	}

	/**
	 * Records that {@code articleId} now names {@code mediaIds} (hero first if any) as of event
	 * {@code seq}; an empty set (a deleted article) removes it everywhere. Events older than the
	 * one last applied for the article change nothing.
	 */
	public void apply(String articleId, long seq, boolean published, String heroMediaId, List<String> mediaIds,
			String slug, Instant at) {
		if (!ARTICLE_ID.matcher(articleId).matches()) {
			return;
		}
		Document previous = this.articles.find(eq("_id", articleId)).first();
		if (previous != null && ((Number) previous.get("seq")).longValue() > seq) {
			return;
		}
		Set<String> now = new LinkedHashSet<>();
		if (heroMediaId != null && !heroMediaId.isBlank() && heroMediaId.length() <= 64) {
			now.add(heroMediaId);
		}
		mediaIds.stream().filter(id -> id != null && !id.isBlank() && id.length() <= 64).forEach(now::add);
		List<String> before = previous == null ? List.of() : previous.getList("mediaIds", String.class);
		String entry = "articles." + articleId;
		for (String gone : before) {
			if (!now.contains(gone)) {
				// only an entry older than this event goes: a newer one was set by a later event
				Document after = this.usage.findOneAndUpdate(and(eq("_id", gone), Filters.lt(entry + ".seq", seq)),
						Updates.combine(Updates.unset(entry), Updates.inc("rev", 1L)),
						new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
				changed(gone, after, at);
			}
		}
		for (String mediaId : now) {
			Document use = new Document("published", published).append("hero", mediaId.equals(heroMediaId))
				.append("slug", slug)
				.append("seq", seq)
				.append("updatedAt", Date.from(at));
			Document after;
			try {
				// a plain document, so an upsert takes its _id from it on any server
				after = this.usage.findOneAndUpdate(new Document("_id", mediaId).append("$or", List.of(
						new Document(entry, new Document("$exists", false)), new Document(entry + ".seq", new Document("$lt", seq)))),
						Updates.combine(Updates.set(entry, use), Updates.inc("rev", 1L)),
						new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
			}
			catch (MongoCommandException | MongoWriteException ex) {
				if (!isDuplicateKey(ex)) {
					throw ex;
				}
				// the entry is there already with this seq or a newer one: applied before
				after = null;
			}
			changed(mediaId, after, at);
		}
		// what the article names now, kept even when that is nothing (a deleted article), so an
		// older event arriving later is recognised as older
		Document record = new Document("_id", articleId).append("mediaIds", new ArrayList<>(now)).append("seq", seq);
		try {
			this.articles.replaceOne(new Document("_id", articleId).append("seq", new Document("$lte", seq)), record,
					new ReplaceOptions().upsert(true));
		}
		catch (MongoCommandException | MongoWriteException ex) {
			if (!isDuplicateKey(ex)) {
				throw ex;
			}
		}
	}

	private void changed(String mediaId, Document after, Instant at) {
		if (after == null) {
			return;
		}
		Count count = count(after);
		this.listeners.forEach(listener -> listener.usageChanged(mediaId, count.articles(), count.revision(), at));
	}

	public List<ArticleUse> usage(String mediaId) {
		Document document = this.usage.find(eq("_id", mediaId)).first();
		if (document == null) {
			return List.of();
		}
		Document byArticle = document.get("articles", Document.class);
		if (byArticle == null) {
			return List.of();
		}
		List<ArticleUse> uses = new ArrayList<>();
		byArticle.forEach((articleId, value) -> {
			if (value instanceof Document use) {
				Date updated = use.getDate("updatedAt");
				uses.add(new ArticleUse(articleId, use.getBoolean("published", false), use.getBoolean("hero", false),
						use.getString("slug"), ((Number) use.get("seq")).longValue(),
						updated == null ? null : updated.toInstant()));
			}
		});
		return uses;
	}

	public List<String> publishedArticles(String mediaId) {
		return usage(mediaId).stream().filter(ArticleUse::published).map(ArticleUse::articleId).toList();
	}

	/** How many articles name {@code mediaId} (a key lookup); 0 and revision 0 when none ever did. */
	public Count count(String mediaId) {
		return count(this.usage.find(eq("_id", mediaId)).first());
	}

	private static Count count(Document document) {
		if (document == null) {
			return new Count(0, 0);
		}
		Document byArticle = document.get("articles", Document.class);
		long revision = document.get("rev") instanceof Number n ? n.longValue() : 0;
		return new Count(byArticle == null ? 0 : byArticle.size(), revision);
	}

	private static boolean isDuplicateKey(RuntimeException ex) {
		if (ex instanceof MongoWriteException write) {
			return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
		}
		return ex instanceof MongoCommandException command && command.getErrorCode() == 11000;
	}

}
