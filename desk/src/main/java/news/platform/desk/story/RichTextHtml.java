package news.platform.desk.story;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

/**
 * The editor's HTML and article-service's rich text (plain text with marks over code points, ADR
 * 0009), both ways. The browser sends each text block's HTML as the person left it (pastes already
 * went through DOMPurify there); here jsoup's allow-list decides what survives, which is the check
 * that counts: bold, italic and links to http(s) or mailto, nothing else. Scripts, event handlers,
 * styles, iframes and every other tag or attribute are dropped with their markup, their text kept
 * (a script's and a style's text is dropped too).
 */
final class RichTextHtml {

	/** What the editor may produce; block-level tags only separate words. */
	private static final Safelist ALLOWED = Safelist.none()
		.addTags("b", "strong", "i", "em", "a", "br", "p", "div", "li")
		.addAttributes("a", "href", "data-article");

	private static final Pattern ARTICLE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");

	private RichTextHtml() {
	}

	/** A text block's content: its text, its marks, and whether a link was refused. */
	record Formatted(String text, List<Mark> marks, boolean refusedLink) {
	}

	/** A mark as article-service takes it: {@code type} bold, italic or link. */
	record Mark(String type, int start, int end, String href, String articleId) {
	}

	/** The HTML of one text block as text and marks; a link to anything but http(s)/mailto is refused. */
	static Formatted parse(String html) {
		Document raw = Jsoup.parseBodyFragment(html == null ? "" : html);
		boolean refused = false;
		for (Element link : raw.select("a[href]")) {
			String articleId = link.attr("data-article");
			if (articleId.isEmpty() && !allowedHref(link.attr("href"))) {
				refused = true;
			}
		}
		// script and style are removed with their text: the allow-list would keep it as words
		raw.select("script, style, template, noscript, iframe, object").remove();
		String cleaned = Jsoup.clean(raw.body().html(), "", ALLOWED, new Document.OutputSettings().prettyPrint(false));
		Walk walk = new Walk();
		walk.node(Jsoup.parseBodyFragment(cleaned).body(), 0);
		return walk.finish(refused);
	}

	/** Only the text of a heading (it takes no formatting). */
	static String plain(String html) {
		return parse(html).text();
	}

