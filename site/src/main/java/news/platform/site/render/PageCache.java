package news.platform.site.render;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * Every answer the site made, by {@link PageKey}, bounded by bytes. An answer is fresh until its
 * own time runs out or an event touches it; after that it is kept, stale, for as long as it may stand
 * in for a fresh one while a service is down ({@code site.cache.keep-for-errors}), unless it shows a
 * story that has been withdrawn: those are removed at once and never served again.
 * <p>
 * Two indexes find what an event touches: the keys of the answers that show each story, and the
 * keys of the answers that are each list ({@link Topics}).
 */
public final class PageCache {

	static final class Entry {

		final Rendered page;

		final long keepNanos;

		volatile long freshUntil;

		Entry(Rendered page, long freshUntil, long keepNanos) {
			this.page = page;
			this.freshUntil = freshUntil;
			this.keepNanos = keepNanos;
		}

	}

	private final Cache<String, Entry> entries;

	private final Map<String, Set<String>> byArticle = new ConcurrentHashMap<>();

	private final Map<String, Set<String>> byTopic = new ConcurrentHashMap<>();

	private final AtomicLong generation = new AtomicLong();

	private final Withdrawn withdrawn;

	private final long keepForErrorsNanos;

	private final long settleNanos;

	private volatile long lastInvalidation = System.nanoTime() - Long.MAX_VALUE / 4;

	/**
	 * @param settleNanos for this long after an event, what a render reads may still lag it (another
	 * replica of a service, a search index that follows the same feed): pages made then are kept only
	 * until the window ends, and made again after it
	 */
	public PageCache(long maxBytes, long keepForErrorsNanos, long settleNanos, Withdrawn withdrawn,
			MeterRegistry meters) {
		this.withdrawn = withdrawn;
		this.keepForErrorsNanos = keepForErrorsNanos;
		this.settleNanos = settleNanos;
		this.entries = Caffeine.newBuilder()
			.maximumWeight(maxBytes)
			.weigher((String key, Entry entry) -> entry.page.weight())
			.expireAfter(Expiry.creating((String key, Entry entry) -> java.time.Duration.ofNanos(entry.keepNanos)))
			.executor(Runnable::run)
			.removalListener((String key, Entry entry, RemovalCause cause) -> {
				if (key != null && entry != null && cause != RemovalCause.REPLACED) {
					unindex(key, entry);
				}
			})
			.recordStats()
			.build();
		CaffeineCacheMetrics.monitor(meters, this.entries, "site-pages");
	}

	/** The answer for {@code key} if it is fresh. */
	public Rendered fresh(String key) {
		Entry entry = this.entries.getIfPresent(key);
		return entry != null && System.nanoTime() - entry.freshUntil < 0 ? entry.page : null;
	}

	/**
	 * The last good answer for {@code key}, to serve while a service is down: a 200 that shows no
	 * withdrawn story.
	 */
	public Rendered lastGood(String key) {
		Entry entry = this.entries.asMap().get(key);
		if (entry == null || !entry.page.usableWhenFailing() || this.withdrawn.containsAny(entry.page.articleIds())) {
			return null;
		}
		return entry.page;
	}

	/** The generation to hand back to {@link #put}: a render that started before an event is stored stale. */
	public long generation() {
		return this.generation.get();
	}

	public void put(String key, Rendered page, long startedAtGeneration) {
		if (page.cacheFor() <= 0) {
			// answers that cost nothing to make (a path no page can have) are not kept
			return;
		}
		if (page.status() == 200 && this.withdrawn.containsAny(page.articleIds())) {
			// a story was withdrawn while this page was being made: it must not be kept
			return;
		}
		long now = System.nanoTime();
		long freshUntil = this.generation.get() == startedAtGeneration ? now + page.cacheFor() : now;
		long settled = this.lastInvalidation + this.settleNanos;
		if (settled - now > 0 && settled - freshUntil < 0) {
			freshUntil = settled;
		}
		long keep = page.usableWhenFailing() ? Math.max(page.cacheFor(), this.keepForErrorsNanos) : page.cacheFor();
		Entry entry = new Entry(page, freshUntil, keep);
		this.entries.put(key, entry);
		for (String id : page.articleIds()) {
			this.byArticle.computeIfAbsent(id, any -> ConcurrentHashMap.newKeySet()).add(key);
		}
		for (String topic : page.topics()) {
			this.byTopic.computeIfAbsent(topic, any -> ConcurrentHashMap.newKeySet()).add(key);
		}
	}

	/**
	 * What an event touches: answers that show {@code articleIds} (removed when {@code withdraw}, else
	 * made stale), the lists named by {@code topics} and the answers at {@code keys} (made stale). A
	 * topic ending in {@code :*} names every topic with that prefix.
	 *
	 * @return how many answers it touched
	 */
	public int invalidate(Collection<String> articleIds, Collection<String> topics, Collection<String> keys,
			boolean withdraw) {
		this.generation.incrementAndGet();
		this.lastInvalidation = System.nanoTime();
		int[] touched = { 0 };
		Consumer<String> stale = key -> {
			Entry entry = this.entries.asMap().get(key);
			if (entry != null) {
				entry.freshUntil = System.nanoTime() - 1;
				touched[0]++;
			}
		};
		for (String id : articleIds) {
			Set<String> showing = this.byArticle.get(id);
			if (showing == null) {
				continue;
			}
			for (String key : Set.copyOf(showing)) {
				if (withdraw) {
					if (this.entries.asMap().remove(key) != null) {
						touched[0]++;
					}
				}
				else {
					stale.accept(key);
				}
			}
		}
		for (String topic : topics) {
			if (topic.endsWith(":*")) {
				String prefix = topic.substring(0, topic.length() - 1);
				this.byTopic.forEach((name, listKeys) -> {
					if (name.startsWith(prefix)) {
						Set.copyOf(listKeys).forEach(stale);
					}
				});
			}
			else {
				Set<String> listKeys = this.byTopic.get(topic);
				if (listKeys != null) {
					Set.copyOf(listKeys).forEach(stale);
				}
			}
		}
		keys.forEach(key -> {
			// a 404 or a redirect kept at a path a story now takes
			stale.accept(key);
			stale.accept(key + "|hx");
		});
		return touched[0];
	}

	/** Everything stale (the sections changed: every page shows their menu). */
	public void invalidateAll() {
		this.generation.incrementAndGet();
		this.lastInvalidation = System.nanoTime();
		long now = System.nanoTime() - 1;
		this.entries.asMap().values().forEach(entry -> entry.freshUntil = now);
	}

	public long size() {
		return this.entries.estimatedSize();
	}

	private void unindex(String key, Entry entry) {
		Entry current = this.entries.asMap().get(key);
		for (String id : entry.page.articleIds()) {
			if (current == null || !current.page.articleIds().contains(id)) {
				remove(this.byArticle, id, key);
			}
		}
		for (String topic : entry.page.topics()) {
			if (current == null || !current.page.topics().contains(topic)) {
				remove(this.byTopic, topic, key);
			}
		}
	}

	private static void remove(Map<String, Set<String>> index, String name, String key) {
		index.computeIfPresent(name, (any, keys) -> {
			keys.remove(key);
			return keys.isEmpty() ? null : keys;
		});
	}

}
