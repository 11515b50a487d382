package news.platform.media.item;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.core.PublicUrls;
import news.platform.media.MediaProperties;
import news.platform.media.imaging.Resizing;

/**
 * An item as an IPTC ninjs 2.1 picture: the object article-service's ninjs export puts in an
 * article's {@code associations} (adding its {@code name}), with absolute API URLs from the
 * platform's public API base ({@link PublicUrls#api}) so a receiving system can fetch every
 * rendition. The same fields as the JSON view for the same caller: staff also get the tags, the
 * version and the original.
 */
@Component
public class MediaNinjs {

	public static final String MEDIA_TYPE = "application/ninjs+json";

	/** The uri scheme article-service's associations use for media. */
	public static final String URI_PREFIX = "urn:newsplatform:media:";

	/** Where the platform's public API paths start; PublicUrls.api adds it back. */
	private static final String API_PREFIX = "/api/v1";

	private final PublicUrls urls;

	private final RenditionUrls renditions;

	private final MediaProperties.Renditions config;

	MediaNinjs(PublicUrls urls, RenditionUrls renditions, MediaProperties properties) {
		this.urls = urls;
		this.renditions = renditions;
		this.config = properties.renditions();
	}

	public Map<String, Object> of(MediaItem item, boolean staff) {
		Map<String, Object> ninjs = new LinkedHashMap<>();
		ninjs.put("uri", URI_PREFIX + item.id());
		ninjs.put("standard", Map.of("name", "ninjs", "version", "2.1", "schema",
				"http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"));
		ninjs.put("type", "picture");
		ninjs.put("representationtype", "full");
		if (staff) {
			ninjs.put("version", Long.toString(item.version()));
		}
		ninjs.put("firstcreated", item.createdAt().toString());
		ninjs.put("versioncreated", item.updatedAt().toString());
		ninjs.put("pubstatus", "usable");
		List<Map<String, Object>> descriptions = new ArrayList<>();
		description(descriptions, "caption", item.caption());
		description(descriptions, "alt", item.alt());
		if (!descriptions.isEmpty()) {
			ninjs.put("descriptions", descriptions);
		}
		if (item.credit() != null) {
			ninjs.put("by", item.credit());
		}
		if (item.copyright() != null) {
			ninjs.put("copyrightnotice", item.copyright());
		}
		if (item.source() != null) {
			ninjs.put("infosources", List.of(Map.of("name", item.source(), "role", "source")));
		}
		if (staff && !item.tags().isEmpty()) {
			ninjs.put("subjects", item.tags().stream().map(tag -> Map.of("name", tag, "rel", "tag")).toList());
		}
		ninjs.put("renditions", renditions(item, staff));
		return ninjs;
	}

	private List<Map<String, Object>> renditions(MediaItem item, boolean staff) {
		List<Map<String, Object>> list = new ArrayList<>();
		Map<String, String> links = this.renditions.presets(item);
		this.config.presets().forEach((name, preset) -> {
			String link = links.get(name);
			if (link == null) {
				return;
			}
			Resizing.Plan plan = Resizing.plan(item.width(), item.height(), preset.width(), preset.height(),
					"cover".equals(preset.fit()), item.focalX(), item.focalY());
			Map<String, Object> rendition = new LinkedHashMap<>();
			rendition.put("name", name);
			rendition.put("href", absolute(link));
			rendition.put("width", plan.width());
			rendition.put("height", plan.height());
			list.add(rendition);
		});
		if (staff) {
			Map<String, Object> original = new LinkedHashMap<>();
			original.put("name", "original");
			original.put("href", absolute(API_PREFIX + "/media/" + item.id() + "/original"));
			original.put("contenttype", item.mediaType());
			original.put("width", item.width());
			original.put("height", item.height());
			original.put("sizeinbytes", item.byteSize());
			list.add(original);
		}
		return list;
	}

	/** A path of this API ({@code /api/v1/media/…}) under the public API base URL. */
	public String absolute(String path) {
		String relative = path.startsWith(API_PREFIX + "/") ? path.substring(API_PREFIX.length()) : path;
		return this.urls.api(relative).toString();
	}

	private static void description(List<Map<String, Object>> descriptions, String role, String value) {
		if (value != null && !value.isBlank()) {
			Map<String, Object> description = new LinkedHashMap<>();
			description.put("role", role);
			description.put("contenttype", "text/plain");
			description.put("value", value);
			descriptions.add(description);
		}
	}

}
