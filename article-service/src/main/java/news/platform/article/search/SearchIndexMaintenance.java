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
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
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

	/** Set before readiness is announced when an empty index is to be rebuilt; cleared when it ends. */
	private volatile boolean rebuilding;

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

	/**
	 * Starts the rebuild of an empty index. The replica is marked as rebuilding here, before this
	 * listener returns, and so before Boot announces readiness after the ready event: the
	 * {@code searchIndex} part of the readiness group ({@link #searchIndexHealthIndicator()}) is
	 * out of service from the first probe on. Deciding on the rebuild thread left a moment in which
	 * a new replica was ready with an empty index (lists and search answering nothing).
	 */
	@EventListener(ApplicationReadyEvent.class)
	void rebuildIfEmpty() {
		if (!this.properties.rebuildWhenEmpty() || this.index.count() > 0) {
			return;
		}
		this.rebuilding = true;
		Thread rebuild = new Thread(() -> {
			try {
				rebuildFromTheStore();
			}
			finally {
				this.rebuilding = false;
			}
		}, "search-index-rebuild");
		rebuild.setDaemon(true);
		rebuild.setUncaughtExceptionHandler((thread, ex) -> log.error("search index rebuild failed", ex));
		rebuild.start();
	}

	private void rebuildFromTheStore() {
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
	}

	/**
	 * The readiness group's {@code searchIndex} part (config-repo's {@code article-service.yml}): out
	 * of service while the start-up rebuild runs, whatever it ends with.
	 */
	@Bean
	HealthIndicator searchIndexHealthIndicator() {
		return () -> this.rebuilding ? Health.outOfService().withDetail("rebuild", "running").build()
				: Health.up().withDetail("articles", this.index.count()).build();
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
