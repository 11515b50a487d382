package news.platform.article.ninjs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import news.platform.article.importing.TextCleaner;
import news.platform.article.story.Block;
import news.platform.article.story.Mark;
import news.platform.article.story.RichText;

/**
 * An agency's HTML body as blocks. jsoup parses the HTML as a browser would (so broken or hostile
 * markup cannot hide text from the walk), then its allow-list cleaner keeps only the elements
 * that carry structure or inline formatting we store ({@link #ALLOWED}: links with an http(s) or
 * mailto {@code href}, bold, italic, lists, headings, quotes, paragraphs and containers) and
 * reduces everything else to its text. The walk turns what is left into paragraphs, headings,
 * quotes, lists and stand-alone links, with {@code <a href>}, {@code <strong>}/{@code <b>} and
 * {@code <em>}/{@code <i>} as marks. No tag or attribute reaches a block.
 */
final class HtmlBlocks {

	/** Elements dropped with everything inside them: code, media and forms carry no article text. */
	private static final String DROPPED = "head, script, style, noscript, template, iframe, frame, frameset, object, "
			+ "embed, applet, svg, math, canvas, video, audio, picture, img, figure, form, input, button, select, "
			+ "textarea, link, meta, base";

	/** Elements that hold blocks rather than text. */
	private static final Set<String> CONTAINERS = Set.of("body", "div", "section", "article", "main", "header",
			"footer", "aside", "nav", "center", "details", "dl", "dd", "dt", "table", "thead", "tbody", "tfoot", "tr");

