package news.platform.desk.photos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A picture as the photo screens show it (media-service's staff view). {@code renditions} are
 * media-service's paths ({@code /api/v1/media/{id}/rendition?...}), served through the gateway on
 * the desk's own origin, so the desk's {@code img-src 'self'} allows them.
 */
public record Photo(String id, int width, int height, String alt, String caption, String credit, String copyright,
		List<String> tags, double focalX, double focalY, Map<String, String> renditions, long version,
		String uploadedBy, Instant createdAt, String fileName) {

	/** The presets whose crops the page shows as the focal point moves. */
	public static final List<String> CROPS = List.of("thumb", "card", "hero", "square");

	static Photo of(JsonNode item) {
		List<String> tags = new ArrayList<>();
		item.path("tags").forEach(tag -> tags.add(tag.asString()));
		Map<String, String> renditions = new LinkedHashMap<>();
		item.path("renditions").properties().forEach(entry -> renditions.put(entry.getKey(), entry.getValue().asString()));
		Instant created = null;
		try {
			created = item.path("createdAt").isString() ? Instant.parse(item.path("createdAt").asString()) : null;
		}
		catch (RuntimeException ex) {
			created = null;
		}
		return new Photo(item.path("id").asString(), item.path("width").asInt(), item.path("height").asInt(),
				item.path("alt").asString(""), item.path("caption").asString(""), item.path("credit").asString(""),
				item.path("copyright").asString(""), List.copyOf(tags), item.path("focalPoint").path("x").asDouble(0.5),
				item.path("focalPoint").path("y").asDouble(0.5), renditions, item.path("version").asLong(),
				item.path("uploadedBy").asString(""), created, item.path("fileName").asString(""));
	}

	public String rendition(String preset) {
		return this.renditions.getOrDefault(preset, "");
	}

	public String tagList() {
		return String.join(", ", this.tags);
	}

	public String focal(double value) {
		return String.valueOf(Math.round(value * 1000) / 1000.0);
	}

}
