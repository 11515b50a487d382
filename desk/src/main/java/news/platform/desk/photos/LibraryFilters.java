package news.platform.desk.photos;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The library's filters, checked before anything is asked of media-service: words, uploader
 * ({@code me} or an account id), tag, upload dates (from, to, as days) and "unused only".
 */
public record LibraryFilters(String q, String uploader, String tag, String from, String to, boolean unused,
		String cursor) {

	private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

	private static final Pattern UPLOADER = Pattern.compile("[A-Za-z0-9._@:-]{1,100}");

	private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_=-]{1,512}");

	static LibraryFilters of(String q, String uploader, String tag, String from, String to, String unused,
			String cursor) {
		return new LibraryFilters(blank(q), blank(uploader), blank(tag), blank(from), blank(to), "true".equals(unused),
				blank(cursor));
	}

	/** field → bundle key of the first rule each value breaks. */
	Map<String, String> problems() {
		Map<String, String> problems = new LinkedHashMap<>();
		text(problems, "q", this.q, 200);
		text(problems, "tag", this.tag, 100);
		if (this.uploader != null && !UPLOADER.matcher(this.uploader).matches()) {
			problems.put("uploader", "photos.invalid.uploader");
		}
		date(problems, "from", this.from);
		date(problems, "to", this.to);
		if (!problems.containsKey("from") && !problems.containsKey("to") && this.from != null && this.to != null
				&& this.from.compareTo(this.to) > 0) {
			problems.put("to", "photos.invalid.order");
		}
		if (this.cursor != null && !CURSOR.matcher(this.cursor).matches()) {
			problems.put("cursor", "photos.invalid.cursor");
		}
		return problems;
	}

	/** media-service's query; {@code to} is a day: media-service reads a date as up to its end. */
	String query(int limit) {
		StringBuilder query = new StringBuilder("limit=" + limit);
		append(query, "q", this.q);
		append(query, "uploader", this.uploader);
		append(query, "tag", this.tag);
		append(query, "from", this.from);
		append(query, "to", this.to);
		if (this.unused) {
			query.append("&unused=true");
		}
		append(query, "cursor", this.cursor);
		return query.toString();
	}

	/** The filters without the cursor, for the next page's link. */
	public String pageQuery() {
		StringBuilder query = new StringBuilder();
		append(query, "q", this.q);
		append(query, "uploader", this.uploader);
		append(query, "tag", this.tag);
		append(query, "from", this.from);
		append(query, "to", this.to);
		if (this.unused) {
			query.append("&unused=true");
		}
		return query.toString();
	}

	private static void text(Map<String, String> problems, String field, String value, int max) {
		if (value == null) {
			return;
		}
		if (value.length() > max) {
			problems.put(field, "photos.invalid.too-long");
		}
		else if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
			problems.put(field, "photos.invalid.characters");
		}
	}

	private static void date(Map<String, String> problems, String field, String value) {
		if (value == null) {
			return;
		}
		try {
			if (!DATE.matcher(value).matches()) {
				throw new IllegalArgumentException();
			}
			java.time.LocalDate.parse(value);
		}
		catch (RuntimeException ex) {
			problems.put(field, "photos.invalid.date");
		}
	}

	private static void append(StringBuilder query, String name, String value) {
		if (value != null) {
			query.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		}
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
