package news.platform.media.rendition;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.stereotype.Service;

import news.platform.media.MediaMetrics;
import news.platform.media.MediaProperties;
import news.platform.media.imaging.Encoders;
import news.platform.media.imaging.ImageFiles;
import news.platform.media.imaging.ImageFormat;
import news.platform.media.imaging.ImageWork;
import news.platform.media.imaging.Orientation;
import news.platform.media.imaging.OutputFormat;
import news.platform.media.imaging.Resizing;
import news.platform.media.item.MediaChangeListener;
import news.platform.media.item.MediaItem;
import news.platform.media.item.MediaItems;
import news.platform.media.original.Originals;

/**
 * Makes each rendition once: from the in-process byte cache (Caffeine, bounded by bytes), else
 * from the {@code renditions} collection, else made on the bounded image pool. Concurrent first
 * requests for one key share one future (single flight), so a burst of readers hitting a new
 * picture decodes it once. Items are cached briefly too, so a cached rendition is served without
 * touching MongoDB.
 */
@Service
public class Rendering implements MediaChangeListener {

	/** Bump when the encoders or their settings change: old keys then simply stop being asked for. */
	static final String KEY_VERSION = "r1";

	private final MediaProperties.Renditions properties;

	private final MediaItems items;

	private final Originals originals;

	private final Renditions renditions;

	private final ImageWork work;

	private final MediaMetrics metrics;

	private final Clock clock;

	private final Cache<String, Rendition> bytes;

	private final Cache<String, MediaItem> itemCache;

	private final ConcurrentHashMap<String, CompletableFuture<Rendition>> inFlight = new ConcurrentHashMap<>();

	Rendering(MediaProperties properties, MediaItems items, Originals originals, Renditions renditions, ImageWork work,
			MediaMetrics metrics, Clock clock) {
		this.properties = properties.renditions();
		this.items = items;
		this.originals = originals;
		this.renditions = renditions;
		this.work = work;
		this.metrics = metrics;
		this.clock = clock;
		this.bytes = Caffeine.newBuilder()
			.maximumWeight(this.properties.cacheSize().toBytes())
			.weigher((String key, Rendition value) -> value.bytes().length + 256)
			.recordStats()
			.build();
		// a miss reads the stored rendition from MongoDB (or makes it): the delivery hit ratio
		CaffeineCacheMetrics.monitor(metrics.registry(), this.bytes, "media-renditions");
		this.itemCache = Caffeine.newBuilder()
			.maximumSize(50_000)
			.expireAfterWrite(this.properties.itemCacheTtl())
			.build();
	}

	/** The item, from a short-lived cache; null when there is none. */
	public MediaItem item(String id) {
		MediaItem cached = this.itemCache.getIfPresent(id);
		if (cached != null) {
			return cached;
		}
		MediaItem item = this.items.find(id);
		if (item != null) {
			this.itemCache.put(id, item);
		}
		return item;
	}

	/**
	 * The item as stored now, bypassing the cache: when a URL names a focal point other than the
	 * cached one, the editor may have moved it on another replica a moment ago.
	 */
	public MediaItem freshItem(String id) {
		this.itemCache.invalidate(id);
		return item(id);
	}

	/** The item only if this replica has it in memory (the fast path never waits for MongoDB). */
	MediaItem cachedItem(String id) {
		return this.itemCache.getIfPresent(id);
	}

	/** The rendition only if it is in the byte cache. */
	Rendition cachedRendition(MediaItem item, int width, int height, boolean cover, OutputFormat format) {
		float quality = format == OutputFormat.WEBP ? this.properties.webpQuality() : this.properties.jpegQuality();
		return this.bytes.getIfPresent(key(item, width, height, cover, item.focalX(), item.focalY(), format, quality));
	}

	@Override
	public void changed(String mediaId) {
		this.itemCache.invalidate(mediaId);
	}

	public static String key(MediaItem item, int width, int height, boolean cover, double focalX, double focalY,
			OutputFormat format, float quality) {
		StringBuilder key = new StringBuilder(96).append(KEY_VERSION)
			.append(':')
			.append(item.hash())
			.append(':')
			.append(width)
			.append('x')
			.append(height)
			.append(':')
			.append(cover ? "cover" : "contain")
			.append(':');
		if (cover && height > 0) {
			key.append(focalX).append(',').append(focalY);
		}
		else {
			key.append('-');
		}
		key.append(':').append(format.token());
		if (format != OutputFormat.PNG) {
			key.append(":q").append(Math.round(quality * 100));
		}
		return key.toString();
	}

	public Rendition rendition(MediaItem item, int width, int height, boolean cover, OutputFormat format) {
		float quality = format == OutputFormat.WEBP ? this.properties.webpQuality() : this.properties.jpegQuality();
		String key = key(item, width, height, cover, item.focalX(), item.focalY(), format, quality);
		Rendition cached = this.bytes.getIfPresent(key);
		if (cached != null) {
			return cached;
		}
		CompletableFuture<Rendition> mine = new CompletableFuture<>();
		CompletableFuture<Rendition> running = this.inFlight.putIfAbsent(key, mine);
		if (running != null) {
			return this.work.await(running);
		}
		try {
			Rendition stored = this.renditions.find(key);
			if (stored == null) {
				stored = this.work.run(() -> make(key, item, width, height, cover, format, quality));
				this.renditions.save(stored);
			}
			this.bytes.put(key, stored);
			mine.complete(stored);
			return stored;
		}
		catch (RuntimeException | Error ex) {
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			this.inFlight.remove(key, mine);
		}
	}

	private Rendition make(String key, MediaItem item, int width, int height, boolean cover, OutputFormat format,
			float quality) {
		long started = System.nanoTime();
		Originals.Original original = this.originals.find(item.hash());
		if (original == null) {
			throw new IllegalStateException("Original " + item.hash() + " of item " + item.id() + " is missing");
		}
		Path temp = null;
		try {
			temp = Files.createTempFile("media-rendition-", ".bin");
			this.originals.copyTo(original, temp);
			Resizing.Plan plan = Resizing.plan(item.width(), item.height(), width, height, cover, item.focalX(),
					item.focalY());
			BufferedImage decoded = ImageFiles.decode(temp, ImageFormat.fromMediaType(item.mediaType()),
					plan.subsampling());
			BufferedImage upright = Orientation.apply(decoded, item.orientation());
			BufferedImage out = Resizing.apply(upright, item.width(), item.height(), plan);
			byte[] encoded = Encoders.encode(out, format, quality);
			this.metrics.rendition(format.token(), Duration.ofNanos(System.nanoTime() - started));
			return new Rendition(key, encoded, format.mediaType(), etag(encoded), this.clock.instant(), out.getWidth(),
					out.getHeight());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			if (temp != null) {
				try {
					Files.deleteIfExists(temp);
				}
				catch (IOException ex) {
					// the temp folder is cleaned by the OS
				}
			}
		}
	}

	static String etag(byte[] bytes) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
			return "\"" + HexFormat.of().formatHex(Arrays.copyOf(digest, 16)) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The clean-up job: removes the stored renditions of the original {@code hash} (and this
	 * replica's cached bytes of them); answers the bytes the stored ones held.
	 */
	public long deleteRenditionsOf(String hash) {
		String prefix = KEY_VERSION + ":" + hash + ":";
		this.bytes.asMap().keySet().removeIf(key -> key.startsWith(prefix));
		return this.renditions.deleteOf(hash);
	}

	/** For tests and the benchmark: drop the in-process byte cache. */
	public void clearCache() {
		this.bytes.invalidateAll();
	}

	long renditionsStored() {
		return this.renditions.count();
	}

}
