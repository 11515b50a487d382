package news.platform.comment.thread;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

import news.platform.autoconfigure.problem.ApiProblem;

/**
 * An opaque keyset position: the order it belongs to and the sort key of the last item served.
 * Decoding checks every part, so a tampered or foreign cursor answers 400 naming {@code cursor}.
 */
record Cursor(String order, ThreadKey key) {

	private static final Pattern ID = Pattern.compile("c[a-z2-7]{25}");

	String encode() {
		String raw = "v1|" + this.order + "|" + this.key.first() + "|" + this.key.second() + "|" + this.key.id();
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	static Cursor decode(String value, String expectedOrder) {
		if (value == null) {
			return null;
		}
		try {
			if (value.length() > 200) {
				throw new IllegalArgumentException();
			}
			String raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
			String[] parts = raw.split("\\|", -1);
			if (parts.length != 5 || !"v1".equals(parts[0]) || !ID.matcher(parts[4]).matches()) {
				throw new IllegalArgumentException();
			}
			if (!parts[1].equals(expectedOrder)) {
				throw ApiProblem.invalidParameter("cursor",
						"belongs to another order (" + parts[1] + ") than " + expectedOrder);
			}
			return new Cursor(parts[1], new ThreadKey(Long.parseLong(parts[2]), Long.parseLong(parts[3]), parts[4]));
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.invalidParameter("cursor", "is not a cursor this service issued");
		}
	}

}