	/** Block elements inside inline content: a word break, never glued to the next word. */
	private static final Set<String> BREAKS = Set.of("p", "pre", "address", "li", "td", "th", "caption", "summary",
			"h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "hr");

	/**
	 * What survives cleaning. Every other element is replaced by its text; {@code href} only with
	 * http, https or mailto (a {@code javascript:} or relative link loses it and becomes text).
	 */
	static final Safelist ALLOWED = Safelist.none()
		.addTags("p", "pre", "address", "li", "td", "th", "caption", "summary", "h1", "h2", "h3", "h4", "h5", "h6",
				"blockquote", "cite", "ul", "ol", "br", "hr", "a", "strong", "b", "em", "i")
		.addTags(CONTAINERS.toArray(String[]::new))
		.addAttributes("a", "href")
		.addProtocols("a", "href", "http", "https", "mailto");

	private static final int HEADING_MAX = 300;

	private static final int QUOTE_MAX = 5000;

	private static final int ITEM_MAX = 5000;

	private static final int ITEMS_MAX = 500;

	private static final int ATTRIBUTION_MAX = 300;

	private HtmlBlocks() {
	}

	private static String clip(String text) {
		return text.length() <= ATTRIBUTION_MAX ? text : text.substring(0, ATTRIBUTION_MAX).strip();
	}

	static List<Block> of(String html) {
		Document document = new Cleaner(ALLOWED).clean(parse(html));
		List<Block> blocks = new ArrayList<>();
		RichText.Builder inline = new RichText.Builder();
		walk(document.body(), blocks, inline);
		flush(inline, blocks);
		return blocks;
	}

	private static Document parse(String html) {
		Document document = Jsoup.parse(html);
		document.select(DROPPED).remove();
		// A browser shows no CDATA section in HTML (it is a bogus comment there); jsoup keeps its
		// content as text, which would let "<![CDATA[<script>...]]>" reach a block as tag-like text.
		List<CDataNode> cdata = new ArrayList<>();
		document.forEachNode((node) -> {
			if (node instanceof CDataNode section) {
				cdata.add(section);
			}
		});
		cdata.forEach(Node::remove);
		return document;
	}

	private static void walk(Element parent, List<Block> blocks, RichText.Builder inline) {
		for (Node node : parent.childNodes()) {
			if (node instanceof TextNode text) {
				inline.append(TextCleaner.clean(text.getWholeText()));
			}
			else if (node instanceof Element element) {
				String tag = element.normalName();
				switch (tag) {
					case "p", "pre", "address", "li", "td", "th", "caption", "summary" -> {
						flush(inline, blocks);
						paragraph(element, blocks);
					}
					case "h1", "h2" -> heading(2, element, inline, blocks);
					case "h3", "h4", "h5", "h6" -> heading(3, element, inline, blocks);
					case "blockquote" -> {
						flush(inline, blocks);
						quote(element, blocks);
					}
					case "ul", "ol" -> {
						flush(inline, blocks);
						list(element, blocks);
					}
					case "br" -> inline.space();
					case "hr" -> flush(inline, blocks);
					default -> {
						if (CONTAINERS.contains(tag)) {
							flush(inline, blocks);
							walk(element, blocks, inline);
							flush(inline, blocks);
						}
						else {
							inline(element, inline);
						}
					}
				}
			}
		}
	}

	/** An element's content as text with marks; block elements inside it only break words. */
	private static void inlineChildren(Element parent, RichText.Builder out) {
		for (Node node : parent.childNodes()) {
			if (node instanceof TextNode text) {
				out.append(TextCleaner.clean(text.getWholeText()));
			}
			else if (node instanceof Element element) {
				inline(element, out);
			}
		}
	}

	private static void inline(Element element, RichText.Builder out) {
		String tag = element.normalName();
		int start = out.position();
		switch (tag) {
			case "br" -> out.space();
			case "a" -> {
				inlineChildren(element, out);
				String href = element.attr("href").strip();
				if (Mark.allowedHref(href)) {
					out.mark(Mark.LINK, start, href);
				}
			}
			case "strong", "b" -> {
				inlineChildren(element, out);
				out.mark(Mark.BOLD, start, null);
			}
			case "em", "i" -> {
				inlineChildren(element, out);
				out.mark(Mark.ITALIC, start, null);
			}
			default -> {
				boolean breaks = BREAKS.contains(tag) || CONTAINERS.contains(tag);
				if (breaks) {
					out.space();
				}
				inlineChildren(element, out);
				if (breaks) {
					out.space();
				}
			}
		}
	}

	/** A paragraph, or a related link when the paragraph is nothing but one web link. */
	private static void paragraph(Element element, List<Block> blocks) {
		RichText.Builder text = new RichText.Builder();
		inlineChildren(element, text);
		if (text.isEmpty()) {
			return;
		}
		if (element.children().size() == 1 && element.child(0).normalName().equals("a")) {
			Element link = element.child(0);
			String href = link.attr("href").strip();
			if (HtmlBody.isWebUrl(href) && TextCleaner.cleanLine(link.text()).equals(text.text())) {
				blocks.add(new Block.RelatedLink(null, href, text.text()));
				return;
			}
		}
		blocks.add(new Block.Paragraph(text.text(), text.marks()));
	}

	private static void heading(int level, Element element, RichText.Builder inline, List<Block> blocks) {
		flush(inline, blocks);
		RichText.Builder text = new RichText.Builder();
		inlineChildren(element, text);
		if (text.text().length() > HEADING_MAX) {
			// a "heading" this long is a styled paragraph
			blocks.add(new Block.Paragraph(text.text(), text.marks()));
		}
		else if (!text.isEmpty()) {
			// headings take no formatting: their marks are dropped, their text kept
			blocks.add(new Block.Heading(level, text.text()));
		}
	}

	private static void quote(Element element, List<Block> blocks) {
		Element cite = element.selectFirst("footer, cite");
		String attribution = null;
		if (cite != null) {
			attribution = TextCleaner.cleanLine(cite.text()).replaceFirst("^[—–-]\\s*", "");
			cite.remove();
		}
		RichText.Builder text = new RichText.Builder();
		inlineChildren(element, text);
		if (text.text().length() > QUOTE_MAX) {
			blocks.add(new Block.Paragraph(text.text(), text.marks()));
		}
		else if (!text.isEmpty()) {
			blocks.add(new Block.Quote(text.text(),
					attribution == null || attribution.isEmpty() ? null : clip(attribution), text.marks()));
		}
	}

	/**
	 * A list's items, each with its formatting (a list nested in an item becomes part of that
	 * item's text). An item too long for a list item makes the whole list paragraphs; a list
	 * longer than a list may be is cut into lists of the most items allowed.
	 */
	private static void list(Element element, List<Block> blocks) {
		List<Block.ListItem> items = new ArrayList<>();
		boolean tooLong = false;
		for (Element child : element.children()) {
			RichText.Builder text = new RichText.Builder();
			inlineChildren(child, text);
			if (!text.isEmpty()) {
				items.add(new Block.ListItem(text.text(), text.marks()));
				tooLong |= text.text().length() > ITEM_MAX;
			}
		}
		boolean ordered = element.normalName().equals("ol");
		if (tooLong) {
			items.forEach((item) -> blocks.add(new Block.Paragraph(item.text(), item.marks())));
			return;
		}
		for (int from = 0; from < items.size(); from += ITEMS_MAX) {
			blocks.add(new Block.ListBlock(ordered, items.subList(from, Math.min(items.size(), from + ITEMS_MAX))));
		}
	}

	private static void flush(RichText.Builder inline, List<Block> blocks) {
		if (!inline.isEmpty()) {
			blocks.add(new Block.Paragraph(inline.text(), inline.marks()));
		}
		inline.reset();
	}

	/** The text of an HTML fragment (a headline or description sent as HTML). */
	static String text(String html) {
		Document document = parse(html);
		return TextCleaner.cleanLine(document.body().text());
	}

}
