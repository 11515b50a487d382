package news.platform.article.slug;

import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.springframework.stereotype.Component;

import news.platform.article.story.Articles;
import news.platform.autoconfigure.mongodb.QueryShapes;

/**
 * {@code article_slugs}: one document per slug ever used, {@code _id} = slug, so uniqueness is the
 * primary key and an old slug finds its article by key. The article document stays the truth: a
 * claim counts only while its article names the slug (current or previous), so a claim left by a
 * crash before the article write can be taken over.
 */
@Component
public class SlugClaims {

	public static final String COLLECTION = "article_slugs";

	private final MongoCollection<Document> collection;

	private final Articles articles;

	public SlugClaims(MongoDatabase database, Articles articles, QueryShapes shapes) {
		this.collection = database.getCollection(COLLECTION);
		this.articles = articles;
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
	}

	public record Claim(String slug, String articleId, boolean current) {
	}

	public Optional<Claim> find(String slug) {
		Document document = this.collection.find(Filters.eq("_id", slug)).first();
		return Optional.ofNullable(document)
			.map(d -> new Claim(d.getString("_id"), d.getString("articleId"),
					Boolean.TRUE.equals(d.getBoolean("current"))));
	}

	/** True if {@code articleId} now holds {@code slug}; false if another article does. */
	public boolean claim(String slug, String articleId) {
		try {
			this.collection.insertOne(new Document("_id", slug).append("articleId", articleId).append("current", true));
			return true;
		}
		catch (MongoWriteException ex) {
			if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
				throw ex;
			}
		}
		Claim existing = find(slug).orElse(null);
		if (existing == null) {
			return claim(slug, articleId);
		}
		if (existing.articleId().equals(articleId)) {
			return true;
		}
		boolean held = this.articles.find(existing.articleId())
			.map(owner -> slug.equals(owner.slug()) || owner.previousSlugs().contains(slug))
			.orElse(false);
		if (held) {
			return false;
		}
		// left behind by a write that never happened: take it over, unless someone else just did
		return this.collection
			.updateOne(Filters.and(Filters.eq("_id", slug), Filters.eq("articleId", existing.articleId())),
					Updates.combine(Updates.set("articleId", articleId), Updates.set("current", true)))
			.getModifiedCount() == 1;
	}

	/** After the article write: the old slug now redirects. Derived data, so best effort. */
	public void retire(String slug, String articleId) {
		this.collection.updateOne(Filters.and(Filters.eq("_id", slug), Filters.eq("articleId", articleId)),
				Updates.set("current", false));
	}

	/** Gives back a claim whose article write failed. */
	public void release(String slug, String articleId) {
		this.collection.deleteOne(Filters.and(Filters.eq("_id", slug), Filters.eq("articleId", articleId)));
	}

}
