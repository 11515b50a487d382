package news.platform.site.content;

import java.util.List;

/**
 * A run of text with one link target (or none) made of spans with their own emphasis, so that a
 * template writes one {@code <a>} per link and one {@code <strong>}/{@code <em>} per span.
 *
 * @param href an {@code http}, {@code https} or {@code mailto} URL; null for text that links nowhere
 */
public record Inline(String href, List<Span> spans) {

	public record Span(String text, boolean bold, boolean italic) {
	}

	public static List<Inline> plain(String text) {
		return text == null || text.isEmpty() ? List.of() : List.of(new Inline(null, List.of(new Span(text, false, false))));
	}

	/** The text without formatting. */
	public static String text(List<Inline> runs) {
		StringBuilder text = new StringBuilder();
		for (Inline run : runs) {
			for (Span span : run.spans()) {
				text.append(span.text());
			}
		}
		return text.toString();
	}

}
