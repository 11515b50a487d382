package news.platform.media.rendition;

import java.time.Instant;

/** Encoded rendition bytes with what delivery needs: type, strong ETag and creation time. */
public record Rendition(String key, byte[] bytes, String contentType, String etag, Instant createdAt, int width,
		int height) {

}
