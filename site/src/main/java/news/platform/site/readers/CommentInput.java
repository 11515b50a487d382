package news.platform.site.readers;

import java.util.regex.Pattern;

/**
 * A reader's comment text as the form sends it, checked before anything goes to comment-service:
 * not empty, within the length limit, without control characters (line breaks and tabs aside) or
 * bidirectional overrides and isolates, which can make a comment read differently from what it
 * says. Line breaks are normalised to {@code \n}.
 */
record CommentInput(String text, String problem, int length) {

	/** Idempotency keys the site makes (UUIDs); anything else is refused before it is sent. */
	static final Pattern KEY = Pattern.compile("[A-Za-z0-9-]{8,64}");

	static CommentInput check(String raw, int maxLength) {
		String text = raw == null ? "" : raw.replace("\r\n", "\n").replace('\r', '\n').strip();
		int length = text.codePointCount(0, text.length());
		if (text.isEmpty()) {
			return new CommentInput(text, "readers.problem.empty", 0);
		}
		if (length > maxLength) {
			return new CommentInput(text, "readers.problem.tooLong", length);
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean control = Character.isISOControl(c) && c != '\n' && c != '\t';
			boolean bidi = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
			if (control || bidi) {
				return new CommentInput(text, "readers.problem.characters", length);
			}
		}
		return new CommentInput(text, null, length);
	}

	boolean ok() {
		return this.problem == null;
	}

}
