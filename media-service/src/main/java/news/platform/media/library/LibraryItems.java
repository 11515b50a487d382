package news.platform.media.library;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import news.platform.media.item.MediaItem;

/**
 * The items a library page or an {@code ids=} answer shows, from an in-process cache in front of
 * {@code media_items}: a page of 50 pictures is 50 documents, which a real MongoDB answers in a
 * millisecond and the embedded server in tens (docs/media-performance.md, "Photo library").
 *
 * <p>Kept as current as the library index itself: {@link LibraryMaintenance} drops an item when
 * this replica writes it and when media's own feed says another replica did, so an edit on any
 * replica is shown here after at most the feed's follow interval (what the index already allows
 * itself); {@code ttl} bounds an entry's life in case an event never arrives. A load from MongoDB
 * that overlapped a drop is answered but not kept (the generation check below), so an item read
 * before a write never lingers after the write's event.
 */
final class LibraryItems {

	private final Function<List<String>, Map<String, MediaItem>> store;

	private final Cache<String, MediaItem> cache;

	// moved on by every drop; a load keeps its results only if none happened while it read
	private long generation;

	private final Object lock = new Object();

	/**
	 * @param store the live items of some ids, by id, from MongoDB ({@code MediaItems::findAll})
	 */
	LibraryItems(Function<List<String>, Map<String, MediaItem>> store, long maxBytes, Duration ttl,
			MeterRegistry registry) {
		this.store = store;
		this.cache = Caffeine.newBuilder()
			.maximumWeight(maxBytes)
			.weigher((String id, MediaItem item) -> weight(item))
			.expireAfterWrite(ttl)
			.recordStats()
			.build();
		CaffeineCacheMetrics.monitor(registry, this.cache, "media-library-items");
	}

	/** The live items of {@code ids}, by id; ids with no item are absent. */
	Map<String, MediaItem> findAll(List<String> ids) {
		Map<String, MediaItem> found = new LinkedHashMap<>();
		List<String> misses = new ArrayList<>();
		for (String id : ids) {
			MediaItem item = this.cache.getIfPresent(id);
			if (item != null) {
				found.put(id, item);
			}
			else {
				misses.add(id);
			}
		}
		if (misses.isEmpty()) {
			return found;
		}
		long started;
		synchronized (this.lock) {
			started = this.generation;
		}
		Map<String, MediaItem> loaded = this.store.apply(misses);
		synchronized (this.lock) {
			if (this.generation == started) {
				this.cache.putAll(loaded);
			}
		}
		found.putAll(loaded);
		return found;
	}

	/**
	 * About the heap an item takes: a fixed allowance for the record, its boxed and list objects and
	 * the cache entry, plus two bytes a character of its strings (an over-estimate for Latin-1
	 * strings, which is the safe side for a bound).
	 */
	static int weight(MediaItem item) {
		long chars = length(item.id()) + length(item.hash()) + length(item.mediaType()) + length(item.alt())
				+ length(item.caption()) + length(item.credit()) + length(item.copyright()) + length(item.source())
				+ length(item.uploadedBy()) + length(item.blurHash()) + length(item.dominantColour())
				+ length(item.fileName());
		long bytes = 400 + 2 * chars;
		for (String tag : item.tags()) {
			bytes += 56 + 2L * tag.length();
		}
		return (int) Math.min(Integer.MAX_VALUE, bytes);
	}

	private static int length(String text) {
		return text == null ? 0 : text.length();
	}

	/** Forgets {@code id}: this replica wrote it, or media's feed says a replica did. */
	void drop(String id) {
		synchronized (this.lock) {
			this.generation++;
			this.cache.invalidate(id);
		}
	}

}
