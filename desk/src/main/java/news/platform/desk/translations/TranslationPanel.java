package news.platform.desk.translations;

import java.util.List;

/**
 * A story's translations as the editor and the translations page show them.
 *
 * @param revision the story's revision a change sends as {@code If-Match}
 * @param mayEdit editors and admins link and unlink translations (article-service decides)
 */
public record TranslationPanel(String storyId, String headline, long revision, List<Translation> items,
		boolean mayEdit) {

	/** One translation: its story id, language, status (a bundle key's tail) and headline. */
	public record Translation(String id, String language, String status, String headline) {
	}

}
