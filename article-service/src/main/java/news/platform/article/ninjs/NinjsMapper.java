package news.platform.article.ninjs;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import news.platform.article.importing.ImportedDraft;
import news.platform.article.importing.PlainTextImport;
import news.platform.article.importing.TextCleaner;
import news.platform.article.story.Block;
import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;

/**
 * Articles as IPTC ninjs 2.1 ("News in JSON") and back: the export validates against the official
 * schema, and an agency item in ninjs becomes a proposed draft. See docs/ninjs.md for the field
 * table.
 */
public final class NinjsMapper {

	/** The media type clients ask for with {@code Accept} and send with {@code Content-Type}. */
	public static final String MEDIA_TYPE = "application/ninjs+json";

	/** The ninjs {@code uri} of our articles: stable across slug changes, unlike a URL. */
	public static final String URI_PREFIX = "urn:newsplatform:article:";

	static final String MEDIA_URI_PREFIX = "urn:newsplatform:media:";

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final Pattern LANGUAGE = Pattern.compile("([a-zA-Z]{2,3})(?:[-_]([a-zA-Z]{2}))?(?:[-_].*)?");

	private static final Set<String> AUTHOR_RELATIONS = Set.of("author", "creator", "writer", "by", "byline");

	private static final Set<String> STANDFIRST_ROLES = Set.of("summary", "abstract", "lead", "standfirst", "text",
			"teaser", "description");

	private static final Pattern BYLINE_PREFIX = Pattern.compile("^(?i)(by|von|par|piše|pišu|autor|autorica)\\s*:?\\s+");

	// the article service's own limits, so an imported item never fails later as body[n] or tags
	private static final int HEADLINE_MAX = 300;

	private static final int STANDFIRST_MAX = 1000;

	private static final int SOURCE_MAX = 200;

	private static final int MAX_AUTHORS = 20;

	private static final int MAX_TAGS = 50;

	private static final int NAME_MAX = 100;

	private static final int MAX_BLOCKS = 2000;

	private static final int URI_MAX = 1000;

	private NinjsMapper() {
	}

	/** Loads the schema now (about half a second) rather than in the first import request. */
	public static void preload() {
		NinjsSchema.validate(NODES.objectNode().put("uri", "urn:preload"));
	}

	/** The article as a ninjs 2.1 document (valid against the official schema). */
	public static ObjectNode toNinjs(NinjsArticle article) {
		ObjectNode ninjs = NODES.objectNode();
		ninjs.put("uri", URI_PREFIX + article.id());
		ObjectNode standard = ninjs.putObject("standard");
		standard.put("name", "ninjs");
		standard.put("version", NinjsSchema.VERSION);
		standard.put("schema", NinjsSchema.ID);
		ninjs.put("type", "text");
		ninjs.put("representationtype", "full");
		ninjs.put("version", Long.toString(article.revision()));
		putTime(ninjs, "firstcreated", article.createdAt());
		putTime(ninjs, "versioncreated", article.updatedAt());
		putTime(ninjs, "embargoed", article.embargoUntil());
		ninjs.put("pubstatus", pubstatus(article.status()));
		if (article.language() != null) {
			ninjs.put("language", article.language());
		}
		if (article.slug() != null) {
			ninjs.put("slugline", article.slug());
		}
		textItem(ninjs.putArray("headlines"), "main", "text/plain", article.headline());
		ArrayNode descriptions = NODES.arrayNode();
		if (hasText(article.standfirst())) {
			textItem(descriptions, "summary", "text/plain", article.standfirst());
		}
		for (NinjsArticle.Correction correction : article.corrections()) {
			textItem(descriptions, "correction", "text/plain",
					DateTimeFormatter.ISO_INSTANT.format(correction.at()) + " " + correction.text());
		}
		if (!descriptions.isEmpty()) {
			ninjs.set("descriptions", descriptions);
		}
		bodies(ninjs, article);
		if (!article.authors().isEmpty()) {
			ninjs.put("by", String.join(", ", article.authors()));
			ArrayNode people = ninjs.putArray("people");
			for (String author : article.authors()) {
				people.addObject().put("name", author).put("rel", "author");
			}
		}
		if (hasText(article.section()) || !article.tags().isEmpty()) {
			ArrayNode subjects = ninjs.putArray("subjects");
			if (hasText(article.section())) {
				subjects.addObject().put("name", article.section()).put("rel", "section");
			}
			for (String tag : article.tags()) {
				subjects.addObject().put("name", tag).put("rel", "tag");
			}
		}
		if (hasText(article.source())) {
			ArrayNode infosources = ninjs.putArray("infosources");
			for (String source : article.source().split(",")) {
				if (!source.isBlank()) {
					infosources.addObject().put("name", source.strip()).put("role", "source");
				}
			}
		}
		if (article.slug() != null) {
			ninjs.putArray("altids").addObject().put("role", "slug").put("value", article.slug());
		}
		if (article.canonicalUrl() != null) {
			ninjs.putArray("renditions")
				.addObject()
				.put("name", "web")
				.put("href", article.canonicalUrl().toString())
				.put("contenttype", "text/html");
		}
		associations(ninjs, article);
		return ninjs;
	}

