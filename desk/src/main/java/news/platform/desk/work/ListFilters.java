package news.platform.desk.work;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The filters of a list page, checked before anything is asked of a service: text, section, tag,
 * author and the keyset cursor of the next page. A value that breaks a rule is named, and nothing
 * is asked.
 *
 * @param q words to find (the search endpoint), at most 200 characters
 * @param section a section path ({@code vijesti/hrvatska})
 * @param tag a tag
 * @param author an author's id or name
 * @param cursor the next page's cursor, as article-service gave it
 */
record ListFilters(String q, String section, String tag, String author, String cursor) {

	private static final Pattern SECTION = Pattern.compile("[\\p{L}\\p{N}-]{1,60}(/[\\p{L}\\p{N}-]{1,60})?");

	private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_=-]{1,512}");

	static ListFilters of(String q, String section, String tag, String author, String cursor) {
		return new ListFilters(blankToNull(q), blankToNull(section), blankToNull(tag), blankToNull(author),
				blankToNull(cursor));
	}

	/** The first rule a value breaks, as field → bundle key; empty when all are fine. */
	Map<String, String> problems() {
		Map<String, String> problems = new LinkedHashMap<>();
		check(problems, "q", this.q, 200);
		check(problems, "tag", this.tag, 100);
		check(problems, "author", this.author, 100);
		if (this.section != null && !SECTION.matcher(this.section).matches()) {
			problems.put("section", "filter.invalid.section");
		}
		if (this.cursor != null && !CURSOR.matcher(this.cursor).matches()) {
			problems.put("cursor", "filter.invalid.cursor");
		}
		return problems;
	}

	boolean searching() {
		return this.q != null;
	}

	/** The filters as article-service's query parameters (after the list's own). */
	String query() {
		StringBuilder query = new StringBuilder();
		append(query, "q", this.q);
		append(query, "section", this.section);
		append(query, "tag", this.tag);
		append(query, "author", this.author);
		append(query, "cursor", this.cursor);
		return query.toString();
	}

	/** The filters without the cursor, for the desk's own links (the next page adds its cursor). */
	String pageQuery() {
		StringBuilder query = new StringBuilder();
		append(query, "q", this.q);
		append(query, "section", this.section);
		append(query, "tag", this.tag);
		append(query, "author", this.author);
		return query.toString();
	}

	private static void check(Map<String, String> problems, String field, String value, int max) {
		if (value == null) {
			return;
		}
		if (value.length() > max) {
			problems.put(field, "filter.invalid.too-long");
			return;
		}
		if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
			problems.put(field, "filter.invalid.characters");
		}
	}

	private static void append(StringBuilder query, String name, String value) {
		if (value != null) {
			query.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
