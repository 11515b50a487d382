package news.platform.article.story;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One block of an article body, in reading order. Typed blocks (rather than HTML) let web and
 * app clients render natively, let search index only the text, and keep markup that could carry
 * script out of the store. Inline formatting (bold, italic, links) is a list of {@link Mark}s over
 * the text in Unicode code points (docs: the module README, "Rich text"), so the text a block holds
 * stays the plain text a reader reads: search, word counts and snippets need no markup parser.
 * {@code marks} is left out of the JSON when empty, so an unformatted block (and every block
 * stored before marks existed) keeps its exact old shape.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = Block.Paragraph.class, name = "paragraph"),
		@JsonSubTypes.Type(value = Block.Heading.class, name = "heading"),
		@JsonSubTypes.Type(value = Block.Quote.class, name = "quote"),
		@JsonSubTypes.Type(value = Block.ListBlock.class, name = "list"),
		@JsonSubTypes.Type(value = Block.Image.class, name = "image"),
		@JsonSubTypes.Type(value = Block.Embed.class, name = "embed"),
		@JsonSubTypes.Type(value = Block.RelatedLink.class, name = "related") })
public sealed interface Block {

	/** The text a reader reads in this block, for word count, search and diffs; empty if none. */
	String plainText();

	/** Formatting of a text-bearing block; empty for a block without any. */
	interface Formatted {

		String text();

		List<Mark> marks();

	}

	/** A paragraph: its text and its inline formatting. */
	record Paragraph(String text, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Mark> marks)
			implements Block, Formatted {

		public Paragraph {
			marks = Mark.orEmpty(marks);
		}

		public Paragraph(String text) {
			this(text, List.of());
		}

		@Override
		public String plainText() {
			return this.text;
		}

	}

	/**
	 * A subheading inside the body; level 2 or 3 (the headline is level 1). It takes no
	 * formatting: {@code marks} exists only so that a client sending some is told so, naming the
	 * field, rather than having them silently dropped.
	 */
	record Heading(int level, String text, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Mark> marks)
			implements Block {

		public Heading {
			marks = Mark.orEmpty(marks);
		}

		public Heading(int level, String text) {
			this(level, text, List.of());
		}

		@Override
		public String plainText() {
			return this.text;
		}

	}

	/** A pull quote or a quoted statement, with who said it when known. */
	record Quote(String text, String attribution, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Mark> marks)
			implements Block, Formatted {

		public Quote {
			marks = Mark.orEmpty(marks);
		}

		public Quote(String text, String attribution) {
			this(text, attribution, List.of());
		}

		@Override
		public String plainText() {
			return this.text;
		}

	}

	/** A list, numbered ({@code ordered}) or with bullets; each item formatted as a paragraph. */
	record ListBlock(Boolean ordered, List<ListItem> items) implements Block {

		/** {@code ordered} left out means a list with bullets. */
		public ListBlock {
			ordered = Boolean.TRUE.equals(ordered);
			items = items == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(items));
		}

		/** The items' text, one line each. */
		@Override
		public String plainText() {
			StringBuilder text = new StringBuilder();
			for (ListItem item : this.items) {
				if (item != null && item.text() != null) {
					if (!text.isEmpty()) {
						text.append('\n');
					}
					text.append(item.text());
				}
			}
			return text.toString();
		}

	}

	/** One item of a {@link ListBlock}. */
	record ListItem(String text, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Mark> marks) implements Formatted {

		public ListItem {
			marks = Mark.orEmpty(marks);
		}

		public ListItem(String text) {
			this(text, List.of());
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
