package news.platform.site.page;

import java.util.ArrayList;
import java.util.List;

/**
 * Search snippets from article-service (HTML-escaped text, hits in {@code <mark>…</mark>}) read into
 * {@link Views.Mark} parts: the text is unescaped and written out again by the template's own
 * escaping, so nothing in a snippet reaches the page as markup except the site's own {@code <mark>}.
 */
public final class Snippets {

	private static final String OPEN = "<mark>";

	private static final String CLOSE = "</mark>";

	private Snippets() {
	}

	public static List<Views.Mark> parse(String snippet) {
		if (snippet == null || snippet.isEmpty()) {
			return List.of();
		}
		List<Views.Mark> parts = new ArrayList<>();
		int at = 0;
		while (at < snippet.length()) {
			int open = snippet.indexOf(OPEN, at);
			if (open < 0) {
				add(parts, snippet.substring(at), false);
				break;
			}
			add(parts, snippet.substring(at, open), false);
			int close = snippet.indexOf(CLOSE, open + OPEN.length());
			if (close < 0) {
				add(parts, snippet.substring(open + OPEN.length()), true);
				break;
			}
			add(parts, snippet.substring(open + OPEN.length(), close), true);
			at = close + CLOSE.length();
		}
		return List.copyOf(parts);
	}

	private static void add(List<Views.Mark> parts, String escaped, boolean hit) {
		String text = unescape(escaped);
		if (!text.isEmpty()) {
			parts.add(new Views.Mark(text, hit));
		}
	}

	/** The entities an HTML escaper writes; any other {@code &…;} stays as it is (and is escaped again). */
	static String unescape(String text) {
		if (text.indexOf('&') < 0 && text.indexOf('<') < 0) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		int i = 0;
		while (i < text.length()) {
			char c = text.charAt(i);
			if (c == '<') {
				// a tag other than <mark>: not ours to keep; skip it whole
				int end = text.indexOf('>', i);
				i = end < 0 ? text.length() : end + 1;
				continue;
			}
			if (c == '&') {
				int end = text.indexOf(';', i);
				if (end > i && end - i <= 8) {
					String entity = text.substring(i + 1, end);
					String replacement = switch (entity) {
						case "amp" -> "&";
						case "lt" -> "<";
						case "gt" -> ">";
						case "quot" -> "\"";
						case "#39", "#x27", "apos" -> "'";
						default -> null;
					};
					if (replacement != null) {
						out.append(replacement);
						i = end + 1;
						continue;
					}
				}
			}
			out.append(c);
			i++;
		}
		return out.toString();
	}

}
