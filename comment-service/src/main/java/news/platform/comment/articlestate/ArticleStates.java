package news.platform.comment.articlestate;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.feed.FeedEvent;
import news.platform.autoconfigure.mongodb.QueryShapes;
import news.platform.comment.CommentProperties;
import news.platform.comment.CommentSettings;

/**
 * The projection of article state ({@code article_states}, {@code _id} = article id), with the
 * states this replica has read or written held in memory: posting reads it by key, never by scan.
 */
@Component
class ArticleStates {

	static final String COLLECTION = "article_states";

	private final MongoCollection<Document> collection;

	private final Cache<String, ArticleState> cache;

	private final Clock clock;

	private final List<Runnable> sectionChanges = new java.util.concurrent.CopyOnWriteArrayList<>();

	ArticleStates(MongoDatabase database, QueryShapes shapes, CommentSettings settings, Clock clock) {
		this.collection = database.getCollection(COLLECTION);
		this.clock = clock;
		this.cache = Caffeine.newBuilder().maximumSize(settings.current().articleState().cacheMaxArticles()).build();
		settings.onChange(changed -> this.cache.policy()
			.eviction()
			.ifPresent(eviction -> eviction.setMaximum(changed.articleState().cacheMaxArticles())));
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
	}

	public Optional<ArticleState> find(String articleId) {
		ArticleState cached = this.cache.getIfPresent(articleId);
		if (cached != null) {
			return Optional.of(cached);
		}
		Document document = this.collection.find(Filters.eq("_id", articleId)).first();
		if (document == null) {
			return Optional.empty();
		}
		ArticleState state = ArticleState.from(document);
		this.cache.put(articleId, state);
		return Optional.of(state);
	}

	/** The article feed's reader events: what decides whether readers may comment on an article. */
	static final Set<String> READER_EVENTS = Set.of("article.published", "article.updated", "article.unpublished",
			"article.deleted", "article.comments-changed");

	/**
	 * Applies one article feed event (the follower's handler). Applying an event again, after a
	 * crash between apply and cursor, changes nothing. Only reader events change the projection:
	 * staff events ({@code article.saved}: drafts, reviews, schedules), taxonomy events and types
	 * this service does not know are skipped (feed schema version 2); a {@code section.changed}
	 * tells the section list to ask article-service again.
	 */
	void apply(FeedEvent event) {
		if ("section.changed".equals(event.type())) {
			this.sectionChanges.forEach(Runnable::run);
			return;
		}
		if (!READER_EVENTS.contains(event.type()) || event.subjectId() == null || event.subjectId().isBlank()) {
			return;
		}
		applyFromFeed(ArticleState.fromFeed(event, this.clock.instant()));
	}

	/** Called on each {@code section.changed} event the feed brings. */
	void onSectionChange(Runnable listener) {
		this.sectionChanges.add(listener);
	}

	/** Stores a state from the feed unless a newer event already did ({@code seq} only moves on). */
	private void applyFromFeed(ArticleState state) {
		Document stored = this.collection.find(Filters.eq("_id", state.articleId())).first();
		if (stored != null && stored.get("seq", Number.class).longValue() >= state.seq()) {
			return;
		}
		if (stored == null) {
			try {
				this.collection.insertOne(state.toDocument());
			}
			catch (com.mongodb.MongoWriteException ex) {
				// another replica applied it first: compare again
				applyFromFeed(state);
				return;
			}
		}
		else {
			var result = this.collection.replaceOne(
					Filters.and(Filters.eq("_id", state.articleId()), Filters.lt("seq", state.seq())),
					state.toDocument());
			if (result.getMatchedCount() == 0) {
				this.cache.invalidate(state.articleId());
				return;
			}
		}
		this.cache.put(state.articleId(), state);
	}

	/** Stores what the state endpoint answered for an article the feed has not brought yet. */
	void storeFromStateEndpoint(ArticleState state) {
		Document stored = this.collection.find(Filters.eq("_id", state.articleId())).first();
		if (stored != null && stored.get("seq", Number.class).longValue() > 0) {
			this.cache.put(state.articleId(), ArticleState.from(stored));
			return;
		}
		this.collection.replaceOne(Filters.eq("_id", state.articleId()), state.toDocument(),
				new ReplaceOptions().upsert(true));
		this.cache.put(state.articleId(), state);
	}

	/** For tests and restarts: forget what is held in memory (the stored projection stays). */
	public void clearMemory() {
		this.cache.invalidateAll();
	}

}