	private static void bodies(ObjectNode ninjs, NinjsArticle article) {
		ArrayNode bodies = ninjs.putArray("bodies");
		String plain = plainText(article.blocks());
		bodies.addObject()
			.put("role", "main")
			.put("contenttype", "text/html")
			.put("charcount", plain.replace("\n", "").length())
			.put("wordcount", article.wordCount())
			.put("value", HtmlBody.of(article.blocks(), article.mediaBaseUrl()));
		bodies.addObject()
			.put("role", "plaintext")
			.put("contenttype", "text/plain")
			.put("charcount", plain.replace("\n", "").length())
			.put("wordcount", article.wordCount())
			.put("value", plain);
	}

	/** The hero picture and each body picture, by media-service id, with a link to fetch it. */
	private static void associations(ObjectNode ninjs, NinjsArticle article) {
		ArrayNode associations = NODES.arrayNode();
		if (article.heroMediaId() != null) {
			picture(associations, "featureimage", article.heroMediaId(), null, null, article.mediaBaseUrl());
		}
		int n = 0;
		for (Block block : article.blocks()) {
			if (block instanceof Block.Image image && image.mediaId() != null) {
				picture(associations, "image" + (++n), image.mediaId(), image.caption(), image.credit(),
						article.mediaBaseUrl());
			}
		}
		if (!associations.isEmpty()) {
			ninjs.set("associations", associations);
		}
	}

	private static void picture(ArrayNode associations, String name, String mediaId, String caption, String credit,
			URI mediaBaseUrl) {
		ObjectNode picture = associations.addObject();
		picture.put("name", name);
		picture.put("uri", MEDIA_URI_PREFIX + mediaId);
		picture.put("type", "picture");
		if (hasText(caption)) {
			textItem(picture.putArray("descriptions"), "caption", "text/plain", caption);
		}
		if (hasText(credit)) {
			picture.put("by", credit);
		}
		if (mediaBaseUrl != null) {
			picture.putArray("renditions").addObject().put("name", "original").put("href", mediaUrl(mediaBaseUrl, mediaId));
		}
	}

