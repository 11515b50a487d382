package news.platform.desk.photos;

import tools.jackson.databind.JsonNode;

/** A story that uses the picture (media-service's usage): published or not, as its hero or in its body. */
public record PhotoUse(String articleId, String slug, boolean published, boolean hero) {

	static PhotoUse of(JsonNode use) {
		return new PhotoUse(use.path("articleId").asString(""), use.path("slug").asString(""),
				use.path("published").asBoolean(false), use.path("hero").asBoolean(false));
	}

}
