package news.platform.desk.taxonomy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * The word being typed in a comma-separated field (the text after its last comma) and the
 * suggestions for it from article-service's autocomplete answer.
 */
final class Suggestions {

	/** article-service refuses a longer prefix; the desk asks nothing then. */
	static final int MAX_PREFIX = 100;

	private Suggestions() {
	}

	/** The term after the field's last comma, trimmed; empty when there is none. */
	static String term(String field) {
		if (field == null) {
			return "";
		}
		int comma = field.lastIndexOf(',');
		return field.substring(comma + 1).strip();
	}

	/** A term the desk may send as {@code prefix}: no control characters, at most 100 characters. */
	static boolean acceptable(String term) {
		return term.length() <= MAX_PREFIX && term.codePoints().noneMatch(Character::isISOControl);
	}

	/** Tags: a tag is chosen by its name, which article-service takes back (and makes on first use). */
	static List<Suggestion> tags(JsonNode answer) {
		List<Suggestion> all = new ArrayList<>();
		for (JsonNode item : answer.path("items")) {
			String name = item.path("name").asString("");
			if (!name.isEmpty()) {
				all.add(new Suggestion(name, name, item.path("slug").asString("")));
			}
		}
		return all;
	}

	/**
	 * Authors: chosen by name (the field shows names); a name two suggested profiles share is put
	 * in as the profile's slug, which says which one.
	 */
	static List<Suggestion> authors(JsonNode answer) {
		Map<String, Integer> names = new HashMap<>();
		for (JsonNode item : answer.path("items")) {
			names.merge(item.path("name").asString("").toLowerCase(java.util.Locale.ROOT), 1, Integer::sum);
		}
		List<Suggestion> all = new ArrayList<>();
		for (JsonNode item : answer.path("items")) {
			String name = item.path("name").asString("");
			String slug = item.path("slug").asString("");
			if (name.isEmpty() || slug.isEmpty()) {
				continue;
			}
			boolean shared = names.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), 0) > 1;
			all.add(new Suggestion(shared ? slug : name, name, slug));
		}
		return all;
	}

}
