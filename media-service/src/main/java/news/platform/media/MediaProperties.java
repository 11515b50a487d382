package news.platform.media;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** The service's own settings ({@code media.*} in config-repo/media-service.yml). */
@ConfigurationProperties("media")
public record MediaProperties(@DefaultValue Upload upload, @DefaultValue Work work,
		@DefaultValue Renditions renditions, @DefaultValue Library library, @DefaultValue Cleanup cleanup) {

	/**
	 * The limits of one upload. Other request bodies (the metadata PATCH) are held to the
	 * platform's {@code platform.web.max-body-size}.
	 *
	 * @param maxSize larger uploads answer 413 (decided from Content-Length, or by counting)
	 * @param maxPixels width × height from the image header, checked before any decoding
	 */
	public record Upload(@DefaultValue("25MB") DataSize maxSize, @DefaultValue("60000000") long maxPixels) {
	}

	/**
	 * The bounded pool that decodes and encodes images (placeholders and renditions).
	 *
	 * @param threads 0 means one per processor
	 * @param queue tasks waiting beyond the running ones; more answer 503 with Retry-After
	 * @param timeout how long a request waits for its image work
	 */
	public record Work(@DefaultValue("0") int threads, @DefaultValue("64") int queue,
			@DefaultValue("60s") Duration timeout) {

		public int effectiveThreads() {
			return this.threads > 0 ? this.threads : Math.max(1, Runtime.getRuntime().availableProcessors());
		}

	}

	/**
	 * @param presets named sizes anyone may ask for
	 * @param signingKey HMAC key for signed sizes; from {@code MEDIA_SIGNING_KEY}, never committed
	 * @param maxWidth the largest width (and height) a signed URL may ask for
	 * @param cacheSize bytes of renditions kept in memory
	 * @param itemCacheTtl how long a replica trusts its copy of an item's crop data (focal point)
	 */
	public record Renditions(Map<String, Preset> presets, String signingKey, @DefaultValue("4000") int maxWidth,
			@DefaultValue("64MB") DataSize cacheSize, @DefaultValue("10s") Duration itemCacheTtl,
			@DefaultValue("0.82") float jpegQuality, @DefaultValue("0.80") float webpQuality) {

		public Renditions {
			presets = presets == null ? Map.of() : new LinkedHashMap<>(presets);
		}

	}

	/** A named size: {@code height} 0 keeps the aspect ratio. */
	public record Preset(int width, @DefaultValue("0") int height, @DefaultValue("cover") String fit) {
	}

	/**
	 * The photo library's in-process index ({@code GET /api/v1/media}).
	 *
	 * @param indexPath where the Lucene index lives; empty: a temporary folder per process, rebuilt
	 * from MongoDB at every start
	 * @param commitInterval how often the index's files are committed with the feed position they
	 * hold (what a crash can lose in between is re-read from the feed)
	 * @param rebuildWhenEmpty whether a replica that starts with an empty index fills it from MongoDB
	 * @param itemCacheSize the memory the items of library pages and {@code ids=} answers may take
	 * (weighed per item; 0: no cache)
	 * @param itemCacheTtl how long a cached item lives at most (edits drop it at once, through the feed)
	 */
	public record Library(String indexPath, @DefaultValue("5s") Duration commitInterval,
			@DefaultValue("true") boolean rebuildWhenEmpty, @DefaultValue("48MB") DataSize itemCacheSize,
			@DefaultValue("60s") Duration itemCacheTtl) {

		public Library {
			indexPath = indexPath == null ? "" : indexPath.strip();
			if (itemCacheSize.isNegative()) {
				throw new IllegalArgumentException("media.library.item-cache-size must not be negative");
			}
		}

	}

	/**
	 * The clean-up job: originals and renditions of items no article has named for
	 * {@code unusedFor} are deleted, after article-service confirmed that nothing it stores names them.
	 *
	 * @param enabled whether the job runs on its own (one replica at a time, by a lease)
	 * @param interval the pause between runs
	 * @param unusedFor how long an item must have been unused before it is a candidate
	 * @param batchSize candidates asked about in one call to article-service and deleted together
	 * @param maxBatches batches per run at most
	 * @param tombstoneGrace how long a deleted item's tombstone stays (its feed event has left long
	 * before) before it is purged and an original no live item uses is reclaimed
	 * @param timeout the time article-service has to answer
	 */
	public record Cleanup(@DefaultValue("true") boolean enabled, @DefaultValue("1h") Duration interval,
			@DefaultValue("90d") Duration unusedFor, @DefaultValue("100") int batchSize,
			@DefaultValue("10") int maxBatches, @DefaultValue("1d") Duration tombstoneGrace,
			@DefaultValue("5s") Duration timeout) {

		public Cleanup {
			if (batchSize < 1 || batchSize > 100) {
				throw new IllegalArgumentException("media.cleanup.batch-size must be between 1 and 100");
			}
		}

	}

}
