package news.platform.site.render;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The cache key of a request, the same in the fast path and in the controllers: the path as sent,
 * the only query parameters any page reads ({@code starije}, the paging cursor, and on the search
 * page {@code q}, normalised), and whether htmx asked for the fragment. Every other parameter
 * ({@code utm_source}, a cache-buster) is ignored, so it cannot multiply the cache's entries.
 */
public final class PageKey {

	/** The paging parameter: "older stories". */
	public static final String OLDER = "starije";

	public static final String QUERY = "q";

	/** Longer paths are answered 404 without a look in the cache or at the services. */
	public static final int MAX_PATH = 512;

	public static final int MAX_QUERY = 200;

	public static final int MAX_CURSOR = 300;

	private PageKey() {
	}

	/** The parameters a page reads, normalised; null values when absent. */
	public record Parameters(String q, String older, boolean fragment, boolean tooLong) {
	}

	public static String of(HttpServletRequest request, String searchPath) {
		String path = request.getRequestURI();
		Parameters parameters = parameters(request, path.equals(searchPath));
		return of(path, parameters);
	}

	public static String of(String path, Parameters parameters) {
		StringBuilder key = new StringBuilder(path.length() + 16).append(path);
		char separator = '?';
		if (parameters.q() != null) {
			key.append(separator).append("q=").append(parameters.q());
			separator = '&';
		}
		if (parameters.older() != null) {
			key.append(separator).append(OLDER).append('=').append(parameters.older());
		}
		if (parameters.fragment()) {
			key.append("|hx");
		}
		return key.toString();
	}

	public static Parameters parameters(HttpServletRequest request, boolean search) {
		String raw = request.getQueryString();
		boolean fragment = "true".equals(request.getHeader("HX-Request"));
		if (raw == null || raw.isEmpty()) {
			return new Parameters(null, null, fragment, false);
		}
		String q = null;
		String older = null;
		boolean tooLong = false;
		int start = 0;
		while (start <= raw.length()) {
			int end = raw.indexOf('&', start);
			if (end < 0) {
				end = raw.length();
			}
			int equals = raw.indexOf('=', start);
			if (equals > start && equals < end) {
				String name = raw.substring(start, equals);
				if (search && name.equals(QUERY) && q == null) {
					String value = decode(raw.substring(equals + 1, end));
					q = value == null ? "" : normaliseQuery(value);
					if (value != null && value.length() > 4 * MAX_QUERY) {
						tooLong = true;
					}
				}
				else if (name.equals(OLDER) && older == null) {
					String value = decode(raw.substring(equals + 1, end));
					if (value == null || value.length() > MAX_CURSOR) {
						tooLong = true;
					}
					older = value == null ? "" : value;
				}
			}
			start = end + 1;
		}
		return new Parameters(q, older, fragment, tooLong);
	}

	/**
	 * What a search is for: control characters and other invisible characters gone, runs of spaces
	 * one space, at most {@link #MAX_QUERY} characters.
	 */
	public static String normaliseQuery(String value) {
		StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_QUERY));
		boolean space = false;
		for (int i = 0; i < value.length() && out.length() < MAX_QUERY; i++) {
			char c = value.charAt(i);
			if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
				space = out.length() > 0;
				continue;
			}
			int type = Character.getType(c);
			if (type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
					|| type == Character.PRIVATE_USE) {
				continue;
			}
			if (space) {
				out.append(' ');
				space = false;
			}
			out.append(c);
		}
		return out.toString();
	}

	private static String decode(String value) {
		try {
			return URLDecoder.decode(value, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
