package news.platform.desk.work;

import java.util.List;

import news.platform.desk.signin.SignedInPerson;

/**
 * A list of stories on the dashboard: its name in the bundles and the article-service list query
 * that fills it. Journalists see their own work; editors and admins everyone's.
 *
 * @param key the list's id in URLs ({@code /desk/popis/nacrti}) and its bundle key ({@code list.nacrti})
 * @param query the list's own parameters of {@code GET /api/v1/articles}
 */
public record WorkList(String key, String query) {

	static final List<String> KEYS = List.of("vraceno", "nacrti", "pregled", "zakazano", "objavljeno");

	/** The dashboard's lists for this person, in the order a working day reads them. */
	static List<WorkList> forPerson(SignedInPerson person) {
		return KEYS.stream().map(key -> of(key, person)).toList();
	}

	/** A list by its URL key; null for a key the desk does not have. */
	static WorkList of(String key, SignedInPerson person) {
		String mine = person.editor() ? "" : "&owner=me";
		return switch (key) {
			case "vraceno" -> new WorkList(key, "returned=true&owner=me");
			case "nacrti" -> new WorkList(key, "status=draft" + mine);
			case "pregled" -> new WorkList(key, "status=in_review" + mine);
			case "zakazano" -> new WorkList(key, "status=scheduled&sort=scheduled" + mine);
			case "objavljeno" -> new WorkList(key, "status=published&sort=published" + mine);
			default -> null;
		};
	}

}
