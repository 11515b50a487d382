package news.platform.desk.taxonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import news.platform.desk.upstream.ArticleService;

/**
 * The editor shows authors by name, and article-service takes an author's profile id or slug:
 * before a save, each name in {@code authors} that is not already a slug is looked up in the
 * authors' autocomplete and replaced by the slug of the one profile with exactly that name. A
 * name no profile (or several) has is sent as typed, and article-service's refusal naming
 * {@code authors[i]} marks the field.
 */
@Component
public class Bylines {

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

	private final ArticleService articles;

	Bylines(ArticleService articles) {
		this.articles = articles;
	}

	/** Replaces names by slugs in {@code input.authors}, in place. */
	public void resolve(ObjectNode input) {
		JsonNode authors = input.path("authors");
		if (!authors.isArray() || authors.isEmpty()) {
			return;
		}
		List<String> resolved = new ArrayList<>();
		for (JsonNode author : authors) {
			resolved.add(slugOf(author.asString("")));
		}
		ArrayNode array = input.putArray("authors");
		resolved.forEach(array::add);
	}

	private String slugOf(String text) {
		String name = text.strip();
		if (name.isEmpty() || SLUG.matcher(name).matches() || !Suggestions.acceptable(name)) {
			return name;
		}
		String firstWord = name.split("\\s+")[0];
		try {
			String found = null;
			for (JsonNode item : this.articles.authors(firstWord, 50).path("items")) {
				if (item.path("name").asString("").strip().toLowerCase(Locale.ROOT)
					.equals(name.toLowerCase(Locale.ROOT))) {
					if (found != null) {
						return name;
					}
					found = item.path("slug").asString(null);
				}
			}
			return found == null ? name : found;
		}
		catch (ArticleService.Refused ex) {
			return name;
		}
	}

}
