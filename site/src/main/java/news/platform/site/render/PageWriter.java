package news.platform.site.render;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes a {@link Rendered} answer as it is: the gzip bytes to a client that accepts gzip (with
 * their own ETag), else the plain bytes; {@code 304} when {@code If-None-Match} names the ETag;
 * nothing computed per request but the choice between the two.
 */
public final class PageWriter {

	/** Pages differ by encoding and by whether htmx asked for the fragment only. */
	static final String VARY = "Accept-Encoding, HX-Request";

	private final SecurityHeaders security;

	public PageWriter(SecurityHeaders security) {
		this.security = security;
	}

	/**
	 * @param serverTiming the {@code Server-Timing} value of a fresh render, else null
	 */
	public void write(Rendered page, HttpServletRequest request, HttpServletResponse response, String serverTiming)
			throws IOException {
		this.security.apply(response, page.headers().get("Content-Security-Policy"));
		response.setStatus(page.status());
		response.setHeader("Cache-Control", page.cacheControl());
		for (Map.Entry<String, String> header : page.headers().entrySet()) {
			if (!header.getKey().equals("Content-Security-Policy")) {
				response.setHeader(header.getKey(), header.getValue());
			}
		}
		if (serverTiming != null) {
			response.setHeader("Server-Timing", serverTiming);
		}
		if (page.contentType() == null) {
			// a redirect
			response.setContentLength(0);
			return;
		}
		response.setHeader("Vary", VARY);
		boolean gzip = page.gzip() != null && acceptsGzip(request.getHeader("Accept-Encoding"));
		String etag = gzip ? page.gzipEtag() : page.etag();
		response.setHeader("ETag", etag);
		String ifNoneMatch = request.getHeader("If-None-Match");
		if (ifNoneMatch != null && (page.status() == 200) && matches(ifNoneMatch, etag)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		byte[] body = gzip ? page.gzip() : page.body();
		response.setContentType(page.contentType());
		if (gzip) {
			response.setHeader("Content-Encoding", "gzip");
		}
		response.setContentLength(body.length);
		if (!"HEAD".equals(request.getMethod())) {
			response.getOutputStream().write(body);
		}
	}

	/** {@code gzip} named and not refused with {@code q=0}. */
	static boolean acceptsGzip(String acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		int at = acceptEncoding.toLowerCase(Locale.ROOT).indexOf("gzip");
		if (at < 0) {
			return false;
		}
		int end = acceptEncoding.indexOf(',', at);
		String part = acceptEncoding.substring(at, end < 0 ? acceptEncoding.length() : end).replace(" ", "");
		return !part.contains("q=0") || part.contains("q=0.") && !part.matches(".*q=0\\.0*$");
	}

	/** A list of tags, {@code *}, or a weak form of ours (a proxy that recompressed weakens it). */
	static boolean matches(String ifNoneMatch, String etag) {
		if (ifNoneMatch.strip().equals("*")) {
			return true;
		}
		String bare = etag.substring(1, etag.length() - 1);
		for (String candidate : ifNoneMatch.split(",")) {
			String tag = candidate.strip();
			if (tag.startsWith("W/")) {
				tag = tag.substring(2);
			}
			if (tag.length() >= 2 && tag.substring(1, tag.length() - 1).equals(bare)) {
				return true;
			}
		}
		return false;
	}

}
