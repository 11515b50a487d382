package news.platform.media.usage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.mongodb.QueryShapes;

import static com.mongodb.client.model.Filters.eq;

/**
 * Which articles use which item, as learnt from the article feed. {@code media_usage} is keyed by
 * media id and holds a map article id → {published, hero, slug, seq}, so "who uses this?" and the
 * delete check are one key lookup. {@code article_media} keyed by article id remembers what each
 * article used last, so an event that drops a picture removes just that entry. Applying an event
 * twice gives the same state, so a crash between the writes is repaired by re-reading the feed.
 */
@Component
public class Usages {

	static final String USAGE = "media_usage";

	static final String ARTICLES = "article_media";

	/** Article ids become map keys: only characters that can never be a MongoDB operator or path. */
	static final Pattern ARTICLE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final MongoCollection<Document> usage;

	private final MongoCollection<Document> articles;

	public Usages(MongoDatabase database, QueryShapes shapes) {
		this.usage = database.getCollection(USAGE);
		this.articles = database.getCollection(ARTICLES);
		shapes.register(USAGE, List.of("_id"), List.of(), "_id_");
		shapes.register(ARTICLES, List.of("_id"), List.of(), "_id_");
	}

	/** One article as media-service knows it. */
	public record ArticleUse(String articleId, boolean published, boolean hero, String slug, long seq,
			Instant updatedAt) {
	}

	/**
	 * Records that {@code articleId} now uses {@code mediaIds} (hero first if any); an empty set
	 * (deleted article) removes it everywhere. Events older than the one last applied are skipped.
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
		if (heroMediaId != null && !heroMediaId.isBlank()) {
			now.add(heroMediaId);
		}
		mediaIds.stream().filter(id -> id != null && !id.isBlank() && id.length() <= 64).forEach(now::add);
		List<String> before = previous == null ? List.of() : previous.getList("mediaIds", String.class);
		for (String gone : before) {
			if (!now.contains(gone)) {
				this.usage.updateOne(eq("_id", gone), new Document("$unset", new Document("articles." + articleId, "")));
			}
		}
		for (String mediaId : now) {
			Document use = new Document("published", published).append("hero", mediaId.equals(heroMediaId))
				.append("slug", slug)
				.append("seq", seq)
				.append("updatedAt", Date.from(at));
			this.usage.updateOne(eq("_id", mediaId), new Document("$set", new Document("articles." + articleId, use)),
					new UpdateOptions().upsert(true));
		}
		if (now.isEmpty()) {
			this.articles.deleteOne(eq("_id", articleId));
		}
		else {
			this.articles.replaceOne(eq("_id", articleId),
					new Document("_id", articleId).append("mediaIds", new ArrayList<>(now)).append("seq", seq),
					new ReplaceOptions().upsert(true));
		}
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

}
