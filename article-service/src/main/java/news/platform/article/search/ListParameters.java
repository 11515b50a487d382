package news.platform.article.search;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;

/**
 * The query parameters of the list and search endpoints, checked strictly: an unknown parameter,
 * a repeated one or a malformed value is refused with a problem naming it, so a typo
 * ({@code sectoin=}) never silently answers an unfiltered list.
 */
record ListParameters(ArticleIndex.Filters filters, String q, Set<String> fields, int limit, PageCursor cursor) {

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 50;

	static final String HIGHLIGHTS = "highlights";

	/** What a list item may contain; {@code id} is always there. */
	static final List<String> ITEM_FIELDS = List.of("id", "slug", "headline", "standfirst", "section", "tags",
			"authors", "language", "publishedAt", "heroMediaId");

	private static final Set<String> LIST_PARAMETERS = Set.of("section", "tag", "author", "language", "from", "to",
			"fields", "limit", "cursor");

	private static final Set<String> SEARCH_PARAMETERS = Set.of("q", "section", "tag", "author", "language", "from",
			"to", "fields", "limit", "cursor");

	private static final int MAX_VALUE_LENGTH = 200;

	private static final int MAX_QUERY_LENGTH = 500;

	static ListParameters forList(Map<String, List<String>> parameters) {
		return parse(parameters, false);
	}

	static ListParameters forSearch(Map<String, List<String>> parameters) {
		return parse(parameters, true);
	}

	private static ListParameters parse(Map<String, List<String>> parameters, boolean search) {
		Set<String> known = search ? SEARCH_PARAMETERS : LIST_PARAMETERS;
		for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
			if (!known.contains(parameter.getKey())) {
				throw invalid(parameter.getKey(), "unknown parameter; known: " + String.join(", ", sorted(known)));
			}
			if (parameter.getValue().size() > 1) {
				throw invalid(parameter.getKey(), "given more than once");
			}
		}
		String q = null;
		if (search) {
			q = text(parameters, "q", MAX_QUERY_LENGTH);
			if (q == null || q.isBlank()) {
				throw ApiProblem.of(ProblemType.MISSING_PARAMETER, "q: a search needs words")
					.withFieldError("q", "required, not blank");
			}
		}
		Instant from = instant(parameters, "from");
		Instant to = instant(parameters, "to");
		if (from != null && to != null && !from.isBefore(to)) {
			throw invalid("to", "must be after from");
		}
		ArticleIndex.Filters filters = new ArticleIndex.Filters(text(parameters, "section", MAX_VALUE_LENGTH),
				text(parameters, "tag", MAX_VALUE_LENGTH), text(parameters, "author", MAX_VALUE_LENGTH),
				text(parameters, "language", MAX_VALUE_LENGTH), from, to);
		return new ListParameters(filters, q, fields(parameters, search), limit(parameters), cursor(parameters,
				search ? PageCursor.Kind.SEARCH : PageCursor.Kind.LIST));
	}

	private static Set<String> fields(Map<String, List<String>> parameters, boolean search) {
		String value = text(parameters, "fields", MAX_VALUE_LENGTH);
		Set<String> fields = new LinkedHashSet<>();
		fields.add("id");
		if (value == null) {
			fields.addAll(ITEM_FIELDS);
			if (search) {
				fields.add(HIGHLIGHTS);
			}
			return fields;
		}
		for (String name : value.split(",", -1)) {
			String field = name.strip();
			boolean allowed = ITEM_FIELDS.contains(field) || (search && HIGHLIGHTS.equals(field));
			if (!allowed) {
				throw invalid("fields", "unknown field '" + shorten(field) + "'; allowed: " + String.join(",", ITEM_FIELDS)
						+ (search ? "," + HIGHLIGHTS : ""));
			}
			fields.add(field);
		}
		return fields;
	}

	private static int limit(Map<String, List<String>> parameters) {
		String value = text(parameters, "limit", 10);
		if (value == null) {
			return DEFAULT_LIMIT;
		}
		int limit;
		try {
			limit = Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
		}
		// refused rather than clamped: a client asking for 500 should learn it gets 50
		if (limit < 1 || limit > MAX_LIMIT) {
			throw invalid("limit", "must be from 1 to " + MAX_LIMIT);
		}
		return limit;
	}

	private static PageCursor cursor(Map<String, List<String>> parameters, PageCursor.Kind kind) {
		String value = text(parameters, "cursor", 400);
		if (value == null) {
			return null;
		}
		try {
			return PageCursor.decode(value, kind);
		}
		catch (IllegalArgumentException ex) {
			throw invalid("cursor", "not a cursor this endpoint issued (take nextCursor from the previous page)");
		}
	}

	private static Instant instant(Map<String, List<String>> parameters, String name) {
		String value = text(parameters, name, 64);
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw invalid(name, "must be an ISO-8601 date-time with an offset, e.g. 2026-11-25T08:00:00+01:00");
		}
	}

	private static String text(Map<String, List<String>> parameters, String name, int maxLength) {
		List<String> values = parameters.get(name);
		if (values == null || values.isEmpty() || values.get(0) == null) {
			return null;
		}
		String value = values.get(0);
		if (value.isEmpty()) {
			throw invalid(name, "empty");
		}
		if (value.length() > maxLength) {
			throw invalid(name, "longer than " + maxLength + " characters");
		}
		for (int i = 0; i < value.length(); i++) {
			if (Character.isISOControl(value.charAt(i))) {
				throw invalid(name, "contains control characters");
			}
		}
		return value;
	}

	private static ApiProblem invalid(String field, String message) {
		return ApiProblem.of(ProblemType.INVALID_PARAMETER, field + ": " + message).withFieldError(field, message);
	}

	private static String shorten(String value) {
		return value.length() > 40 ? value.substring(0, 40) + "…" : value;
	}

	private static List<String> sorted(Set<String> names) {
		return names.stream().sorted().toList();
	}

}
