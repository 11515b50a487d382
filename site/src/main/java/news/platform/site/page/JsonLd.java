package news.platform.site.page;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * schema.org structured data as a JSON-LD data block. Serialised by Jackson, then {@code <},
 * {@code >} and {@code &} (and the JavaScript line separators) are written as {@code \}{@code u}
 * escapes, which JSON reads back as the same characters: no text of a story, {@code </script>}
 * included, can end the block early or start markup inside it.
 */
public final class JsonLd {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private JsonLd() {
	}

	public record Person(String name, String url) {
	}

	/**
	 * A {@code NewsArticle}.
	 *
	 * @param images absolute URLs of the story's pictures (16:9 and larger first)
	 */
	public static String newsArticle(String url, String headline, String description, String datePublished,
			String dateModified, List<Person> authors, List<String> images, String publisherName, String logoUrl,
			String language, String section) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("@context", "https://schema.org");
		data.put("@type", "NewsArticle");
		data.put("mainEntityOfPage", Map.of("@type", "WebPage", "@id", url));
		data.put("url", url);
		data.put("headline", headline);
		if (description != null && !description.isBlank()) {
			data.put("description", description);
		}
		data.put("datePublished", datePublished);
		data.put("dateModified", dateModified);
		if (!authors.isEmpty()) {
			List<Map<String, Object>> people = new ArrayList<>();
			for (Person author : authors) {
				Map<String, Object> person = new LinkedHashMap<>();
				person.put("@type", "Person");
				person.put("name", author.name());
				if (author.url() != null) {
					person.put("url", author.url());
				}
				people.add(person);
			}
			data.put("author", people);
		}
		if (!images.isEmpty()) {
			data.put("image", images);
		}
		Map<String, Object> publisher = new LinkedHashMap<>();
		publisher.put("@type", "NewsMediaOrganization");
		publisher.put("name", publisherName);
		if (logoUrl != null) {
			publisher.put("logo", Map.of("@type", "ImageObject", "url", logoUrl));
		}
		data.put("publisher", publisher);
		if (section != null) {
			data.put("articleSection", section);
		}
		data.put("inLanguage", language);
		return safe(JSON.writeValueAsString(data));
	}

	/** The site itself, with its search ({@code WebSite} + {@code SearchAction}), for the home page. */
	public static String webSite(String url, String name, String searchUrlTemplate, String language) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("@context", "https://schema.org");
		data.put("@type", "WebSite");
		data.put("url", url);
		data.put("name", name);
		data.put("inLanguage", language);
		data.put("potentialAction", Map.of("@type", "SearchAction", "target", searchUrlTemplate, "query-input",
				"required name=search_term_string"));
		return safe(JSON.writeValueAsString(data));
	}

	/** Escapes what could end a {@code <script>} element or start markup in it; JSON reads them back as they were. */
	static String safe(String json) {
		StringBuilder out = new StringBuilder(json.length() + 16);
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			switch (c) {
				case '<' -> out.append("\\u003c");
				case '>' -> out.append("\\u003e");
				case '&' -> out.append("\\u0026");
				case '\u2028' -> out.append("\\u2028");
				case '\u2029' -> out.append("\\u2029");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

}
