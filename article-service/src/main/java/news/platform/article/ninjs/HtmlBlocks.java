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

import news.platform.article.importing.TextCleaner;
import news.platform.article.story.Block;

/**
 * An agency's HTML body as plain-text blocks. jsoup parses the HTML as a browser would (so
 * broken or hostile markup cannot hide text from the walk); only text is taken out of it, as
 * paragraphs, headings, quotes and stand-alone links. No tag or attribute reaches a block.
 */
final class HtmlBlocks {

	/** Elements dropped with everything inside them: code, media and forms carry no article text. */
	private static final String DROPPED = "head, script, style, noscript, template, iframe, frame, frameset, object, "
			+ "embed, applet, svg, math, canvas, video, audio, picture, img, figure, form, input, button, select, "
			+ "textarea, link, meta, base";

	/** Elements that hold blocks rather than text. */
	private static final Set<String> CONTAINERS = Set.of("body", "div", "section", "article", "main", "header",
			"footer", "aside", "nav", "center", "details", "dl", "dd", "dt", "table", "thead", "tbody", "tfoot", "tr");

	private static final int HEADING_MAX = 300;

	private static final int QUOTE_MAX = 5000;

	private static final int ATTRIBUTION_MAX = 300;

	private HtmlBlocks() {
	}

	private static String clip(String text) {
		return text.length() <= ATTRIBUTION_MAX ? text : text.substring(0, ATTRIBUTION_MAX).strip();
	}

	static List<Block> of(String html) {
		Document document = parse(html);
		List<Block> blocks = new ArrayList<>();
		StringBuilder inline = new StringBuilder();
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

	private static void walk(Element parent, List<Block> blocks, StringBuilder inline) {
		for (Node node : parent.childNodes()) {
			if (node instanceof TextNode text) {
				inline.append(text.getWholeText());
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
						walk(element, blocks, inline);
						flush(inline, blocks);
					}
					case "br" -> inline.append(' ');
					case "hr" -> flush(inline, blocks);
					default -> {
						if (CONTAINERS.contains(tag)) {
							flush(inline, blocks);
							walk(element, blocks, inline);
							flush(inline, blocks);
						}
						else {
							inline.append(element.wholeText());
						}
					}
				}
			}
		}
	}

	/** A paragraph, or a related link when the paragraph is nothing but one web link. */
	private static void paragraph(Element element, List<Block> blocks) {
		String text = TextCleaner.cleanLine(element.text());
		if (text.isEmpty()) {
			return;
		}
		if (element.children().size() == 1 && element.child(0).normalName().equals("a")) {
			Element link = element.child(0);
			String href = link.attr("href").strip();
			if (HtmlBody.isWebUrl(href) && TextCleaner.cleanLine(link.text()).equals(text)) {
				blocks.add(new Block.RelatedLink(null, href, text));
				return;
			}
		}
		blocks.add(new Block.Paragraph(text));
	}

	private static void heading(int level, Element element, StringBuilder inline, List<Block> blocks) {
		flush(inline, blocks);
		String text = TextCleaner.cleanLine(element.text());
		if (text.length() > HEADING_MAX) {
			// a "heading" this long is a styled paragraph
			blocks.add(new Block.Paragraph(text));
		}
		else if (!text.isEmpty()) {
			blocks.add(new Block.Heading(level, text));
		}
	}

	private static void quote(Element element, List<Block> blocks) {
		Element cite = element.selectFirst("footer, cite");
		String attribution = null;
		if (cite != null) {
			attribution = TextCleaner.cleanLine(cite.text()).replaceFirst("^[—–-]\\s*", "");
			cite.remove();
		}
		String text = TextCleaner.cleanLine(element.text());
		if (text.length() > QUOTE_MAX) {
			blocks.add(new Block.Paragraph(text));
		}
		else if (!text.isEmpty()) {
			blocks.add(new Block.Quote(text, attribution == null || attribution.isEmpty() ? null : clip(attribution)));
		}
	}

	private static void flush(StringBuilder inline, List<Block> blocks) {
		String text = TextCleaner.cleanLine(inline.toString());
		inline.setLength(0);
		if (!text.isEmpty()) {
			blocks.add(new Block.Paragraph(text));
		}
	}

	/** The text of an HTML fragment (a headline or description sent as HTML). */
	static String text(String html) {
		Document document = parse(html);
		return TextCleaner.cleanLine(document.body().text());
	}

}
