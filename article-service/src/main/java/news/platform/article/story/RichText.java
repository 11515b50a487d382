package news.platform.article.story;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every part of the service does with {@link Mark}s: the article links a body holds, the
 * body as readers get it (article links answered with a public URL or left as text), the marks
 * as a diff line shows them, bare URLs found in plain text, and a builder for imports.
 */
public final class RichText {

	/** A bare web address in plain text; trailing punctuation is the sentence's, not the URL's. */
	private static final Pattern BARE_URL = Pattern.compile("\\bhttps?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);

	private static final String TRAILING = ".,;:!?)]}'\"»“”’";

	private RichText() {
	}

	/** The text-bearing parts of a body, in order: paragraphs, quotes and each list item. */
	public static List<Block.Formatted> formatted(List<Block> body) {
		List<Block.Formatted> out = new ArrayList<>();
		for (Block block : body) {
			if (block instanceof Block.Formatted f) {
				out.add(f);
			}
			else if (block instanceof Block.ListBlock list) {
				out.addAll(list.items());
			}
		}
		return out;
	}

	/** Every article an inline link of the body points to. */
	public static Set<String> linkedArticles(List<Block> body) {
		Set<String> ids = new LinkedHashSet<>();
		for (Block.Formatted f : formatted(body)) {
			if (f == null) {
				continue;
			}
			for (Mark mark : f.marks()) {
				if (mark != null && mark.isLink() && mark.articleId() != null) {
					ids.add(mark.articleId());
				}
			}
		}
		return ids;
	}

	/**
	 * The body as readers get it: each link to an article carries {@code href} = that article's
	 * public URL ({@code hrefOf}), or is dropped (its words stay as text) when {@code hrefOf}
	 * answers {@code null} because the article is not published.
	 */
	public static List<Block> resolveArticleLinks(List<Block> body, Function<String, String> hrefOf) {
		if (linkedArticles(body).isEmpty()) {
			return body;
		}
		List<Block> out = new ArrayList<>(body.size());
		for (Block block : body) {
			if (block instanceof Block.Paragraph p) {
				out.add(new Block.Paragraph(p.text(), resolve(p.marks(), hrefOf)));
			}
			else if (block instanceof Block.Quote q) {
				out.add(new Block.Quote(q.text(), q.attribution(), resolve(q.marks(), hrefOf)));
			}
			else if (block instanceof Block.ListBlock list) {
				List<Block.ListItem> items = new ArrayList<>();
				for (Block.ListItem item : list.items()) {
					items.add(new Block.ListItem(item.text(), resolve(item.marks(), hrefOf)));
				}
				out.add(new Block.ListBlock(list.ordered(), items));
			}
			else {
				out.add(block);
			}
		}
		return out;
	}

	private static List<Mark> resolve(List<Mark> marks, Function<String, String> hrefOf) {
		List<Mark> out = new ArrayList<>(marks.size());
		for (Mark mark : marks) {
			if (mark.isLink() && mark.articleId() != null) {
				String href = hrefOf.apply(mark.articleId());
				if (href != null) {
					out.add(mark.withHref(href));
				}
			}
			else {
				out.add(mark);
			}
		}
		return out;
	}

	/** The marks for a diff line: {@code {bold 0-5, link 6-9 https://…}}; empty without marks. */
	public static String describe(List<Mark> marks) {
		if (marks.isEmpty()) {
			return "";
		}
		List<Mark> sorted = new ArrayList<>(marks);
		sorted.sort(Comparator.comparingInt(Mark::start).thenComparing(Mark::type).thenComparingInt(Mark::end));
		StringBuilder out = new StringBuilder(" {");
		for (int i = 0; i < sorted.size(); i++) {
			Mark mark = sorted.get(i);
			out.append(i == 0 ? "" : ", ").append(mark.type()).append(' ').append(mark.start()).append('-').append(mark.end());
			if (mark.articleId() != null) {
				out.append(" article:").append(mark.articleId());
			}
			else if (mark.href() != null) {
				out.append(' ').append(mark.href());
			}
		}
		return out.append('}').toString();
	}

	/** Links over the bare http(s) addresses in a plain text (the plain-text import). */
	public static List<Mark> bareUrls(String text) {
		List<Mark> marks = new ArrayList<>();
		Matcher m = BARE_URL.matcher(text);
		while (m.find()) {
			int end = m.end();
			while (end > m.start() && TRAILING.indexOf(text.charAt(end - 1)) >= 0) {
				// a closing bracket belongs to the URL when it closes one opened inside it (Wikipedia-style)
				char c = text.charAt(end - 1);
				String candidate = text.substring(m.start(), end);
				if (c == ')' && candidate.chars().filter((ch) -> ch == '(').count() >= candidate.chars()
					.filter((ch) -> ch == ')')
					.count()) {
					break;
				}
				end--;
			}
			String url = text.substring(m.start(), end);
			if (Mark.allowedHref(url)) {
				marks.add(Mark.link(text.codePointCount(0, m.start()), text.codePointCount(0, end), url));
			}
		}
		return marks;
	}

	/** The code-point length of a text, the unit of every mark's range. */
	public static int length(String text) {
		return text == null ? 0 : text.codePointCount(0, text.length());
	}

	/** A UTF-16 index for a code-point offset (exporters slice Java strings with it). */
	public static int charIndex(String text, int codePoint) {
		return text.offsetByCodePoints(0, Math.min(codePoint, length(text)));
	}

	/**
	 * Text with marks, built piece by piece from parsed markup: white space runs collapse to one
	 * space, leading and trailing space go, ranges are kept in code points, overlapping or
	 * touching ranges of one type merge (nested {@code <b><b>}), and a link inside a link is
	 * dropped, so what it builds always passes the input rules.
	 */
	public static final class Builder {

		private final StringBuilder text = new StringBuilder();

		private final List<Mark> marks = new ArrayList<>();

		private int length;

		private boolean pendingSpace;

		/** Appends text; it is expected to be cleaned (NFC, no control characters) already. */
		public Builder append(String piece) {
			for (int i = 0; i < piece.length();) {
				int cp = piece.codePointAt(i);
				i += Character.charCount(cp);
				if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
					this.pendingSpace = this.length > 0;
				}
				else {
					if (this.pendingSpace) {
						this.text.append(' ');
						this.length++;
						this.pendingSpace = false;
					}
					this.text.appendCodePoint(cp);
					this.length++;
				}
			}
			return this;
		}

		/** A break between words (a {@code <br>}, a nested block). */
		public Builder space() {
			this.pendingSpace = this.length > 0;
			return this;
		}

		/** Where the next character will go; a range opened here starts at the next word. */
		public int position() {
			return this.length + (this.pendingSpace ? 1 : 0);
		}

		public Builder mark(String type, int start, String href) {
			int end = this.length;
			if (end > start) {
				this.marks.add(new Mark(type, start, end, href, null));
			}
			return this;
		}

		public boolean isEmpty() {
			return this.length == 0;
		}

		/** Starts over, for the next block. */
		public void reset() {
			this.text.setLength(0);
			this.marks.clear();
			this.length = 0;
			this.pendingSpace = false;
		}

		public String text() {
			return this.text.toString();
		}

		public List<Mark> marks() {
			List<Mark> sorted = new ArrayList<>(this.marks);
			sorted.sort(Comparator.comparingInt(Mark::start).thenComparingInt((Mark m) -> -m.end()));
			List<Mark> out = new ArrayList<>();
			for (Mark mark : sorted) {
				Mark last = null;
				for (int i = out.size() - 1; i >= 0; i--) {
					if (out.get(i).type().equals(mark.type())) {
						last = out.get(i);
						break;
					}
				}
				if (last != null && mark.start() < last.end()) {
					if (!mark.isLink() && mark.end() > last.end()) {
						out.set(out.indexOf(last), new Mark(last.type(), last.start(), mark.end(), null, null));
					}
					// a link inside a link (or a range already covered) adds nothing
					continue;
				}
				if (last != null && !mark.isLink() && mark.start() == last.end()) {
					out.set(out.indexOf(last), new Mark(last.type(), last.start(), mark.end(), null, null));
					continue;
				}
				out.add(mark);
			}
			out.sort(Comparator.comparingInt(Mark::start).thenComparing(Mark::type));
			return out;
		}

	}

}
