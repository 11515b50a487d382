package news.platform.site.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** From the services' JSON to the site's records, leniently (see {@link Json}). */
final class Readers {

	private Readers() {
	}

	static Article article(JsonNode node) {
		List<Block> body = new ArrayList<>();
		for (JsonNode block : Json.array(node, "body")) {
			Block read = block(block);
			if (read != null) {
				body.add(read);
			}
		}
		List<Article.Correction> corrections = new ArrayList<>();
		for (JsonNode correction : Json.array(node, "corrections")) {
			String text = Json.text(correction, "text");
			if (text != null && !text.isBlank()) {
				corrections.add(new Article.Correction(Json.instant(correction, "at"), text));
			}
		}
		List<Article.Translation> translations = new ArrayList<>();
		for (JsonNode translation : Json.array(node, "translations")) {
			String language = Json.text(translation, "language");
			String url = Json.text(translation, "url");
			if (language != null && url != null) {
				translations.add(new Article.Translation(Json.text(translation, "id"), language, url));
			}
		}
		return new Article(Json.text(node, "id"), Json.text(node, "slug"), Json.text(node, "language"),
				Json.text(node, "headline"), Json.text(node, "standfirst"), List.copyOf(body), named(node, "authors"),
				section(node), named(node, "tags"), Json.text(node, "source"), Json.text(node, "heroMediaId"),
				Json.instant(node, "publishedAt"), Json.instant(node, "firstPublishedAt"),
				Json.instant(node, "updatedAt"), Json.integer(node, "wordCount", 0),
				Json.integer(node, "readingMinutes", 0), List.copyOf(corrections), List.copyOf(translations),
				Json.text(node, "url"));
	}

	static Teaser teaser(JsonNode node) {
		Map<String, String> highlights = new LinkedHashMap<>();
		JsonNode marks = node.get("highlights");
		if (marks != null && marks.isObject()) {
			for (Map.Entry<String, JsonNode> field : marks.properties()) {
				if (field.getValue().isString()) {
					highlights.put(field.getKey(), field.getValue().asString());
				}
			}
		}
		return new Teaser(Json.text(node, "id"), Json.text(node, "slug"), Json.text(node, "headline"),
				Json.text(node, "standfirst"), section(node), named(node, "tags"), named(node, "authors"),
				Json.text(node, "language"), Json.instant(node, "publishedAt"), Json.text(node, "heroMediaId"),
				Json.text(node, "url"), Map.copyOf(highlights));
	}

	/** A section as a slug, or (later shapes) an object with one. */
	private static String section(JsonNode node) {
		JsonNode value = node.get("section");
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isString()) {
			return value.asString();
		}
		String slug = Json.text(value, "slug");
		return slug != null ? slug : Json.text(value, "path");
	}

	/** Tags or authors: plain names today, objects with a name and a slug later. */
	static List<Named> named(JsonNode node, String field) {
		List<Named> names = new ArrayList<>();
		for (JsonNode item : Json.array(node, field)) {
			if (item.isString()) {
				if (!item.asString().isBlank()) {
					names.add(Named.of(item.asString()));
				}
				continue;
			}
			String name = Json.text(item, "name");
			if (name == null) {
				name = Json.text(item, "displayName");
			}
			if (name == null || name.isBlank()) {
				continue;
			}
			String slug = Json.text(item, "slug");
			names.add(slug != null && Slugs.isSlug(slug) ? new Named(name, slug) : Named.of(name));
		}
		return List.copyOf(names);
	}

	static Block block(JsonNode node) {
		String type = Json.text(node, "type");
		if (type == null) {
			return null;
		}
		return switch (type) {
			case "paragraph" -> {
				List<Inline> text = RichText.read(node, "text");
				yield text.isEmpty() ? null : new Block.Paragraph(text);
			}
			case "heading" -> {
				String text = Json.text(node, "text");
				int level = Json.integer(node, "level", 2);
				yield text == null || text.isBlank() ? null : new Block.Heading(level == 3 ? 3 : 2, text);
			}
			case "quote" -> {
				List<Inline> text = RichText.read(node, "text");
				yield text.isEmpty() ? null : new Block.Quote(text, Json.text(node, "attribution"));
			}
			case "list" -> {
				List<List<Inline>> items = new ArrayList<>();
				for (JsonNode item : Json.array(node, "items")) {
					List<Inline> text = item.isString() ? Inline.plain(item.asString()) : RichText.read(item, "text");
					if (!text.isEmpty()) {
						items.add(text);
					}
				}
				yield items.isEmpty() ? null : new Block.ListBlock(Json.bool(node, "ordered"), List.copyOf(items));
			}
			case "image" -> {
				String mediaId = Json.text(node, "mediaId");
				yield mediaId == null ? null
						: new Block.Image(mediaId, Json.text(node, "caption"), Json.text(node, "credit"),
								Json.text(node, "alt"));
			}
			case "embed" -> {
				String url = RichText.safeHref(Json.text(node, "url"));
				yield url == null ? null : new Block.Embed(url, Json.text(node, "provider"), Json.text(node, "title"));
			}
			case "related" -> {
				String articleId = Json.text(node, "articleId");
				String url = RichText.safeHref(Json.text(node, "url"));
				yield articleId == null && url == null ? null
						: new Block.Related(articleId, url, Json.text(node, "title"));
			}
			default -> null;
		};
	}

	static Picture picture(JsonNode node) {
		Map<String, String> renditions = new LinkedHashMap<>();
		JsonNode links = node.get("renditions");
		if (links != null && links.isObject()) {
			for (Map.Entry<String, JsonNode> link : links.properties()) {
				if (link.getValue().isString()) {
					renditions.put(link.getKey(), link.getValue().asString());
				}
			}
		}
		String colour = Json.text(node, "dominantColour");
		if (colour != null && !colour.matches("#[0-9a-fA-F]{6}")) {
			colour = null;
		}
		return new Picture(Json.text(node, "id"), Json.integer(node, "width", 0), Json.integer(node, "height", 0),
				Json.text(node, "alt"), Json.text(node, "caption"), Json.text(node, "credit"), colour,
				Json.text(node, "blurHash"), Map.copyOf(renditions));
	}

	/**
	 * A section of {@code GET /api/v1/sections}: its slug, name and path ({@code vijesti/hrvatska});
	 * the parent is the path's first segment.
	 */
	static Section sectionOf(JsonNode node) {
		String slug = Json.text(node, "slug");
		String name = Json.text(node, "name");
		if (slug == null || name == null || !Slugs.isSlug(slug)) {
			return null;
		}
		String path = Json.text(node, "path");
		if (path == null || !path.matches("[a-z0-9-]+(/[a-z0-9-]+)?")) {
			path = slug;
		}
		int slash = path.indexOf('/');
		String parent = slash < 0 ? null : path.substring(0, slash);
		return new Section(slug, name, path, parent, Json.text(node, "description"), Json.integer(node, "position", 0));
	}

}