	static String mediaUrl(URI base, String mediaId) {
		String prefix = base.toString();
		return (prefix.endsWith("/") ? prefix : prefix + "/")
				+ java.net.URLEncoder.encode(mediaId, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static String plainText(List<Block> blocks) {
		List<String> lines = new ArrayList<>();
		for (Block block : blocks) {
			String text = (block instanceof Block.RelatedLink related) ? related.title() : block.plainText();
			if (hasText(text)) {
				lines.add(text);
			}
		}
		return String.join("\n\n", lines);
	}

	/** usable: readers may see it; withheld: not (yet) public; canceled: taken down or deleted. */
	static String pubstatus(String status) {
		return switch (status == null ? "" : status) {
			case "PUBLISHED" -> "usable";
			case "UNPUBLISHED", "DELETED" -> "canceled";
			default -> "withheld";
		};
	}

	/**
	 * An agency item in ninjs 2.x as a proposed draft. The document is checked against the
	 * official schema first (unknown top-level properties set aside, see {@link #item}); then only
	 * text is taken: HTML bodies become paragraphs, headings, quotes and stand-alone links, and no
	 * markup survives.
	 * @throws ApiProblem 422 listing the JSON path of every violation; a {@code canceled} item is a
	 * kill notice, not a draft
	 */
	public static ImportedDraft fromNinjs(JsonNode document) {
		NinjsItem item = item(document);
		if (item.withdrawn()) {
			throw ApiProblem.invalidField("$.pubstatus", "a canceled item is a kill notice and is not imported");
		}
		if (item.draft() == null) {
			throw ApiProblem.invalidField("$.type", "only text items import as articles, not " + item.type());
		}
		return item.draft();
	}

	/**
	 * An agency item as the wire desk handles it: its identity ({@code uri}, {@code version},
	 * {@code versioncreated}), what the agency says about it ({@code pubstatus}), the properties
	 * set aside before the schema check, and the draft it proposes ({@code null} for a
	 * {@code canceled} item, which may carry no text at all).
	 * @throws ApiProblem 422 listing the JSON path of every violation of the core ninjs 2.1 schema
	 */
	public static NinjsItem item(JsonNode document) {
		if (document == null || !document.isObject()) {
			throw ApiProblem.invalidField("$", "a ninjs document is a JSON object");
		}
		NinjsSchema.Checked checked = NinjsSchema.validateCore(document);
		List<NinjsSchema.Violation> violations = checked.violations();
		if (!violations.isEmpty()) {
			ApiProblem problem = new ApiProblem(ProblemType.NINJS_INVALID,
					"Not a valid ninjs " + NinjsSchema.VERSION + " document: " + violations.size()
							+ " violation(s) of the schema, first at " + violations.get(0).path());
			violations.stream().limit(50).forEach((v) -> problem.withFieldError(v.path(), v.message()));
			throw problem;
		}
		String uri = string(document, "uri");
		if (!hasText(uri)) {
			// the schema requires uri; a blank one identifies nothing either
			throw ApiProblem.invalidField("$.uri", "the item's uri identifies its versions; it is required");
		}
		if (uri.length() > URI_MAX) {
			throw ApiProblem.invalidField("$.uri", "longer than " + URI_MAX + " characters");
		}
		String version = string(document, "version");
		if (version != null && version.length() > URI_MAX) {
			throw ApiProblem.invalidField("$.version", "longer than " + URI_MAX + " characters");
		}
		Instant versionCreated = lenientTime(string(document, "versioncreated"));
		String pubstatus = string(document, "pubstatus");
		String type = string(document, "type");
		if ("canceled".equals(pubstatus)) {
			return new NinjsItem(uri, version, versionCreated, pubstatus, type, checked.ignoredProperties(), null,
					null);
		}
		if ("picture".equals(type)) {
			return new NinjsItem(uri, version, versionCreated, pubstatus, type, checked.ignoredProperties(), null,
					picture(document, "$"));
		}
		if (type != null && !type.equals("text") && !type.equals("composite")) {
			throw ApiProblem.invalidField("$.type", "only text and picture items import, not " + type);
		}
		return new NinjsItem(uri, version, versionCreated, pubstatus, type, checked.ignoredProperties(),
				draft(document, uri), null, associations(document));
	}

	/** At most this many association pictures of one text item are fetched. */
	static final int MAX_ASSOCIATIONS = 10;

	/**
	 * A text item's {@code associations} of {@code type: picture} with an http(s) rendition, in
	 * order; the others (no rendition, another scheme, video) are left out here, before any request.
	 */
	private static List<NinjsItem.Association> associations(JsonNode document) {
		JsonNode associations = document.path("associations");
		List<NinjsItem.Association> pictures = new ArrayList<>();
		for (int i = 0; i < associations.size() && pictures.size() < MAX_ASSOCIATIONS; i++) {
			JsonNode association = associations.get(i);
			if (!"picture".equals(string(association, "type"))) {
				continue;
			}
			try {
				String uri = string(association, "uri");
				pictures.add(new NinjsItem.Association(string(association, "name"),
						hasText(uri) && uri.length() <= URI_MAX ? uri.strip() : null,
						picture(association, "$.associations[" + i + "]")));
			}
			catch (ApiProblem ex) {
				// nothing an agency lets us fetch: the story imports without it
			}
		}
		return pictures;
	}

	/**
	 * A picture item: the largest rendition (by width, else the first) with an address. Only
	 * http(s) addresses are ever handed on; anything else is refused here, before any request.
	 */
	private static NinjsItem.Picture picture(JsonNode document, String at) {
		JsonNode renditions = document.path("renditions");
		int chosen = -1;
		long width = -1;
		for (int i = 0; i < renditions.size(); i++) {
			String href = string(renditions.get(i), "href");
			String contentType = contentType(renditions.get(i));
			if (!hasText(href) || (!contentType.isEmpty() && !contentType.startsWith("image/"))) {
				// AP's items also list the caption as a text rendition
				continue;
			}
			long w = renditions.get(i).path("width").asLong(0);
			if (chosen < 0 || w > width) {
				chosen = i;
				width = w;
			}
		}
		if (chosen < 0) {
			throw ApiProblem.invalidField(at + ".renditions", "a picture item needs a rendition with an href");
		}
		String href = string(renditions.get(chosen), "href").strip();
		String path = at + ".renditions[" + chosen + "].href";
		String scheme = href.contains(":") ? href.substring(0, href.indexOf(':')).toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https")) {
			throw ApiProblem.invalidField(path, "only http and https pictures are fetched");
		}
		if (href.length() > 2000) {
			throw ApiProblem.invalidField(path, "longer than 2000 characters");
		}
		String caption = describedAs(document, "caption");
		if (caption == null) {
			Description description = standfirst(document);
			caption = description != null ? description.text() : null;
		}
		if (caption == null) {
			JsonNode headlines = document.path("headlines");
			caption = headlines.isEmpty() ? null : textOf(headlines.get(0));
		}
		String credit = describedAs(document, "creditline");
		if (credit == null) {
			credit = hasText(string(document, "by")) ? TextCleaner.cleanLine(string(document, "by"))
					: hasText(string(document, "copyrightholder"))
							? TextCleaner.cleanLine(string(document, "copyrightholder")) : null;
		}
		return new NinjsItem.Picture(href, path, caption == null ? null : clip(caption, 1000),
				credit == null ? null : clip(credit, 200));
	}

	private static ImportedDraft draft(JsonNode document, String uri) {
		Description description = standfirst(document);
		List<Block> blocks = body(document);
		String standfirst = description == null ? null : description.text();
		if (blocks.isEmpty() && description != null) {
			// some agencies (NTB's sample) send the lead only: it becomes the body
			blocks = List.of(new Block.Paragraph(description.text()));
			standfirst = null;
		}
		if (blocks.stream().noneMatch((block) -> block instanceof Block.Paragraph || block instanceof Block.ListBlock)) {
			throw ApiProblem.invalidField("$.bodies", "no text/html or text/plain body with article text");
		}
		if (blocks.size() > MAX_BLOCKS) {
			throw ApiProblem.invalidField("$.bodies", "more than " + MAX_BLOCKS + " paragraphs");
		}
		String headline = headline(document, blocks);
		if (standfirst != null && standfirst.length() > STANDFIRST_MAX) {
			throw ApiProblem.invalidField(description.path(), "longer than " + STANDFIRST_MAX + " characters");
		}
		Subjects subjects = subjects(document);
		return new ImportedDraft(headline, standfirst, blocks, source(document), language(string(document, "language")),
				authors(document), subjects.section(), subjects.tags(), uri, embargo(document));
	}

	/**
	 * The agency's embargo. The schema treats {@code format} as an annotation, so a malformed time
	 * passes it; an embargo that cannot be read is refused rather than dropped, since dropping it
	 * would let the story be published early.
	 */
	private static Instant embargo(JsonNode document) {
		String embargoed = string(document, "embargoed");
		if (embargoed == null) {
			return null;
		}
		Instant at = lenientTime(embargoed);
		if (at == null) {
			throw ApiProblem.invalidField("$.embargoed", "not a date-time with an offset (RFC 3339)");
		}
		return at;
	}

	/** An RFC 3339 time, to the millisecond as stored; {@code null} when absent or not readable. */
	private static Instant lenientTime(String value) {
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value.strip()).toInstant().truncatedTo(ChronoUnit.MILLIS);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** The text of the first description with {@code role}, or {@code null}. */
	private static String describedAs(JsonNode document, String role) {
		for (JsonNode description : document.path("descriptions")) {
			if (role.equalsIgnoreCase(string(description, "role"))) {
				String text = textOf(description);
				if (hasText(text)) {
					return text;
				}
			}
		}
		return null;
	}

	private static String headline(JsonNode document, List<Block> blocks) {
		JsonNode headlines = document.path("headlines");
		int chosen = -1;
		for (int i = 0; i < headlines.size(); i++) {
			String role = string(headlines.get(i), "role");
			if (chosen < 0 || "main".equals(role)) {
				if (hasText(textOf(headlines.get(i)))) {
					chosen = i;
					if ("main".equals(role)) {
						break;
					}
				}
			}
		}
		String headline;
		String path;
		if (chosen >= 0) {
			headline = textOf(headlines.get(chosen));
			path = "$.headlines[" + chosen + "].value";
		}
		else if (hasText(string(document, "title"))) {
			headline = TextCleaner.cleanLine(string(document, "title"));
			path = "$.title";
		}
		else {
			return PlainTextImport.headlineFrom(blocks);
		}
		if (headline.length() > HEADLINE_MAX) {
			throw ApiProblem.invalidField(path, "longer than " + HEADLINE_MAX + " characters");
		}
		return headline;
	}

	private static Description standfirst(JsonNode document) {
		JsonNode descriptions = document.path("descriptions");
		for (int i = 0; i < descriptions.size(); i++) {
			String role = string(descriptions.get(i), "role");
			if (role == null || STANDFIRST_ROLES.contains(role.toLowerCase(Locale.ROOT))) {
				String text = textOf(descriptions.get(i));
				if (hasText(text)) {
					return new Description(text, "$.descriptions[" + i + "].value");
				}
			}
		}
		return null;
	}

	/** The first HTML body, else the first plain-text one; other content types are skipped. */
	private static List<Block> body(JsonNode document) {
		JsonNode bodies = document.path("bodies");
		int plain = -1;
		for (int i = 0; i < bodies.size(); i++) {
			String contentType = contentType(bodies.get(i));
			if (contentType.equals("text/html") || contentType.equals("application/xhtml+xml")) {
				return HtmlBlocks.of(string(bodies.get(i), "value"));
			}
			if (plain < 0 && (contentType.isEmpty() || contentType.equals("text/plain"))) {
				plain = i;
			}
		}
		if (plain < 0) {
			return List.of();
		}
		String value = string(bodies.get(plain), "value");
		if (contentType(bodies.get(plain)).isEmpty() && value.strip().startsWith("<")) {
			return HtmlBlocks.of(value);
		}
		return PlainTextImport.bodyBlocks(value);
	}

	private static String contentType(JsonNode body) {
		String contentType = string(body, "contenttype");
		return contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
	}

	private static String textOf(JsonNode item) {
		String value = string(item, "value");
		if (value == null) {
			return null;
		}
		String contentType = contentType(item);
		return contentType.equals("text/html") ? HtmlBlocks.text(value) : TextCleaner.cleanLine(value);
	}

	private static String source(JsonNode document) {
		Set<String> names = new LinkedHashSet<>();
		for (JsonNode infosource : document.path("infosources")) {
			String name = hasText(string(infosource, "name")) ? string(infosource, "name") : string(infosource, "literal");
			if (hasText(name)) {
				names.add(TextCleaner.cleanLine(name));
			}
		}
		if (names.isEmpty() && hasText(string(document, "copyrightholder"))) {
			names.add(TextCleaner.cleanLine(string(document, "copyrightholder")));
		}
		String source = String.join(", ", names);
		if (source.length() > SOURCE_MAX) {
			source = source.substring(0, source.lastIndexOf(", ", SOURCE_MAX) > 0 ? source.lastIndexOf(", ", SOURCE_MAX)
					: SOURCE_MAX);
		}
		return source.isEmpty() ? null : source;
	}

	private static List<String> authors(JsonNode document) {
		Set<String> authors = new LinkedHashSet<>();
		for (JsonNode person : document.path("people")) {
			String rel = string(person, "rel");
			String name = string(person, "name");
			if (rel != null && AUTHOR_RELATIONS.contains(rel.toLowerCase(Locale.ROOT)) && hasText(name)) {
				authors.add(clip(TextCleaner.cleanLine(name), 200));
			}
		}
		if (authors.isEmpty() && hasText(string(document, "by"))) {
			String by = BYLINE_PREFIX.matcher(TextCleaner.cleanLine(string(document, "by"))).replaceFirst("");
			if (!by.isEmpty()) {
				authors.add(clip(by, 200));
			}
		}
		return authors.stream().limit(MAX_AUTHORS).toList();
	}

	private static Subjects subjects(JsonNode document) {
		String section = null;
		Set<String> tags = new LinkedHashSet<>();
		for (JsonNode subject : document.path("subjects")) {
			String name = hasText(string(subject, "name")) ? string(subject, "name") : string(subject, "literal");
			if (!hasText(name)) {
				continue;
			}
			name = clip(TextCleaner.cleanLine(name), NAME_MAX);
			if ("section".equals(string(subject, "rel")) && section == null) {
				section = name;
			}
			else {
				tags.add(name);
			}
		}
		return new Subjects(section, tags.stream().limit(MAX_TAGS).toList());
	}

	/** {@code hr}, {@code hr-HR}, {@code nb-NO}; anything else is left to the default. */
	static String language(String tag) {
		if (tag == null) {
			return null;
		}
		var matcher = LANGUAGE.matcher(tag.strip());
		if (!matcher.matches()) {
			return null;
		}
		String language = matcher.group(1).toLowerCase(Locale.ROOT);
		return matcher.group(2) == null ? language : language + "-" + matcher.group(2).toUpperCase(Locale.ROOT);
	}

	private static void textItem(ArrayNode array, String role, String contentType, String value) {
		array.addObject().put("role", role).put("contenttype", contentType).put("value", value == null ? "" : value);
	}

	private static void putTime(ObjectNode node, String field, Instant time) {
		if (time != null) {
			node.put(field, DateTimeFormatter.ISO_INSTANT.format(time));
		}
	}

	private static String string(JsonNode node, String field) {
		JsonNode value = node == null ? null : node.get(field);
		return value != null && value.isString() ? value.stringValue() : null;
	}

	private static String clip(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max).strip();
	}

	private static boolean hasText(String text) {
		return text != null && !text.isBlank();
	}

	private record Description(String text, String path) {
	}

	private record Subjects(String section, List<String> tags) {
	}

}
