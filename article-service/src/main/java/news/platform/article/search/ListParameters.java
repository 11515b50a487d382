package news.platform.article.search;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import news.platform.article.access.Caller;
import news.platform.article.agency.AgencyLists;
import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;

/**
 * The query parameters of the list and search endpoints, checked strictly: an unknown parameter,
 * a repeated one or a malformed value is refused with a problem naming it, so a typo
 * ({@code sectoin=}) never silently answers an unfiltered list. The staff parameters ({@code status},
 * {@code owner}, {@code updatedAfter}, {@code updatedBefore}, {@code sort}, {@code returned},
 * {@code agency}) are
 * checked first for what they say (400), then for who may use them (403): readers get the list they
 * always got.
 */
record ListParameters(ArticleIndex.Filters filters, String q, Set<String> fields, int limit, PageCursor cursor,
		ArticleIndex.Order order, List<String> ids) {

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 50;

	static final int MAX_IDS = 100;

	static final String HIGHLIGHTS = "highlights";

	/** What a list item may contain; {@code id} is always there. */
	static final List<String> ITEM_FIELDS = List.of("id", "slug", "headline", "standfirst", "section", "tags",
			"authors", "language", "publishedAt", "heroMediaId", "url");

	/** What only staff items show. */
	static final List<String> STAFF_FIELDS = List.of("status", "ownerId", "updatedAt", "scheduledAt", "returned");

	static final List<String> STATUSES = List.of("draft", "in_review", "scheduled", "published", "unpublished");

	private static final Set<String> STAFF_PARAMETERS = Set.of("status", "owner", "updatedAfter", "updatedBefore",
			"sort", "returned", "agency");

	private static final Set<String> LIST_PARAMETERS = Set.of("section", "tag", "author", "language", "from", "to",
			"fields", "limit", "cursor", "ids", "status", "owner", "updatedAfter", "updatedBefore", "sort", "returned",
			"agency");

	private static final Set<String> SEARCH_PARAMETERS = Set.of("q", "section", "tag", "author", "language", "from",
			"to", "fields", "limit", "cursor", "status", "owner", "updatedAfter", "updatedBefore", "returned", "agency");

	/** May be given more than once (each value, or a comma-separated list). */
	private static final Set<String> REPEATABLE = Set.of("status", "ids");

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}");

	private static final int MAX_VALUE_LENGTH = 200;

	private static final int MAX_QUERY_LENGTH = 500;

	static ListParameters forList(Map<String, List<String>> parameters, Caller caller) {
		return parse(parameters, false, caller);
	}

	static ListParameters forSearch(Map<String, List<String>> parameters, Caller caller) {
		return parse(parameters, true, caller);
	}

	/** Readers' lists, as before staff parameters existed (tests and tools). */
	static ListParameters forList(Map<String, List<String>> parameters) {
		return parse(parameters, false, Caller.ANONYMOUS);
	}

	static ListParameters forSearch(Map<String, List<String>> parameters) {
		return parse(parameters, true, Caller.ANONYMOUS);
	}

	/** {@code owner=me} or an id, for the counts; journalists only their own (403). */
	static String owner(Map<String, List<String>> parameters, Caller caller) {
		for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
			if (!"owner".equals(parameter.getKey())) {
				throw invalid(parameter.getKey(), "unknown parameter; known: owner");
			}
			if (parameter.getValue().size() > 1) {
				throw invalid(parameter.getKey(), "given more than once");
			}
		}
		return owner(text(parameters, "owner", MAX_VALUE_LENGTH), caller);
	}

	/** The same request with its filters resolved ({@link ArticleIndex.Filters#withKeys}). */
	ListParameters withFilters(ArticleIndex.Filters resolved) {
		return new ListParameters(resolved, this.q, this.fields, this.limit, this.cursor, this.order, this.ids);
	}

	private static ListParameters parse(Map<String, List<String>> parameters, boolean search, Caller caller) {
		Set<String> known = search ? SEARCH_PARAMETERS : LIST_PARAMETERS;
		for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
			if (!known.contains(parameter.getKey())) {
				throw invalid(parameter.getKey(), "unknown parameter; known: " + String.join(", ", sorted(known)));
			}
			if (parameter.getValue().size() > 1 && !REPEATABLE.contains(parameter.getKey())) {
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
		// what the staff parameters say, then whether the caller may use them
		Set<String> statuses = statuses(parameters);
		String ownerValue = text(parameters, "owner", MAX_VALUE_LENGTH);
		Instant updatedAfter = instant(parameters, "updatedAfter");
		Instant updatedBefore = instant(parameters, "updatedBefore");
		if (updatedAfter != null && updatedBefore != null && !updatedAfter.isBefore(updatedBefore)) {
			throw invalid("updatedBefore", "must be after updatedAfter");
		}
		ArticleIndex.Order order = order(parameters);
		Boolean returned = bool(parameters, "returned");
		String agency = agency(parameters);
		for (String name : STAFF_PARAMETERS) {
			if (parameters.containsKey(name) && !caller.isStaff()) {
				throw ApiProblem.of(ProblemType.FORBIDDEN, name + ": for newsroom staff only")
					.withFieldError(name, "for newsroom staff only");
			}
		}
		String owner = ownerValue == null ? null : owner(ownerValue, caller);
		List<String> ids = ids(parameters);
		if (ids != null) {
			for (String alone : List.of("cursor", "limit", "sort")) {
				if (parameters.containsKey(alone)) {
					throw invalid(alone, "not with ids (ids answers every article asked for, in that order)");
				}
			}
		}
		if (order == null) {
			order = caller.isStaff() ? ArticleIndex.Order.UPDATED : ArticleIndex.Order.PUBLISHED;
		}
		ArticleIndex.Filters filters = new ArticleIndex.Filters(text(parameters, "section", MAX_VALUE_LENGTH),
				text(parameters, "tag", MAX_VALUE_LENGTH), text(parameters, "author", MAX_VALUE_LENGTH),
				language(parameters), from, to, statuses, owner, updatedAfter,
				updatedBefore, returned, null, null, agency);
		PageCursor.Kind kind = search ? PageCursor.Kind.SEARCH : switch (order) {
			case PUBLISHED -> PageCursor.Kind.LIST;
			case UPDATED -> PageCursor.Kind.UPDATED;
			case SCHEDULED -> PageCursor.Kind.SCHEDULED;
		};
		return new ListParameters(filters, q, fields(parameters, search, caller.isStaff()), limit(parameters),
				cursor(parameters, kind), search ? null : order, ids);
	}

	private static Set<String> statuses(Map<String, List<String>> parameters) {
		List<String> values = parameters.get("status");
		if (values == null) {
			return null;
		}
		Set<String> statuses = new LinkedHashSet<>();
		for (String value : values) {
			if (value == null || value.isEmpty()) {
				throw invalid("status", "empty");
			}
			for (String part : value.split(",", -1)) {
				String status = part.strip().toLowerCase(Locale.ROOT);
				if (!STATUSES.contains(status)) {
					throw invalid("status", "unknown status '" + shorten(part) + "'; one of " + String.join(", ", STATUSES));
				}
				statuses.add(status.toUpperCase(Locale.ROOT));
			}
		}
		return Set.copyOf(statuses);
	}

	/** {@code pending-update} or {@code withdrawn}: the agency list (AgencyLists.VALUES). */
	private static String agency(Map<String, List<String>> parameters) {
		String value = text(parameters, "agency", 40);
		if (value != null && !AgencyLists.VALUES.contains(value)) {
			throw invalid("agency", "unknown agency list '" + shorten(value) + "'; one of "
					+ String.join(", ", AgencyLists.VALUES));
		}
		return value;
	}

	private static ArticleIndex.Order order(Map<String, List<String>> parameters) {
		String value = text(parameters, "sort", 20);
		if (value == null) {
			return null;
		}
		return switch (value) {
			case "published" -> ArticleIndex.Order.PUBLISHED;
			case "updated" -> ArticleIndex.Order.UPDATED;
			case "scheduled" -> ArticleIndex.Order.SCHEDULED;
			default -> throw invalid("sort", "unknown sort '" + shorten(value) + "'; one of updated, scheduled, published");
		};
	}

	private static Boolean bool(Map<String, List<String>> parameters, String name) {
		String value = text(parameters, name, 5);
		if (value == null) {
			return null;
		}
		return switch (value) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> throw invalid(name, "true or false");
		};
	}

	/** {@code me} is the caller; a journalist may name only themselves (403 otherwise). */
	private static String owner(String value, Caller caller) {
		if (value == null) {
			return null;
		}
		if (!caller.isStaff()) {
			throw ApiProblem.of(ProblemType.FORBIDDEN, "owner: for newsroom staff only")
				.withFieldError("owner", "for newsroom staff only");
		}
		String owner = "me".equals(value) ? caller.subject() : value;
		if (!caller.isEditor() && !owner.equals(caller.subject())) {
			throw ApiProblem.of(ProblemType.FORBIDDEN, "owner: journalists list their own work (owner=me)")
				.withFieldError("owner", "journalists list only their own work");
		}
		return owner;
	}

	private static List<String> ids(Map<String, List<String>> parameters) {
		List<String> values = parameters.get("ids");
		if (values == null) {
			return null;
		}
		List<String> ids = new ArrayList<>();
		for (String value : values) {
			if (value == null || value.isEmpty()) {
				throw invalid("ids", "empty");
			}
			for (String part : value.split(",", -1)) {
				String id = part.strip();
				if (!ID.matcher(id).matches()) {
					throw invalid("ids", "'" + shorten(id) + "' is not an article id");
				}
				if (!ids.contains(id)) {
					ids.add(id);
				}
				if (ids.size() > MAX_IDS) {
					throw invalid("ids", "at most " + MAX_IDS + " ids");
				}
			}
		}
		return List.copyOf(ids);
	}

	private static Set<String> fields(Map<String, List<String>> parameters, boolean search, boolean staff) {
		String value = text(parameters, "fields", MAX_VALUE_LENGTH);
		Set<String> fields = new LinkedHashSet<>();
		fields.add("id");
		if (value == null) {
			fields.addAll(ITEM_FIELDS);
			if (staff) {
				fields.addAll(STAFF_FIELDS);
			}
			if (search) {
				fields.add(HIGHLIGHTS);
			}
			return fields;
		}
		for (String name : value.split(",", -1)) {
			String field = name.strip();
			boolean allowed = ITEM_FIELDS.contains(field) || (staff && STAFF_FIELDS.contains(field))
					|| (search && HIGHLIGHTS.equals(field));
			if (!allowed) {
				throw invalid("fields", "unknown field '" + shorten(field) + "'; allowed: " + String.join(",", ITEM_FIELDS)
						+ (staff ? "," + String.join(",", STAFF_FIELDS) : "") + (search ? "," + HIGHLIGHTS : ""));
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
			throw invalid("cursor", "not a cursor this endpoint issued for this order (take nextCursor from the previous page)");
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

	/**
	 * A language's primary subtag, as BCP 47 writes it: two or three letters ({@code hr},
	 * {@code en}); matches articles tagged with it and with a region ({@code en-GB}).
	 */
	private static String language(Map<String, List<String>> parameters) {
		String value = text(parameters, "language", MAX_VALUE_LENGTH);
		if (value != null && !LANGUAGE.matcher(value).matches()) {
			throw invalid("language", "a language code of two or three letters, such as hr or en");
		}
		return value == null ? null : value.toLowerCase(java.util.Locale.ROOT);
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
