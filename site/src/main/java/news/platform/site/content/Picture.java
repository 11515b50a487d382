package news.platform.site.content;

import java.util.Map;

/**
 * A picture's metadata from media-service: size, texts, placeholder and the URLs of its presets
 * ({@code thumb} 320×180, {@code card} 640×360, {@code hero} 1200×675, cover crops around the
 * focal point; {@code square}; {@code wide}), as paths under the public API.
 *
 * @param dominantColour {@code #rrggbb}, the placeholder shown until the picture arrives
 */
public record Picture(String id, int width, int height, String alt, String caption, String credit,
		String dominantColour, String blurHash, Map<String, String> renditions) {
}
