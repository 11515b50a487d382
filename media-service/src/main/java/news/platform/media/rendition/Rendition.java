package news.platform.media.rendition;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Encoded rendition bytes with what delivery needs: type, strong ETag, creation time (and that
 * time as an HTTP date, formatted once rather than per response).
 */
public record Rendition(String key, byte[] bytes, String contentType, String etag, Instant createdAt, int width,
		int height, String lastModified) {

	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
		.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
		.withZone(ZoneOffset.UTC);

	public static Rendition of(String key, byte[] bytes, String contentType, String etag, Instant createdAt, int width,
			int height) {
		return new Rendition(key, bytes, contentType, etag, createdAt, width, height, HTTP_DATE.format(createdAt));
	}

}
