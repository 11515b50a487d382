package news.platform.site.page;

import java.util.List;

import news.platform.site.content.Inline;

/**
 * The pieces pages are made of, ready to write out: every text formatted, every URL built. The
 * templates only loop, branch and escape (STYLE.md 16).
 */
public final class Views {

	private Views() {
	}

	public record Link(String href, String text) {
	}

	/** A {@code <meta>}: {@code attribute} is {@code property} (OpenGraph) or {@code name}. */
	public record Meta(String attribute, String key, String content) {
	}

	/** A {@code <link rel="alternate">} to a feed. */
	public record Feed(String type, String title, String href) {
	}

	/** A {@code <link rel="alternate" hreflang>}. */
	public record Hreflang(String lang, String href) {
	}

	/** The hero picture, fetched before the page's own styles and scripts. */
	public record Preload(String srcset, String sizes, String type) {
	}

	public record NavItem(String href, String name, boolean current) {
	}

	/** The site's own files under their content-hashed names. */
	/** @param script htmx, or null on a page with nothing for it to enhance */
	public record AssetLinks(String css, String script, String icon) {
	}

	/**
	 * What every HTML page has around its content.
	 *
	 * @param canonical the page's absolute canonical URL (null for pages that have none: errors, search)
	 * @param jsonLd the page's structured data, already safe inside {@code <script>} (see {@link JsonLd})
	 * @param query the search box's text
	 */
	public record Chrome(Texts t, String title, String description, String canonical, boolean noindex,
			List<Meta> metas, String jsonLd, List<Feed> feeds, List<Hreflang> hreflangs, Preload preload,
			List<NavItem> nav, String homeHref, String searchHref, String query, AssetLinks assets) {

		/**
		 * The same chrome without htmx, for a page with nothing for it to enhance: parsing and
		 * running it was the largest script task of the home page on a slow phone (Lighthouse's
		 * total blocking time), for no use there.
		 */
		public Chrome withoutScript() {
			return new Chrome(this.t, this.title, this.description, this.canonical, this.noindex, this.metas,
					this.jsonLd, this.feeds, this.hreflangs, this.preload, this.nav, this.homeHref, this.searchHref,
					this.query, new AssetLinks(this.assets.css(), null, this.assets.icon()));
		}

	}

	/** Text with parts marked as search hits. */
	public record Mark(String text, boolean hit) {

		public static List<Mark> plain(String text) {
			return text == null || text.isEmpty() ? List.of() : List.of(new Mark(text, false));
		}

	}

	/**
	 * A picture: WebP and JPEG at the widths of the presets, the size it is shown at, and the
	 * placeholder colour shown until it arrives.
	 *
	 * @param placeholder the {@code style} attribute's value (its hash is in the page's CSP), or null
	 * @param eager above the fold: loaded at once with high priority; others load lazily
	 */
	public record PictureView(String webpSrcset, String jpegSrcset, String src, String sizes, int width, int height,
			String alt, boolean eager, String placeholder, String caption, String credit) {
	}

	public record TeaserView(String href, List<Mark> headline, List<Mark> summary, String sectionName,
			String sectionHref, String datetime, String dateText, PictureView picture) {
	}

	public record SectionBlock(String name, String href, List<TeaserView> items) {
	}

	/** A part of an article's body. */
	public sealed interface BodyPart {
	}

	public record ParagraphPart(List<Inline> text) implements BodyPart {
	}

	public record HeadingPart(int level, String text) implements BodyPart {
	}

	public record QuotePart(List<Inline> text, String attribution) implements BodyPart {
	}

	public record ListPart(boolean ordered, List<List<Inline>> items) implements BodyPart {
	}

	public record FigurePart(PictureView picture) implements BodyPart {
	}

	/** An embed as a link card: nothing of the provider loads until the reader follows the link. */
	public record EmbedPart(String href, String title, String provider) implements BodyPart {
	}

	public record RelatedPart(String href, String title, boolean external) implements BodyPart {
	}

	public record Dated(String datetime, String text) {
	}

	public record CorrectionView(Dated at, String text) {
	}

}
