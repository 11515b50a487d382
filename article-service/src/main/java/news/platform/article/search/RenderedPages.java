package news.platform.article.search;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

/**
 * List and search responses as sent (bytes and ETag), shared by identical requests while the
 * index stays the same: Solr's query result cache, one step further (the rendered page, not doc
 * ids). Readers search for what the news is about, so many ask the same question at once: a hot
 * query is then answered once per index change, and at most once a second, instead of once per
 * reader; concurrent identical requests wait for the one computation instead of repeating it.
 *
 * <p>The key holds the parsed parameters (so spellings of one query string share an entry), the
 * index version (every write and rebuild changes it, so a cached page is never older than the
 * index), the sections' version (items show section paths and URLs) and the current second (an
 * embargo ends without a write; the index filters by whole seconds). Readers' answers only: a
 * staff answer depends on who asks and is never stored here.
 */
final class RenderedPages {

	/** A response body as sent, with its strong ETag; {@code gzip} when the body is compressed. */
	record Rendered(byte[] body, String etag, boolean gzip) {
	}

	private record Key(boolean search, ListParameters parameters, boolean gzip, long indexVersion, long sections,
			long second) {
	}

	private final ArticleIndex index;

	private final Clock clock;

	private final AsyncCache<Key, Rendered> cache;

	RenderedPages(ArticleIndex index, Clock clock, long maxBytes, MeterRegistry meters) {
		this.index = index;
		this.clock = clock;
		this.cache = Caffeine.newBuilder()
			.maximumWeight(maxBytes)
			.weigher((Key key, Rendered rendered) -> rendered.body().length + 256)
			.recordStats()
			.buildAsync();
		// cache_gets_total{cache="search-responses",result="hit|miss"}
		CaffeineCacheMetrics.monitor(meters, this.cache.synchronous(), "search-responses");
	}

	/**
	 * @param sections the version of the sections in memory: items show each article's section path
	 * and URL as they are now
	 */
	Rendered get(boolean search, ListParameters parameters, boolean gzip, long sections, Supplier<Rendered> render) {
		Key key = new Key(search, parameters, gzip, this.index.version(), sections,
				this.clock.instant().getEpochSecond());
		// Rendered by the first caller, outside any lock of the map (a synchronous cache would hold
		// one for the whole search, and unrelated keys that share it would wait); the others join.
		CompletableFuture<Rendered> mine = new CompletableFuture<>();
		boolean[] first = new boolean[1];
		CompletableFuture<Rendered> entry = this.cache.get(key, (k, executor) -> {
			first[0] = true;
			return mine;
		});
		if (!first[0]) {
			return join(entry);
		}
		try {
			Rendered rendered = render.get();
			mine.complete(rendered);
			return rendered;
		}
		catch (RuntimeException ex) {
			// a failed entry is dropped by the cache; whoever waits on it gets the same failure
			mine.completeExceptionally(ex);
			throw ex;
		}
	}

	private static Rendered join(CompletableFuture<Rendered> pending) {
		try {
			return pending.join();
		}
		catch (CompletionException ex) {
			throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
		}
	}

}
