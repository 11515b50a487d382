package news.platform.article.search;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the index in step with MongoDB: rebuilds it when a replica starts with an empty index
 * (a new pod, a wiped disk), and applies each event of the article feed.
 *
 * <p>During the start-up rebuild the replica reports itself not ready, so it gets no traffic
 * while its lists would be incomplete; it stays live, and reads by id or slug (which come from
 * MongoDB) would work.
 */
@Component
class SearchIndexMaintenance {

	private static final Logger log = LoggerFactory.getLogger(SearchIndexMaintenance.class);

	private static final ArticleSource NO_SOURCE = new ArticleSource() {

		@Override
		public Stream<SearchDocument> all() {
			return Stream.empty();
		}

		@Override
		public Optional<SearchDocument> find(String articleId) {
			return Optional.empty();
		}

	};

	private final ArticleIndex index;

	private final ObjectProvider<ArticleSource> sources;

	private final SearchProperties properties;

	private final ApplicationEventPublisher events;

	/** Related-story lists of this replica, dropped as the index learns of each change. */
	private final RelatedStories related;

	SearchIndexMaintenance(ArticleIndex index, ObjectProvider<ArticleSource> sources, SearchProperties properties,
			ApplicationEventPublisher events) {
		this.index = index;
		this.sources = sources;
		this.properties = properties;
		this.events = events;
		this.related = new RelatedStories(index);
	}

	RelatedStories related() {
		return this.related;
	}

	/** Where related stories read the article they are asked about (by key). */
	ArticleSource articles() {
		return source();
	}

	@EventListener(ApplicationReadyEvent.class)
	void rebuildIfEmpty() {
		if (!this.properties.rebuildWhenEmpty() || this.index.count() > 0) {
			return;
		}
		Thread rebuild = new Thread(() -> {
			try (Stream<SearchDocument> any = source().all()) {
				if (any.findAny().isEmpty()) {
					return;
				}
			}
			AvailabilityChangeEvent.publish(this.events, this, ReadinessState.REFUSING_TRAFFIC);
			try {
				long started = System.nanoTime();
				long count = rebuild();
				log.info("search index rebuilt from MongoDB: {} articles in {} ms", count,
						(System.nanoTime() - started) / 1_000_000);
			}
			catch (RuntimeException ex) {
				log.error("search index rebuild failed; lists and search answer from what the index holds", ex);
			}
			finally {
				AvailabilityChangeEvent.publish(this.events, this, ReadinessState.ACCEPTING_TRAFFIC);
			}
		}, "search-index-rebuild");
		rebuild.setDaemon(true);
		rebuild.start();
	}

	/** Batch work: reads every article that is not deleted from the store. */
	long rebuild() {
		try (Stream<SearchDocument> documents = source().all()) {
			return this.index.rebuild(documents);
		}
		finally {
			this.related.clear();
		}
	}

	/**
	 * Brings one article up to date after an event. A deletion removes it outright; for the others
	 * the store says what the article is now, so an event that arrives late or twice still leaves the
	 * right state. An event without an article (a section's) is not this method's.
	 */
	void apply(String eventType, String articleId) {
		if (articleId == null) {
			return;
		}
		try {
			if ("article.deleted".equals(eventType)) {
				this.index.delete(articleId);
				return;
			}
			Optional<SearchDocument> current = source().find(articleId);
			if (current.isPresent()) {
				this.index.upsert(current.get());
			}
			else {
				this.index.delete(articleId);
			}
		}
		finally {
			// after the index: a list computed from now on sees the change
			this.related.written(articleId);
		}
	}

	/**
	 * A section's path changed: the articles indexed under the old path (and its subsections) are
	 * read again, so they list under the new one. Batch work on the feed's thread.
	 */
	int reindexSection(String previousPath) {
		List<String> ids = this.index.idsInSection(previousPath);
		for (String id : ids) {
			apply("section.changed", id);
		}
		return ids.size();
	}

	private ArticleSource source() {
		return this.sources.getIfAvailable(() -> NO_SOURCE);
	}

}
