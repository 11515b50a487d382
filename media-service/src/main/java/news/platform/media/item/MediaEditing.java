package news.platform.media.item;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.bson.Document;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Service;

import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;
import news.platform.media.usage.Usages;

/**
 * The rules for changing an item: which fields may change and how (a JSON merge patch: absent
 * keeps, null clears), optimistic locking on the version, and no deletion while a published
 * article shows the picture.
 */
@Service
public class MediaEditing {

	private static final Pattern ID = Pattern.compile("[0-9a-f]{24}");

	private static final Map<String, Integer> TEXT_FIELDS = Map.of("alt", MetadataLimits.ALT, "caption",
			MetadataLimits.CAPTION, "credit", MetadataLimits.CREDIT, "copyright", MetadataLimits.COPYRIGHT, "source",
			MetadataLimits.SOURCE);

	private static final Set<String> FIELDS = Set.of("alt", "caption", "credit", "copyright", "source", "focalPoint",
			"tags");

	private final MediaItems items;

	private final Usages usages;

	private final Clock clock;

	private final List<MediaChangeListener> listeners;

	MediaEditing(MediaItems items, Usages usages, Clock clock, List<MediaChangeListener> listeners) {
		this.items = items;
		this.usages = usages;
		this.clock = clock;
		this.listeners = listeners;
	}

	/** Whether {@code id} could be an item's id (24 hex digits). */
	public static boolean isItemId(String id) {
		return id != null && ID.matcher(id).matches();
	}

	/** The item, or 404; malformed ids are simply not found. */
	public MediaItem get(String id) {
		MediaItem item = ID.matcher(id).matches() ? this.items.find(id) : null;
		if (item == null) {
			throw ApiProblem.notFound("Media item", "No media item " + id + ".");
		}
		return item;
	}

	public MediaItem patch(String id, JsonNode body, String ifMatch, Caller caller) {
		MediaItem current = get(id);
		long expected = Versions.required(ifMatch);
		if (body == null || !body.isObject()) {
			throw new ApiProblem(ProblemType.MALFORMED_BODY, "The body must be a JSON object of the fields to change.");
		}
		Document changes = changes(body);
		if (expected != current.version()) {
			throw Versions.stale(expected, current.version());
		}
		MediaItem updated = this.items.update(id, expected, changes, this.clock.instant());
		if (updated == null) {
			MediaItem now = get(id);
			throw Versions.stale(expected, now.version());
		}
		this.listeners.forEach(listener -> listener.changed(updated.id()));
		return updated;
	}

	public void delete(String id, Caller caller) {
		MediaItem item = get(id);
		if (!caller.mayDelete(item)) {
			throw new ApiProblem(ProblemType.FORBIDDEN, "Only editors, admins and the uploader may delete an item.");
		}
		List<String> publishedIn = this.usages.publishedArticles(id);
		if (!publishedIn.isEmpty()) {
			throw new ApiProblem(ProblemType.MEDIA_IN_USE, "The item is used by " + publishedIn.size()
					+ " published article(s): " + publishedIn + ". Remove it from them (or unpublish them) first.")
				.withFieldError("id", "used by published articles " + publishedIn);
		}
		this.items.delete(id, this.clock.instant());
		this.listeners.forEach(listener -> listener.changed(id));
	}

	private static Document changes(JsonNode body) {
		Document set = new Document();
		for (String field : body.propertyNames()) {
			if (!FIELDS.contains(field)) {
				throw new ApiProblem(ProblemType.UNKNOWN_FIELD,
						"The field '" + field + "' is not part of this request; editable: " + FIELDS + ".")
					.withFieldError(field, "unknown field");
			}
		}
		TEXT_FIELDS.forEach((field, limit) -> {
			if (!body.has(field)) {
				return;
			}
			JsonNode value = body.get(field);
			if (value.isNull()) {
				set.append(field, null);
				return;
			}
			if (!value.isString()) {
				throw invalidValue(field, "must be a string or null");
			}
			String text = value.asString().strip();
			if (text.length() > limit) {
				throw ApiProblem.invalidField(field, "at most " + limit + " characters");
			}
			if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
				throw ApiProblem.invalidField(field, "control characters are not allowed");
			}
			set.append(field, text.isEmpty() ? null : text);
		});
		if (body.has("focalPoint")) {
			JsonNode focal = body.get("focalPoint");
			if (focal.isNull()) {
				set.append("focalX", 0.5).append("focalY", 0.5);
			}
			else {
				if (!focal.isObject()) {
					throw invalidValue("focalPoint", "must be an object {x, y}");
				}
				for (String key : focal.propertyNames()) {
					if (!key.equals("x") && !key.equals("y")) {
						throw new ApiProblem(ProblemType.UNKNOWN_FIELD,
								"The field 'focalPoint." + key + "' is not part of this request.")
							.withFieldError("focalPoint." + key, "unknown field");
					}
				}
				set.append("focalX", coordinate(focal, "x")).append("focalY", coordinate(focal, "y"));
			}
		}
		if (body.has("tags")) {
			set.append("tags", tags(body.get("tags")));
		}
		if (set.isEmpty()) {
			throw ApiProblem.invalidField("body", "no field to change");
		}
		return set;
	}

	private static double coordinate(JsonNode focal, String axis) {
		String field = "focalPoint." + axis;
		JsonNode value = focal.get(axis);
		if (value == null || value.isNull()) {
			throw ApiProblem.invalidField(field, "required, between 0 and 1");
		}
		if (!value.isNumber()) {
			throw invalidValue(field, "must be a number between 0 and 1");
		}
		double number = value.asDouble();
		if (!(number >= 0 && number <= 1)) {
			throw ApiProblem.invalidField(field, "must be between 0 and 1");
		}
		// three decimals: the focal point is part of rendition URLs, which must compare exactly
		return Math.round(number * 1000) / 1000.0;
	}

	private static List<String> tags(JsonNode value) {
		if (value.isNull()) {
			return List.of();
		}
		if (!value.isArray()) {
			throw invalidValue("tags", "must be an array of strings");
		}
		if (value.size() > MetadataLimits.TAGS) {
			throw ApiProblem.invalidField("tags", "at most " + MetadataLimits.TAGS + " tags");
		}
		Set<String> tags = new LinkedHashSet<>();
		for (int i = 0; i < value.size(); i++) {
			JsonNode tag = value.get(i);
			if (!tag.isString()) {
				throw invalidValue("tags[" + i + "]", "must be a string");
			}
			String text = tag.asString().strip();
			if (text.isEmpty() || text.length() > MetadataLimits.TAG) {
				throw ApiProblem.invalidField("tags[" + i + "]", "1 to " + MetadataLimits.TAG + " characters");
			}
			tags.add(text);
		}
		return new ArrayList<>(tags);
	}

	private static ApiProblem invalidValue(String field, String message) {
		return new ApiProblem(ProblemType.INVALID_VALUE, "The value of '" + field + "' " + message + ".")
			.withFieldError(field, message);
	}

}
