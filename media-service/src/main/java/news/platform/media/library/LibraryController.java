package news.platform.media.library;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;
import news.platform.media.item.Caller;
import news.platform.media.item.MediaEditing;
import news.platform.media.item.MediaItem;
import news.platform.media.item.MediaView;
import news.platform.media.item.MediaViews;
import news.platform.media.item.MetadataLimits;

/**
 * {@code GET /api/v1/media}: the photo library for staff (text search and filters over the
 * in-process index, newest first, keyset pages), and {@code ids=} for anyone (up to 100 items by
 * key, for a page that shows many pictures). Every item is answered as {@code GET
 * /api/v1/media/{id}} shows it to the same caller.
 */
@RestController
@RequestMapping(path = "/api/v1/media", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Photo library", description = "Search and filters (staff); many items by id (anyone)")
class LibraryController {

	static final int MAX_IDS = 100;

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 100;

	static final int MAX_QUERY_LENGTH = 200;

	static final ZoneId NEWSROOM_ZONE = ZoneId.of("Europe/Zagreb");

	static final Map<String, String> TYPES = Map.of("jpeg", "jpeg", "jpg", "jpeg", "png", "png", "webp", "webp",
			"gif", "gif", "image/jpeg", "jpeg", "image/png", "png", "image/webp", "webp", "image/gif", "gif");

	private static final List<String> SEARCH_PARAMETERS = List.of("q", "uploader", "tag", "from", "to", "type",
			"unused", "cursor", "limit");

	private final LibraryIndex index;

	private final LibraryMaintenance maintenance;

	private final LibraryItems items;

	private final MediaViews views;

	LibraryController(LibraryIndex index, LibraryMaintenance maintenance, LibraryItems items, MediaViews views) {
		this.index = index;
		this.maintenance = maintenance;
		this.items = items;
		this.views = views;
	}

	/** A page of the library: items newest first, {@code next} for the following page (absent on the last). */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record LibraryPage(List<MediaView> items, String next) {
	}

	/** Items by id, in the order asked; {@code missing}: ids with no item (never existed, deleted, malformed). */
	record ItemsById(List<MediaView> items, List<String> missing) {
	}

	@GetMapping
	@Operation(summary = "The photo library (staff): q, uploader, tag, from, to, type, unused, newest first, keyset "
			+ "cursor; or ids=a,b,… (anyone, up to 100) answered as GET /api/v1/media/{id} answers that caller")
	ResponseEntity<?> library(HttpServletRequest request, HttpServletResponse response,
			@Parameter(description = "comma-separated item ids, at most 100; not combined with the other parameters") @RequestParam(required = false) String ids,
			@Parameter(description = "words in caption, alt text, credit, tags or file name (all must match; Croatian: "
					+ "cacak finds Čačku)") @RequestParam(required = false) String q,
			@Parameter(description = "the uploader's user id, or me") @RequestParam(required = false) String uploader,
			@Parameter(description = "a whole tag, however cased or accented") @RequestParam(required = false) String tag,
			@Parameter(description = "uploaded at or after: an ISO-8601 instant, or a date (start of that day, Europe/Zagreb)") @RequestParam(required = false) String from,
			@Parameter(description = "uploaded before: an ISO-8601 instant, or a date (up to the end of that day, Europe/Zagreb)") @RequestParam(required = false) String to,
			@Parameter(description = "jpeg, png, webp or gif") @RequestParam(required = false) String type,
			@Parameter(description = "true: no article names the item (drafts included); false: some article does") @RequestParam(required = false) String unused,
			@Parameter(description = "the next page: the previous page's next") @RequestParam(required = false) String cursor,
			@Parameter(description = "items per page, 1 to 100 (default 20)") @RequestParam(required = false) String limit) {
		Caller caller = Caller.current();
		if (ids != null) {
			for (String other : SEARCH_PARAMETERS) {
				if (request.getParameter(other) != null) {
					throw ApiProblem.invalidParameter(other, "cannot be combined with ids");
				}
			}
			return byIds(request, response, parseIds(ids), caller);
		}
		if (caller.subject() == null) {
			throw new ApiProblem(ProblemType.UNAUTHORIZED, "Searching the photo library needs a staff token; "
					+ "items by id (ids=) are open to anyone.");
		}
		if (!caller.isStaff()) {
			throw new ApiProblem(ProblemType.FORBIDDEN, "Only journalists, editors and admins search the photo library.");
		}
		LibraryQuery query = new LibraryQuery(text(q), uploader(uploader, caller), tag(tag), instant("from", from, false),
				instant("to", to, true), type(type), bool("unused", unused), cursor(cursor), limit(limit));
		if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
			throw ApiProblem.invalidParameter("from", "must be before to");
		}
		if (this.maintenance.building()) {
			throw ApiProblem.retryLater(ProblemType.BUSY,
					"The photo library index is being built from the database; retry shortly.", 5);
		}
		LibraryIndex.Page page = this.index.search(query);
		Map<String, MediaItem> found = this.items.findAll(page.ids());
		List<MediaView> views = new ArrayList<>(page.ids().size());
		for (String id : page.ids()) {
			MediaItem item = found.get(id);
			if (item != null) {
				views.add(this.views.of(item, true));
			}
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new LibraryPage(views, page.next() == null ? null : page.next().encode()));
	}

	private ResponseEntity<ItemsById> byIds(HttpServletRequest request, HttpServletResponse response, List<String> ids,
			Caller caller) {
		List<String> lookups = ids.stream().filter(MediaEditing::isItemId).toList();
		Map<String, MediaItem> found = this.items.findAll(lookups);
		boolean staff = caller.isStaff();
		List<MediaView> views = new ArrayList<>(found.size());
		List<String> missing = new ArrayList<>();
		StringBuilder versions = new StringBuilder(staff ? "s" : "p");
		for (String id : ids) {
			MediaItem item = found.get(id);
			if (item == null) {
				missing.add(id);
			}
			else {
				views.add(this.views.of(item, staff));
				versions.append(':').append(id).append('/').append(item.version());
			}
		}
		// the answer changes when an item's version does, as each item's own ETag
		String etag = "W/\"" + Integer.toHexString(versions.toString().hashCode()) + "-" + views.size() + "\"";
		if (!staff && new ServletWebRequest(request, response).checkNotModified(etag)) {
			return null;
		}
		return ResponseEntity.ok()
			.eTag(staff ? null : etag)
			.cacheControl(staff ? CacheControl.noStore() : CacheControl.noCache().cachePublic())
			.varyBy(HttpHeaders.AUTHORIZATION)
			.body(new ItemsById(views, missing));
	}

	static List<String> parseIds(String value) {
		Set<String> ids = new LinkedHashSet<>();
		int count = 0;
		for (String part : value.split(",", -1)) {
			String id = part.strip();
			if (!id.isEmpty()) {
				count++;
				if (count > MAX_IDS) {
					throw ApiProblem.invalidParameter("ids", "at most " + MAX_IDS + " ids");
				}
				if (id.length() > 64) {
					throw ApiProblem.invalidParameter("ids", "has an id longer than 64 characters");
				}
				ids.add(id);
			}
		}
		if (ids.isEmpty()) {
			throw ApiProblem.invalidParameter("ids", "needs at least one id");
		}
		return new ArrayList<>(ids);
	}

	private static String text(String q) {
		if (q == null || q.isBlank()) {
			return null;
		}
		if (q.length() > MAX_QUERY_LENGTH) {
			throw ApiProblem.invalidParameter("q", "at most " + MAX_QUERY_LENGTH + " characters");
		}
		return q;
	}

	private static String uploader(String value, Caller caller) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if ("me".equals(value.strip())) {
			return caller.subject();
		}
		if (value.length() > 200) {
			throw ApiProblem.invalidParameter("uploader", "at most 200 characters");
		}
		return value.strip();
	}

	private static String tag(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (value.strip().length() > MetadataLimits.TAG) {
			throw ApiProblem.invalidParameter("tag", "at most " + MetadataLimits.TAG + " characters");
		}
		return value.strip();
	}

	static String type(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String type = TYPES.get(value.strip().toLowerCase(Locale.ROOT));
		if (type == null) {
			throw ApiProblem.invalidParameter("type", "is not one of jpeg, png, webp, gif");
		}
		return type;
	}

	private static Boolean bool(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return switch (value.strip()) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> throw ApiProblem.invalidParameter(name, "must be true or false");
		};
	}

	/** An instant, or a date: its start (from) or the start of the next day (to), in the newsroom's zone. */
	static Instant instant(String name, String value, boolean endOfDay) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		try {
			if (text.length() == 10) {
				LocalDate date = LocalDate.parse(text);
				return (endOfDay ? date.plusDays(1) : date).atStartOfDay(NEWSROOM_ZONE).toInstant();
			}
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw ApiProblem.invalidParameter(name, "must be an ISO-8601 instant (2026-11-20T08:00:00Z) or a date (2026-11-20)");
		}
	}

	private static LibraryCursor cursor(String value) {
		if (value == null) {
			return null;
		}
		try {
			return LibraryCursor.decode(value);
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.invalidParameter("cursor", "is not a cursor this endpoint gave (use the previous page's next)");
		}
	}

	private static int limit(String value) {
		if (value == null || value.isBlank()) {
			return DEFAULT_LIMIT;
		}
		try {
			int limit = Integer.parseInt(value.strip());
			if (limit >= 1 && limit <= MAX_LIMIT) {
				return limit;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw ApiProblem.invalidParameter("limit", "must be a whole number from 1 to " + MAX_LIMIT);
	}

}
