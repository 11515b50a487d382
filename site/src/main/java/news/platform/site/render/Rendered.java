package news.platform.site.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * One answer of the site as it is sent: status, headers, the body and its gzip (compressed once,
 * when the page is made), a strong ETag per representation, and what the answer shows, so that an
 * event can drop exactly the answers it changes.
 *
 * @param headers headers of this answer beside the common ones ({@code Location},
 * {@code X-Robots-Tag}, a page's own {@code Content-Security-Policy}, {@code Link})
 * @param articleIds the stories this answer shows (its own story, the stories in its lists)
 * @param topics the lists this answer is (see {@link Topics})
 * @param cacheFor how long (nanoseconds) it may be served without asking the services again
 * @param renderNanos the site's own time making it (waiting on services left out)
 * @param upstreamNanos the time spent waiting on services
 */
public record Rendered(int status, String contentType, byte[] body, byte[] gzip, String etag, String gzipEtag,
		String cacheControl, Map<String, String> headers, Set<String> articleIds, Set<String> topics, long cacheFor,
		long renderNanos, long upstreamNanos) {

	/** Below this, gzip's header and dictionary cost more than they save. */
	static final int GZIP_MIN_BYTES = 1024;

	public static Rendered of(int status, String contentType, byte[] body, String cacheControl,
			Map<String, String> headers, Set<String> articleIds, Set<String> topics, long cacheFor) {
		byte[] gzip = body.length >= GZIP_MIN_BYTES ? gzip(body) : null;
		String hash = hash(body);
		return new Rendered(status, contentType, body, gzip, "\"" + hash + "\"", gzip == null ? null : "\"" + hash + "-gz\"",
				cacheControl, Map.copyOf(headers), Set.copyOf(articleIds), Set.copyOf(topics), cacheFor, 0, 0);
	}

	/** A redirect: no body. */
	public static Rendered redirect(int status, String location, String cacheControl, Set<String> articleIds,
			Set<String> topics, long cacheFor) {
		return new Rendered(status, null, new byte[0], null, null, null, cacheControl, Map.of("Location", location),
				Set.copyOf(articleIds), Set.copyOf(topics), cacheFor, 0, 0);
	}

	public Rendered timed(long renderNanos, long upstreamNanos) {
		return new Rendered(this.status, this.contentType, this.body, this.gzip, this.etag, this.gzipEtag,
				this.cacheControl, this.headers, this.articleIds, this.topics, this.cacheFor, renderNanos,
				upstreamNanos);
	}

	/** Bytes held in memory, for the cache's bound. */
	int weight() {
		return 256 + this.body.length + (this.gzip == null ? 0 : this.gzip.length);
	}

	/** Whether this answer may stand in for a fresh one while a service is down. */
	boolean usableWhenFailing() {
		return this.status == 200;
	}

	static byte[] gzip(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
		try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192) {
			{
				this.def.setLevel(Deflater.BEST_COMPRESSION);
			}
		}) {
			gzip.write(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static String hash(byte[] body) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
