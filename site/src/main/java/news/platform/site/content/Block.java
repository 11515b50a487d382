package news.platform.site.content;

import java.util.List;

/**
 * One block of an article body, in reading order. Text blocks carry {@link Inline} runs: plain
 * text today, links, bold and italic once article-service has rich text (issue 16). Block types
 * the site does not know are left out.
 */
public sealed interface Block {

	record Paragraph(List<Inline> text) implements Block {
	}

	/** A subheading; level 2 or 3 (the headline is the page's only h1). */
	record Heading(int level, String text) implements Block {
	}

	record Quote(List<Inline> text, String attribution) implements Block {
	}

	/** A list (issue 16): items with inline formatting. */
	record ListBlock(boolean ordered, List<List<Inline>> items) implements Block {
	}

	record Image(String mediaId, String caption, String credit, String alt) implements Block {
	}

	/** Third-party content by URL: shown as a link card, no third-party script. */
	record Embed(String url, String provider, String title) implements Block {
	}

	/** A "read also" teaser: another story of ours by id, or an outside URL. */
	record Related(String articleId, String url, String title) implements Block {
	}

}
