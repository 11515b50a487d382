package news.platform.desk.story;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One body block as the editor shows it: text blocks as the editor's HTML (from the marks), the
 * others by their fields. {@code problem} is what is wrong with it after a save was refused, or
 * null. One record for every type keeps the template a plain switch on {@code type}.
 */
public record EditorBlock(String type, String html, int level, boolean ordered, List<String> items,
		String attribution, String mediaId, String caption, String credit, String alt, String url, String provider,
		String title, String articleId, String problem) {

	static EditorBlock paragraph(String html) {
		return new EditorBlock("paragraph", html, 0, false, List.of(), null, null, null, null, null, null, null, null,
				null, null);
	}

	EditorBlock withProblem(String problem) {
		return new EditorBlock(this.type, this.html, this.level, this.ordered, this.items, this.attribution,
				this.mediaId, this.caption, this.credit, this.alt, this.url, this.provider, this.title, this.articleId,
				problem);
	}

	/** A block of article-service's body ({@code GET /api/v1/articles/{id}}). */
	static EditorBlock fromApi(JsonNode block) {
		String type = block.path("type").asString("paragraph");
		List<String> items = new ArrayList<>();
		for (JsonNode item : block.path("items")) {
			items.add(RichTextHtml.html(item.path("text").asString(""), marks(item.path("marks"))));
		}
		String html = RichTextHtml.html(text(block, "text") == null ? "" : text(block, "text"),
				marks(block.path("marks")));
		return new EditorBlock(type, html, block.path("level").asInt(2), block.path("ordered").asBoolean(false), items,
				text(block, "attribution"), text(block, "mediaId"), text(block, "caption"), text(block, "credit"),
				text(block, "alt"), text(block, "url"), text(block, "provider"), text(block, "title"),
				text(block, "articleId"), null);
	}

	static List<RichTextHtml.Mark> marks(JsonNode marks) {
		List<RichTextHtml.Mark> found = new ArrayList<>();
		for (JsonNode mark : marks) {
			found.add(new RichTextHtml.Mark(mark.path("type").asString(""), mark.path("start").asInt(),
					mark.path("end").asInt(), text(mark, "href"), text(mark, "articleId")));
		}
		return found;
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

	/** Whether a person without JavaScript can edit this body as plain paragraphs without losing anything. */
	static boolean plainParagraphs(List<EditorBlock> blocks) {
		return blocks.stream().allMatch(b -> "paragraph".equals(b.type()) && !b.html().contains("<"));
	}

}
