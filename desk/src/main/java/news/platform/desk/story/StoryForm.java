package news.platform.desk.story;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The editor's form as the person sent it, and what article-service is asked to store. The body
 * arrives as the blocks' HTML in one field ({@code blocks}, JSON, written by editor.js) and is
 * turned into the API's rich text here, after jsoup's allow-list ({@link RichTextHtml}); without
 * JavaScript it arrives as plain paragraphs ({@code bodyText}, separated by blank lines), or not at
 * all when the body holds more than a textarea can show (then the stored body is kept).
 * {@link #problems()} are checked before anything is asked of the service: a field marked there
 * means nothing was saved.
 */
record StoryForm(Long revision, String headline, String standfirst, String section, String tags, String authors,
		String language, String slug, String embargo, boolean commentsOpen, String commentsCloseAt, String source,
		String heroMediaId, String blocks, String bodyText, Map<String, String> problems, List<EditorBlock> editorBlocks,
		ArrayNode body, List<Integer> editorIndexOfBody) {

	static final ZoneId NEWSROOM = ZoneId.of("Europe/Zagreb");

	static final int MAX_HEADLINE = 300;

	static final int MAX_STANDFIRST = 1000;

	private static final int MAX_BLOCKS = 2000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern BLANK_LINES = Pattern.compile("\\r?\\n\\s*\\r?\\n");

	static StoryForm from(HttpServletRequest request) {
		Map<String, String> problems = new LinkedHashMap<>();
		Long revision = null;
		String given = request.getParameter("verzija");
		if (given != null && !given.isBlank()) {
			try {
				revision = Long.parseLong(given.strip());
			}
			catch (NumberFormatException ex) {
				problems.put("form", "problem.form");
			}
		}
		String headline = param(request, "headline");
		if (headline == null || headline.isBlank()) {
			problems.put("headline", "problem.required");
		}
		else if (headline.length() > MAX_HEADLINE) {
			problems.put("headline", "problem.headline.too-long");
		}
		String standfirst = param(request, "standfirst");
		if (standfirst != null && standfirst.length() > MAX_STANDFIRST) {
			problems.put("standfirst", "problem.standfirst.too-long");
		}
		String slug = blankToNull(param(request, "slug"));
		if (slug != null && (slug.length() > 120 || !SLUG.matcher(slug).matches())) {
			problems.put("slug", "problem.slug");
		}
		String embargo = blankToNull(param(request, "embargo"));
		if (embargo != null && zoned(embargo) == null) {
			problems.put("embargo", "problem.time");
		}
		// the hero is a picture of the library (picked there or typed): media-service's ids, checked here
		String hero = blankToNull(param(request, "heroMediaId"));
		if (hero != null && !hero.matches("[0-9a-f]{24}")) {
			problems.put("heroMediaId", "problem.media-id");
		}
		String blocks = request.getParameter("blocks");
		String bodyText = request.getParameter("bodyText");
		List<EditorBlock> editorBlocks = new ArrayList<>();
		ArrayNode body = null;
		List<Integer> index = new ArrayList<>();
		if (blocks != null && !blocks.isBlank()) {
			body = JSON.createArrayNode();
			readBlocks(blocks, editorBlocks, body, index, problems);
		}
		else if (bodyText != null) {
			body = JSON.createArrayNode();
			for (String paragraph : BLANK_LINES.split(bodyText.strip())) {
				RichTextHtml.Formatted text = RichTextHtml.parse(org.jsoup.nodes.Entities.escape(paragraph));
				if (!text.text().isEmpty()) {
					editorBlocks.add(EditorBlock.paragraph(RichTextHtml.html(text.text(), List.of())));
					index.add(editorBlocks.size() - 1);
					body.addObject().put("type", "paragraph").put("text", text.text());
				}
			}
		}
		return new StoryForm(revision, headline, standfirst, blankToNull(param(request, "section")),
				param(request, "tags"), param(request, "authors"), blankToNull(param(request, "language")), slug,
				embargo, request.getParameter("commentsOpen") != null, blankToNull(param(request, "commentsCloseAt")),
				blankToNull(param(request, "source")), hero, blocks, bodyText,
				problems, editorBlocks, body, index);
	}

	/** The blocks editor.js wrote: {@code [{type, html | items | fields}]}, each cleaned and converted. */
	private static void readBlocks(String blocks, List<EditorBlock> editorBlocks, ArrayNode body, List<Integer> index,
			Map<String, String> problems) {
		JsonNode tree;
		try {
			tree = JSON.readTree(blocks);
		}
		catch (JacksonException ex) {
			problems.put("body", "problem.blocks");
			return;
		}
		if (!tree.isArray() || tree.size() > MAX_BLOCKS) {
			problems.put("body", "problem.blocks");
			return;
		}
		for (JsonNode block : tree) {
			String type = block.path("type").asString("");
			EditorBlock shown;
			ObjectNode out = JSON.createObjectNode().put("type", type);
			boolean empty = false;
			boolean refusedLink = false;
			switch (type) {
				case "paragraph", "quote" -> {
					RichTextHtml.Formatted text = RichTextHtml.parse(block.path("html").asString(""));
					refusedLink = text.refusedLink();
					empty = text.text().isEmpty();
					out.put("text", text.text());
					marks(out, text.marks());
					String attribution = blankToNull(block.path("attribution").asString(""));
					if ("quote".equals(type) && attribution != null) {
						out.put("attribution", attribution);
					}
					shown = new EditorBlock(type, RichTextHtml.html(text.text(), text.marks()), 0, false, List.of(),
							attribution, null, null, null, null, null, null, null, null, null);
				}
				case "heading" -> {
					String text = RichTextHtml.plain(block.path("html").asString(""));
					int level = block.path("level").asInt(2) == 3 ? 3 : 2;
					empty = text.isEmpty();
					out.put("level", level).put("text", text);
					shown = new EditorBlock(type, RichTextHtml.html(text, List.of()), level, false, List.of(), null,
							null, null, null, null, null, null, null, null, null);
				}
				case "list" -> {
					boolean ordered = block.path("ordered").asBoolean(false);
					ArrayNode items = out.put("ordered", ordered).putArray("items");
					List<String> shownItems = new ArrayList<>();
					for (JsonNode item : block.path("items")) {
						RichTextHtml.Formatted text = RichTextHtml.parse(item.asString(""));
						refusedLink |= text.refusedLink();
						if (!text.text().isEmpty()) {
							ObjectNode stored = items.addObject().put("text", text.text());
							marks(stored, text.marks());
							shownItems.add(RichTextHtml.html(text.text(), text.marks()));
						}
					}
					empty = shownItems.isEmpty();
					shown = new EditorBlock(type, "", 0, ordered, shownItems, null, null, null, null, null, null, null,
							null, null, null);
				}
				case "image" -> {
					String mediaId = field(block, out, "mediaId");
					field(block, out, "caption");
					field(block, out, "credit");
					field(block, out, "alt");
					empty = mediaId == null;
					shown = new EditorBlock(type, "", 0, false, List.of(), null, mediaId, field(block, null, "caption"),
							field(block, null, "credit"), field(block, null, "alt"), null, null, null, null, null);
				}
				case "embed" -> {
					String url = field(block, out, "url");
					field(block, out, "provider");
					field(block, out, "title");
					empty = url == null;
					shown = new EditorBlock(type, "", 0, false, List.of(), null, null, null, null, null, url,
							field(block, null, "provider"), field(block, null, "title"), null, null);
				}
				case "related" -> {
					String articleId = field(block, out, "articleId");
					String url = field(block, out, "url");
					String title = field(block, out, "title");
					empty = articleId == null && url == null && title == null;
					shown = new EditorBlock(type, "", 0, false, List.of(), null, null, null, null, null, url, null,
							title, articleId, null);
				}
				default -> {
					problems.put("body", "problem.blocks");
					continue;
				}
			}
			editorBlocks.add(shown);
			int at = editorBlocks.size() - 1;
			if (refusedLink) {
				problems.put("body[" + at + "]", "problem.link");
				editorBlocks.set(at, shown.withProblem("problem.link"));
			}
			if (!empty) {
				// an empty block is the person's placeholder, not something to store
				body.add(out);
				index.add(at);
			}
		}
	}

	private static void marks(ObjectNode block, List<RichTextHtml.Mark> marks) {
		if (marks.isEmpty()) {
			return;
		}
		ArrayNode out = block.putArray("marks");
		for (RichTextHtml.Mark mark : marks) {
			ObjectNode m = out.addObject().put("type", mark.type()).put("start", mark.start()).put("end", mark.end());
			if (mark.href() != null) {
				m.put("href", mark.href());
			}
			if (mark.articleId() != null) {
				m.put("articleId", mark.articleId());
			}
		}
	}

	/** A plain field of a block, copied into {@code out} (when given) unless blank. */
	private static String field(JsonNode block, ObjectNode out, String name) {
		String value = blankToNull(block.path(name).asString("").strip());
		if (value != null && out != null) {
			out.put(name, value);
		}
		return value;
	}

	/**
	 * The PUT body: every editable field, so the stored story is what the person sees. {@code body}
	 * is the stored one when the form brought none.
	 */
	ObjectNode input(JsonNode storedBody) {
		ObjectNode input = JSON.createObjectNode();
		input.put("headline", this.headline == null ? null : this.headline.strip());
		input.put("standfirst", blankToNull(this.standfirst));
		if (this.slug != null) {
			input.put("slug", this.slug);
		}
		input.put("language", this.language == null ? "hr" : this.language);
		input.put("section", this.section);
		list(input.putArray("tags"), this.tags);
		list(input.putArray("authors"), this.authors);
		input.put("source", this.source);
		input.put("heroMediaId", this.heroMediaId);
		input.put("commentsOpen", this.commentsOpen);
		input.put("commentsCloseAt", this.commentsCloseAt);
		LocalDateTime embargoAt = this.embargo == null ? null : zoned(this.embargo);
		input.put("embargoUntil", embargoAt == null ? null : embargoAt.atZone(NEWSROOM).toOffsetDateTime().toString());
		if (this.body != null) {
			input.set("body", this.body);
		}
		else if (storedBody != null && storedBody.isArray()) {
			input.set("body", storedBody);
		}
		return input;
	}

	/** Whether the form carried a body (blocks or plain paragraphs). */
	boolean hasBody() {
		return this.body != null;
	}

	/** Which editor field an error of article-service's names ({@code body[3].marks[1].href} → {@code body[k]}). */
	String editorField(String apiField) {
		if (apiField.startsWith("body[")) {
			int close = apiField.indexOf(']');
			try {
				int n = Integer.parseInt(apiField.substring(5, close));
				return n < this.editorIndexOfBody.size() ? "body[" + this.editorIndexOfBody.get(n) + "]" : "body";
			}
			catch (RuntimeException ex) {
				return "body";
			}
		}
		if (apiField.startsWith("tags")) {
			return "tags";
		}
		if (apiField.startsWith("authors")) {
			return "authors";
		}
		if (apiField.equals("embargoUntil")) {
			return "embargo";
		}
		return apiField;
	}

	/** A {@code datetime-local} value as the newsroom's local time, or null when it is not one. */
	static LocalDateTime zoned(String value) {
		try {
			return LocalDateTime.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static void list(ArrayNode out, String commaSeparated) {
		if (commaSeparated == null) {
			return;
		}
		Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
	}

	private static String param(HttpServletRequest request, String name) {
		String value = request.getParameter(name);
		return value == null ? null : value.replace("\r\n", "\n");
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
