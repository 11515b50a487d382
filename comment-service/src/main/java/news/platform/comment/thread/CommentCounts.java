package news.platform.comment.thread;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.springframework.stereotype.Component;

import news.platform.comment.CommentProperties;
import news.platform.comment.CommentSettings;
import news.platform.autoconfigure.mongodb.QueryShapes;

/**
 * Counter documents per article ({@code comment_counts}, {@code _id} = article id): {@code visible}
 * is what list pages show, {@code stored} is every comment ever stored (a thread with none is
 * never loaded). They derive from the comments and move by {@code $inc} after each status change;
 * counts read for list pages come from memory (refreshed after {@code comment.counts.cache-ttl})
 * and otherwise by key.
 */
@Component
public class CommentCounts {

	static final String COLLECTION = "comment_counts";

	private final MongoCollection<Document> collection;

	private final Cache<String, Counts> cache;

	/** {@code changes} moves on every write to the article's comments: replicas compare it to skip needless reloads. */
	public record Counts(long visible, long stored, long changes) {

		static final Counts NONE = new Counts(0, 0, 0);

	}

	CommentCounts(MongoDatabase database, QueryShapes shapes, CommentSettings settings, MeterRegistry meters) {
		this.collection = database.getCollection(COLLECTION);
		CommentProperties.Counts counts = settings.current().counts();
		this.cache = Caffeine.newBuilder()
			.maximumSize(counts.cacheMaxArticles())
			.expireAfterWrite(counts.cacheTtl())
			.recordStats()
			.build();
		CaffeineCacheMetrics.monitor(meters, this.cache, "comment-counts");
		// refreshed bounds apply at once: Caffeine evicts and expires by them from now on
		settings.onChange(changed -> {
			this.cache.policy().eviction().ifPresent(eviction -> eviction.setMaximum(changed.counts().cacheMaxArticles()));
			this.cache.policy()
				.expireAfterWrite()
				.ifPresent(expiry -> expiry.setExpiresAfter(changed.counts().cacheTtl()));
		});
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
	}

	/** Records one write to an article's comments; returns the article's new {@code changes} number. */
	long adjust(String articleId, long visibleDelta, long storedDelta) {
		Document after = this.collection.findOneAndUpdate(Filters.eq("_id", articleId),
				Updates.combine(Updates.inc("visible", visibleDelta), Updates.inc("stored", storedDelta),
						Updates.inc("changes", 1L)),
				new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
		Counts counts = from(after);
		this.cache.put(articleId, counts);
		return counts.changes();
	}

	/** The stored counters, not the copy in memory (one key lookup). */
	Counts stored(String articleId) {
		Document document = this.collection.find(Filters.eq("_id", articleId)).first();
		return document == null ? Counts.NONE : from(document);
	}

	public Counts of(String articleId) {
		return of(List.of(articleId)).get(articleId);
	}

	/** Counts for many articles: from memory, the misses in one {@code $in} on {@code _id}. */
	public Map<String, Counts> of(List<String> articleIds) {
		Map<String, Counts> result = new LinkedHashMap<>();
		List<String> missing = new ArrayList<>();
		for (String id : articleIds) {
			Counts counts = this.cache.getIfPresent(id);
			if (counts != null) {
				result.put(id, counts);
			}
			else {
				missing.add(id);
			}
		}
		if (!missing.isEmpty()) {
			Map<String, Counts> found = new LinkedHashMap<>();
			this.collection.find(Filters.in("_id", missing))
				.forEach(document -> found.put(document.getString("_id"), from(document)));
			for (String id : missing) {
				Counts counts = found.getOrDefault(id, Counts.NONE);
				this.cache.put(id, counts);
				result.put(id, counts);
			}
		}
		return result;
	}

	/** Rebuilds the counters from the comments (admin or repair work; a scan). */
	public void rebuild(String articleId, long visible, long stored) {
		this.collection.replaceOne(Filters.eq("_id", articleId),
				new Document("_id", articleId).append("visible", visible).append("stored", stored),
				new com.mongodb.client.model.ReplaceOptions().upsert(true));
		this.cache.invalidate(articleId);
	}

	private static Counts from(Document document) {
		Number visible = document.get("visible", Number.class);
		Number stored = document.get("stored", Number.class);
		Number changes = document.get("changes", Number.class);
		return new Counts(visible == null ? 0 : Math.max(0, visible.longValue()),
				stored == null ? 0 : stored.longValue(), changes == null ? 0 : changes.longValue());
	}

}
