package news.platform.article.ninjs;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import news.platform.article.story.Block;

/**
 * The body as HTML for ninjs {@code bodies}. Blocks hold plain text, so every text and attribute
 * is escaped here, and only http(s) links are written: nothing a block holds can become markup
 * or script in a receiving system.
 */
final class HtmlBody {

	private HtmlBody() {
	}

	static String of(List<Block> blocks, URI mediaBaseUrl) {
		StringBuilder html = new StringBuilder();
		for (Block block : blocks) {
			if (block instanceof Block.Paragraph paragraph) {
				element(html, "p", paragraph.text());
			}
			else if (block instanceof Block.Heading heading) {
				element(html, heading.level() >= 3 ? "h3" : "h2", heading.text());
			}
			else if (block instanceof Block.Quote quote) {
				html.append("<blockquote>");
				element(html, "p", quote.text());
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
