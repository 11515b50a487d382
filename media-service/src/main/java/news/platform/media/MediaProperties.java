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
		@DefaultValue Renditions renditions) {

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

}
