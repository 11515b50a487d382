package news.platform.article.story;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Inline formatting over a block's text: {@code [start, end)} in Unicode code points (not UTF-16
 * units, so an emoji counts once in every client language). {@code type} is {@code bold},
 * {@code italic} or {@code link}. A link goes to {@code href} ({@code http}, {@code https} or
 * {@code mailto}) or to another article by {@code articleId}; readers get the latter with
 * {@code href} set to that article's public URL, or without the mark while it is not published.
 * Marks of different types may overlap (a bold word inside a link); marks of one type may not.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@io.swagger.v3.oas.annotations.media.Schema(description = "Inline formatting over [start, end) of the block's text in "
		+ "Unicode code points: bold, italic, or a link to href (http, https, mailto) or to another article "
		+ "(articleId; readers get href = its public URL while it is published, no mark otherwise). "
		+ "Marks of one type never overlap; headings take none.")
public record Mark(String type, int start, int end, String href, String articleId) {

	public static final String BOLD = "bold";

	public static final String ITALIC = "italic";

	public static final String LINK = "link";

	public static Mark bold(int start, int end) {
		return new Mark(BOLD, start, end, null, null);
	}

	public static Mark italic(int start, int end) {
		return new Mark(ITALIC, start, end, null, null);
	}

	public static Mark link(int start, int end, String href) {
		return new Mark(LINK, start, end, href, null);
	}

	public static Mark articleLink(int start, int end, String articleId) {
		return new Mark(LINK, start, end, null, articleId);
	}

	@com.fasterxml.jackson.annotation.JsonIgnore
	public boolean isLink() {
		return LINK.equals(this.type);
	}

	public Mark withHref(String href) {
		return new Mark(this.type, this.start, this.end, href, this.articleId);
	}

	/**
	 * The list as given, {@code null} as empty; null entries are kept (read-only) so that input
	 * validation can name them.
	 */
	static List<Mark> orEmpty(List<Mark> marks) {
		if (marks == null || marks.isEmpty()) {
			return List.of();
		}
		return Collections.unmodifiableList(new ArrayList<>(marks));
	}

	/** Whether {@code href} is a link readers may follow: http(s) with a host, or mailto. */
	public static boolean allowedHref(String href) {
		if (href == null || href.length() > 2000) {
			return false;
		}
		try {
			java.net.URI uri = new java.net.URI(href);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			return switch (scheme) {
				case "http", "https" -> uri.getHost() != null;
				case "mailto" -> uri.getSchemeSpecificPart() != null && uri.getSchemeSpecificPart().contains("@");
				default -> false;
			};
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

}
