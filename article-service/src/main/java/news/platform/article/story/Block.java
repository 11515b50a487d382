package news.platform.article.story;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One block of an article body, in reading order. Typed blocks (rather than HTML) let web and
 * app clients render natively, let search index only the text, and keep markup that could carry
 * script out of the store.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = Block.Paragraph.class, name = "paragraph"),
		@JsonSubTypes.Type(value = Block.Heading.class, name = "heading"),
		@JsonSubTypes.Type(value = Block.Quote.class, name = "quote"),
		@JsonSubTypes.Type(value = Block.Image.class, name = "image"),
		@JsonSubTypes.Type(value = Block.Embed.class, name = "embed"),
		@JsonSubTypes.Type(value = Block.RelatedLink.class, name = "related") })
public sealed interface Block {

	/** The text a reader reads in this block, for word count, search and diffs; empty if none. */
	String plainText();

	/** A paragraph of plain text. */
	record Paragraph(String text) implements Block {

		@Override
		public String plainText() {
			return this.text;
		}

	}

	/** A subheading inside the body; level 2 or 3 (the headline is level 1). */
	record Heading(int level, String text) implements Block {

		@Override
		public String plainText() {
			return this.text;
		}

	}

	/** A pull quote or a quoted statement, with who said it when known. */
	record Quote(String text, String attribution) implements Block {

		@Override
		public String plainText() {
			return this.text;
		}

	}

	/** A picture from media-service, referred to by its media id. */
	record Image(String mediaId, String caption, String credit, String alt) implements Block {

		@Override
		public String plainText() {
			return this.caption == null ? "" : this.caption;
		}

	}

	/** Third-party content (video, social post) by URL; clients render it with the provider's embed. */
	record Embed(String url, String provider, String title) implements Block {

		@Override
		public String plainText() {
			return "";
		}

	}

	/**
	 * A "read also" teaser: another article of ours by id, or an outside URL, with the teaser
	 * text shown to readers.
	 */
	record RelatedLink(String articleId, String url, String title) implements Block {

		@Override
		public String plainText() {
			return "";
		}

	}

}
