package news.platform.article.ninjs;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import news.platform.article.story.Block;
import news.platform.article.story.Mark;
import news.platform.article.story.RichText;

/**
 * The body as HTML for ninjs {@code bodies}. Blocks hold plain text and marks, so every text and
 * attribute is escaped here, and only http(s) and mailto links are written: nothing a block holds can become markup
 * or script in a receiving system.
 */
final class HtmlBody {

	private HtmlBody() {
	}

	static String of(List<Block> blocks, URI mediaBaseUrl) {
		StringBuilder html = new StringBuilder();
		for (Block block : blocks) {
			if (block instanceof Block.Paragraph paragraph) {
				html.append("<p>");
				inline(html, paragraph.text(), paragraph.marks());
				html.append("</p>");
			}
			else if (block instanceof Block.ListBlock list) {
				String tag = list.ordered() ? "ol" : "ul";
				html.append('<').append(tag).append('>');
				for (Block.ListItem item : list.items()) {
					html.append("<li>");
					inline(html, item.text(), item.marks());
					html.append("</li>");
				}
				html.append("</").append(tag).append('>');
			}
			else if (block instanceof Block.Heading heading) {
				element(html, heading.level() >= 3 ? "h3" : "h2", heading.text());
			}
			else if (block instanceof Block.Quote quote) {
				html.append("<blockquote><p>");
				inline(html, quote.text(), quote.marks());
				html.append("</p>");
				if (hasText(quote.attribution())) {
					element(html, "footer", quote.attribution());
				}
				html.append("</blockquote>");
			}
			else if (block instanceof Block.Image image) {
				image(html, image, mediaBaseUrl);
			}
			else if (block instanceof Block.Embed embed) {
				html.append("<p class=\"embed\">");
				link(html, embed.url(), hasText(embed.title()) ? embed.title() : embed.url());
				html.append("</p>");
			}
			else if (block instanceof Block.RelatedLink related) {
				html.append("<p class=\"related\"");
				if (related.articleId() != null) {
					html.append(" data-article-id=\"").append(escape(related.articleId())).append('"');
				}
				html.append('>');
				link(html, related.url(), hasText(related.title()) ? related.title() : related.url());
				html.append("</p>");
			}
		}
		return html.toString();
	}

	/**
	 * Text with its marks as {@code <a href>}, {@code <strong>} and {@code <em>}. Marks of
	 * different types may overlap while HTML elements must nest, so the text is cut at every mark
	 * boundary and, for each piece, the elements open in one fixed order (link, bold, italic):
	 * at a boundary only the elements from the first one that changes are closed and reopened.
	 * A link without an href (an article link readers cannot follow) is written as its text.
	 */
	static void inline(StringBuilder html, String text, List<Mark> marks) {
		List<Mark> usable = marks.stream().filter((m) -> !m.isLink() || Mark.allowedHref(m.href())).toList();
		if (usable.isEmpty()) {
			html.append(escape(text));
			return;
		}
		java.util.TreeSet<Integer> cuts = new java.util.TreeSet<>();
		cuts.add(0);
		cuts.add(RichText.length(text));
		for (Mark mark : usable) {
			cuts.add(mark.start());
			cuts.add(mark.end());
		}
		List<Mark> open = new ArrayList<>();
		Integer from = null;
		for (int cut : cuts) {
			if (from != null && cut > from) {
				List<Mark> wanted = new ArrayList<>();
				for (Mark mark : usable) {
					if (mark.start() <= from && mark.end() >= cut) {
						wanted.add(mark);
					}
				}
				wanted.sort(java.util.Comparator.comparingInt((Mark m) -> ORDER.indexOf(m.type())));
				int same = 0;
				while (same < open.size() && same < wanted.size() && open.get(same).equals(wanted.get(same))) {
					same++;
				}
				for (int i = open.size() - 1; i >= same; i--) {
					html.append("</").append(tag(open.get(i))).append('>');
					open.remove(i);
				}
				for (int i = same; i < wanted.size(); i++) {
					Mark mark = wanted.get(i);
					if (mark.isLink()) {
						html.append("<a href=\"").append(escape(mark.href())).append("\">");
					}
					else {
						html.append('<').append(tag(mark)).append('>');
					}
					open.add(mark);
				}
				html.append(escape(text.substring(RichText.charIndex(text, from), RichText.charIndex(text, cut))));
			}
			from = cut;
		}
		for (int i = open.size() - 1; i >= 0; i--) {
			html.append("</").append(tag(open.get(i))).append('>');
		}
	}

	private static final List<String> ORDER = List.of(Mark.LINK, Mark.BOLD, Mark.ITALIC);

	private static String tag(Mark mark) {
		return switch (mark.type()) {
			case Mark.LINK -> "a";
			case Mark.BOLD -> "strong";
			default -> "em";
		};
	}

	private static void image(StringBuilder html, Block.Image image, URI mediaBaseUrl) {
		html.append("<figure data-media-id=\"").append(escape(image.mediaId())).append("\">");
		if (mediaBaseUrl != null) {
			html.append("<img src=\"")
				.append(escape(NinjsMapper.mediaUrl(mediaBaseUrl, image.mediaId())))
				.append("\" alt=\"")
				.append(escape(image.alt() == null ? "" : image.alt()))
				.append("\">");
		}
		if (hasText(image.caption()) || hasText(image.credit())) {
			html.append("<figcaption>");
			if (hasText(image.caption())) {
				html.append(escape(image.caption()));
			}
			if (hasText(image.credit())) {
				html.append(hasText(image.caption()) ? " " : "");
				element(html, "small", image.credit());
			}
			html.append("</figcaption>");
		}
		html.append("</figure>");
	}

	/** A link when the URL is http(s); otherwise only the text (a javascript: URL is dropped). */
	private static void link(StringBuilder html, String url, String text) {
		String shown = text == null ? "" : text;
		if (isWebUrl(url)) {
			html.append("<a href=\"").append(escape(url)).append("\">").append(escape(shown)).append("</a>");
		}
		else {
			html.append(escape(shown));
		}
	}

	static boolean isWebUrl(String url) {
		if (url == null) {
			return false;
		}
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

	private static void element(StringBuilder html, String tag, String text) {
		html.append('<').append(tag).append('>').append(escape(text)).append("</").append(tag).append('>');
	}

	static String escape(String text) {
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> out.append("&amp;");
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	private static boolean hasText(String text) {
		return text != null && !text.isBlank();
	}

}
