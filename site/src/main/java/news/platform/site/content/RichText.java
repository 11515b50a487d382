package news.platform.site.content;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;

/**
 * Inline formatting of a text block as {@link Inline} runs. Article-service sends plain {@code text}
 * today; issue 16 adds links, bold and italic. Until its shape is final the site reads either
 * {@code marks: [{type: link|bold|italic, start, end, href}]} (ranges in Unicode code points, end
 * exclusive) or {@code spans: [{text, bold, italic, href}]}, and anything else as plain text.
 * Links other than {@code http}, {@code https} and {@code mailto} become plain text.
 */
final class RichText {

	private RichText() {
	}

	static List<Inline> read(JsonNode block, String field) {
		String text = Json.text(block, field);
		List<JsonNode> spans = Json.array(block, "spans");
		if (!spans.isEmpty()) {
			return fromSpans(spans);
		}
		if (text == null) {
			return List.of();
		}
		List<JsonNode> marks = Json.array(block, "marks");
		return marks.isEmpty() ? Inline.plain(text) : fromMarks(text, marks);
	}

	private static List<Inline> fromSpans(List<JsonNode> spans) {
		List<Piece> pieces = new ArrayList<>();
		for (JsonNode span : spans) {
			String text = Json.text(span, "text");
			if (text != null && !text.isEmpty()) {
				pieces.add(new Piece(text, Json.bool(span, "bold"), Json.bool(span, "italic"),
						safeHref(Json.text(span, "href"))));
			}
		}
		return group(pieces);
	}

	private static List<Inline> fromMarks(String text, List<JsonNode> marks) {
		int[] codePoints = text.codePoints().toArray();
		int length = codePoints.length;
		record Mark(String type, int start, int end, String href) {
		}
		List<Mark> valid = new ArrayList<>();
		TreeSet<Integer> cuts = new TreeSet<>(List.of(0, length));
		for (JsonNode mark : marks) {
			String type = Json.text(mark, "type");
			int start = Json.integer(mark, "start", -1);
			int end = Json.integer(mark, "end", -1);
			if (type == null || start < 0 || end > length || start >= end) {
				continue;
			}
			valid.add(new Mark(type.toLowerCase(Locale.ROOT), start, end, Json.text(mark, "href")));
			cuts.add(start);
			cuts.add(end);
		}
		List<Piece> pieces = new ArrayList<>();
		Integer previous = null;
		for (int cut : cuts) {
			if (previous != null && cut > previous) {
				int from = previous;
				boolean bold = false;
				boolean italic = false;
				String href = null;
				for (Mark mark : valid) {
					if (mark.start() <= from && mark.end() >= cut) {
						switch (mark.type()) {
							case "bold", "strong" -> bold = true;
							case "italic", "em", "emphasis" -> italic = true;
							case "link" -> href = safeHref(mark.href());
							default -> {
							}
						}
					}
				}
				pieces.add(new Piece(new String(codePoints, from, cut - from), bold, italic, href));
			}
			previous = cut;
		}
		return group(pieces);
	}

	private record Piece(String text, boolean bold, boolean italic, String href) {
	}

	/** Neighbouring pieces with the same link become one run. */
	private static List<Inline> group(List<Piece> pieces) {
		List<Inline> runs = new ArrayList<>();
		List<Inline.Span> spans = new ArrayList<>();
		String href = null;
		boolean open = false;
		for (Piece piece : pieces) {
			if (open && !Objects.equals(href, piece.href())) {
				runs.add(new Inline(href, List.copyOf(spans)));
				spans.clear();
			}
			href = piece.href();
			open = true;
			spans.add(new Inline.Span(piece.text(), piece.bold(), piece.italic()));
		}
		if (open) {
			runs.add(new Inline(href, List.copyOf(spans)));
		}
		return runs;
	}

	/** The URL when it is {@code http}, {@code https} or {@code mailto}; else null (shown as text). */
	static String safeHref(String href) {
		if (href == null || href.isBlank() || href.length() > 2000) {
			return null;
		}
		try {
			URI uri = new URI(href.strip());
			String scheme = uri.getScheme();
			if (scheme == null) {
				return null;
			}
			String lower = scheme.toLowerCase(Locale.ROOT);
			if (lower.equals("http") || lower.equals("https")) {
				return uri.getHost() == null ? null : uri.toASCIIString();
			}
			return lower.equals("mailto") ? uri.toASCIIString() : null;
		}
		catch (java.net.URISyntaxException ex) {
			return null;
		}
	}

}
