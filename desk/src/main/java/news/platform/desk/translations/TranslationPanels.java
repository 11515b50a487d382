package news.platform.desk.translations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

import news.platform.desk.signin.SignedInPerson;
import news.platform.desk.upstream.ArticleService;
import news.platform.desk.upstream.ServiceUnavailable;

/** Reads a story's translations ({@code GET /api/v1/articles/{id}/translations}) for the editor. */
@Component
public class TranslationPanels {

	private final ArticleService articles;

	TranslationPanels(ArticleService articles) {
		this.articles = articles;
	}

	/** The panel, or null when the translations cannot be read now: the editor works without them. */
	public TranslationPanel load(String storyId, String headline, long revision, SignedInPerson person) {
		try {
			return panel(storyId, headline, revision, this.articles.translations(storyId), person);
		}
		catch (ArticleService.Refused | ServiceUnavailable ex) {
			return null;
		}
	}

	static TranslationPanel panel(String storyId, String headline, long revision, JsonNode answer,
			SignedInPerson person) {
		List<TranslationPanel.Translation> items = new ArrayList<>();
		for (JsonNode item : answer.path("translations")) {
			String id = item.path("id").asString("");
			if (id.isEmpty() || id.equals(storyId)) {
				continue;
			}
			items.add(new TranslationPanel.Translation(id, item.path("language").asString(""),
					item.path("status").asString("draft").toLowerCase(Locale.ROOT), item.path("headline").asString("")));
		}
		return new TranslationPanel(storyId, headline, revision, items, person != null && person.editor());
	}

}
