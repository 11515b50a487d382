package news.platform.desk.work;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * A story as a list shows it: what article-service's list item says, read field by field so a
 * field the service adds later changes nothing here.
 */
public record Story(String id, String headline, String status, String section, Instant updatedAt,
		Instant scheduledAt, Instant publishedAt, boolean returned, String url) {

	static Story from(JsonNode item) {
		String status = text(item, "status");
		// article-service names statuses in capitals (DRAFT, IN_REVIEW); bundles and CSS classes use lower case
		return new Story(text(item, "id"), text(item, "headline"),
				status == null ? "published" : status.toLowerCase(Locale.ROOT), text(item, "section"),
				instant(item, "updatedAt"), instant(item, "scheduledAt"), instant(item, "publishedAt"),
				item.path("returned").asBoolean(false), text(item, "url"));
	}

	static List<Story> all(JsonNode page) {
		List<Story> stories = new ArrayList<>();
		for (JsonNode item : page.path("items")) {
			stories.add(from(item));
		}
		return stories;
	}

	/** The time the list is about: when it goes out (scheduled), went out (published), or changed. */
	public Instant when() {
		if ("scheduled".equals(this.status) && this.scheduledAt != null) {
			return this.scheduledAt;
		}
		if ("published".equals(this.status) && this.publishedAt != null) {
			return this.publishedAt;
		}
		return this.updatedAt;
	}

	private static String text(JsonNode item, String field) {
		JsonNode value = item.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

	private static Instant instant(JsonNode item, String field) {
		String value = text(item, field);
		// ISO-8601 with an offset (Z or +01:00)
		return value == null ? null : OffsetDateTime.parse(value).toInstant();
	}

}