	static boolean allowedHref(String href) {
		if (href == null || href.isBlank() || href.length() > 2000) {
			return false;
		}
		try {
			URI uri = new URI(href.strip());
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return switch (scheme) {
				case "http", "https" -> uri.getHost() != null;
				case "mailto" -> uri.getSchemeSpecificPart() != null && uri.getSchemeSpecificPart().contains("@");
				default -> false;
			};
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/**
	 * Text and marks as the editor's HTML: each stretch of text between two mark boundaries wrapped
	 * in the marks active over it (link outermost), everything escaped.
	 */
	static String html(String text, List<Mark> marks) {
		if (text == null) {
			return "";
		}
		int[] codePoints = text.codePoints().toArray();
		TreeSet<Integer> cuts = new TreeSet<>(List.of(0, codePoints.length));
		for (Mark mark : marks) {
			cuts.add(Math.max(0, Math.min(mark.start(), codePoints.length)));
			cuts.add(Math.max(0, Math.min(mark.end(), codePoints.length)));
		}
		StringBuilder html = new StringBuilder();
		Integer from = null;
		for (int to : cuts) {
			if (from != null && to > from) {
				String piece = Entities.escape(new String(codePoints, from, to - from));
				Mark link = null;
				boolean bold = false;
				boolean italic = false;
				for (Mark mark : marks) {
					if (mark.start() <= from && mark.end() >= to) {
						switch (mark.type()) {
							case "bold" -> bold = true;
							case "italic" -> italic = true;
							case "link" -> link = mark;
							default -> {
							}
						}
					}
				}
				if (italic) {
					piece = "<i>" + piece + "</i>";
				}
				if (bold) {
					piece = "<b>" + piece + "</b>";
				}
				if (link != null && link.articleId() != null) {
					piece = "<a href=\"#\" data-article=\"" + Entities.escape(link.articleId()) + "\">" + piece + "</a>";
				}
				else if (link != null && link.href() != null) {
					piece = "<a href=\"" + Entities.escape(link.href()) + "\">" + piece + "</a>";
				}
				html.append(piece);
			}
			from = to;
		}
		return html.toString();
	}

	/** Text with collapsed spaces, counted in code points, and the ranges of the marks around it. */
	private static final class Walk {

		private final StringBuilder text = new StringBuilder();

		private int length;

		private final List<Mark> marks = new ArrayList<>();

		void node(Node node, int linkDepth) {
			if (node instanceof TextNode textNode) {
				append(textNode.getWholeText());
				return;
			}
			if (!(node instanceof Element element)) {
				return;
			}
			String tag = element.normalName();
			if (tag.equals("br") || tag.equals("p") || tag.equals("div") || tag.equals("li")) {
				append(" ");
			}
			int start = this.length;
			boolean link = tag.equals("a") && linkDepth == 0;
			for (Node child : element.childNodes()) {
				node(child, link ? linkDepth + 1 : linkDepth);
			}
			int end = this.length;
			switch (tag) {
				case "b", "strong" -> this.marks.add(new Mark("bold", start, end, null, null));
				case "i", "em" -> this.marks.add(new Mark("italic", start, end, null, null));
				case "a" -> {
					if (link) {
						String articleId = element.attr("data-article");
						if (ARTICLE_ID.matcher(articleId).matches()) {
							this.marks.add(new Mark("link", start, end, null, articleId));
						}
						else if (allowedHref(element.attr("href"))) {
							this.marks.add(new Mark("link", start, end, element.attr("href").strip(), null));
						}
					}
				}
				case "p", "div", "li" -> append(" ");
				default -> {
				}
			}
		}

		private void append(String raw) {
			String value = SPACES.matcher(raw).replaceAll(" ");
			for (int i = 0; i < value.length();) {
				int cp = value.codePointAt(i);
				i += Character.charCount(cp);
				if (cp == ' ' && (this.text.isEmpty() || this.text.charAt(this.text.length() - 1) == ' ')) {
					continue;
				}
				if (Character.isISOControl(cp)) {
					continue;
				}
				this.text.appendCodePoint(cp);
				this.length++;
			}
		}

		Formatted finish(boolean refused) {
			if (!this.text.isEmpty() && this.text.charAt(this.text.length() - 1) == ' ') {
				this.text.setLength(this.text.length() - 1);
				this.length--;
			}
			int max = this.length;
			List<Mark> clamped = new ArrayList<>();
			for (Mark mark : this.marks) {
				int end = Math.min(mark.end(), max);
				int start = mark.start();
				// a mark that began on a collapsed space starts at the next character
				if (start < end) {
					clamped.add(new Mark(mark.type(), start, end, mark.href(), mark.articleId()));
				}
			}
			return new Formatted(this.text.toString(), merge(clamped), refused);
		}

		/**
		 * article-service refuses two overlapping marks of one type: nested or adjacent bold (from
		 * {@code <b><b>} or the pieces {@link #html} writes) becomes one range; links merge only
		 * with the same target.
		 */
		private static List<Mark> merge(List<Mark> marks) {
			List<Mark> sorted = new ArrayList<>(marks);
			sorted.sort(Comparator.comparing(Mark::type).thenComparingInt(Mark::start).thenComparingInt(Mark::end));
			List<Mark> merged = new ArrayList<>();
			for (Mark mark : sorted) {
				Mark last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
				if (last != null && last.type().equals(mark.type()) && mark.start() <= last.end()) {
					boolean sameTarget = java.util.Objects.equals(last.href(), mark.href())
							&& java.util.Objects.equals(last.articleId(), mark.articleId());
					if (sameTarget || mark.start() < last.end()) {
						// an overlapping link to another target: the first one keeps the overlap
						merged.set(merged.size() - 1, new Mark(last.type(), last.start(),
								sameTarget ? Math.max(last.end(), mark.end()) : last.end(), last.href(),
								last.articleId()));
						if (!sameTarget && mark.end() > last.end()) {
							merged.add(new Mark(mark.type(), last.end(), mark.end(), mark.href(), mark.articleId()));
						}
						continue;
					}
				}
				merged.add(mark);
			}
			merged.sort(Comparator.comparingInt(Mark::start).thenComparing(Mark::type));
			return merged;
		}

	}

}
