package news.platform.desk.importing;

import java.util.List;
import java.util.Set;

import news.platform.desk.upstream.Problem;
import news.platform.desk.web.Texts;

/**
 * article-service's refusal of an import in the page's language: its problem type (or, without a
 * type the desk knows, its status) picks a bundle text, and the places it names (a ninjs item's JSON
 * paths, a field) follow as they are, since an editor fixing the file looks for them. The service's
 * own sentence is English: it is shown only when the desk has no text for the type.
 */
final class ImportProblems {

	/** The types article-service answers an import with (its README's problem table). */
	private static final Set<String> KNOWN = Set.of("ninjs-invalid", "validation", "invalid-value", "unknown-field",
			"malformed-body", "operator-key", "invalid-encoding", "unsupported-charset", "payload-too-large", "busy",
			"upstream-unavailable", "upstream-timeout");

	/** At most this many places are named; an item can break the schema in fifty. */
	private static final int PLACES = 5;

	private ImportProblems() {
	}

	static String words(Texts t, Problem problem) {
		String type = type(problem);
		String main = type == null ? t.t("import.problem.type.other") : t.t("import.problem.type." + type);
		if (type == null && !problem.detail().isBlank()) {
			main = main + " (" + problem.detail() + ")";
		}
		List<String> places = List.copyOf(problem.fields().keySet());
		if (places.isEmpty()) {
			return main;
		}
		String named = String.join(", ", places.subList(0, Math.min(PLACES, places.size())))
				+ (places.size() > PLACES ? ", …" : "");
		return main + " " + t.t("import.problem.at", named);
	}

	/** The known type's slug, by the problem's type or else its status; null for neither. */
	private static String type(Problem problem) {
		String type = problem.type() == null ? "" : problem.type();
		int at = type.lastIndexOf("/problems/");
		String slug = at < 0 ? "" : type.substring(at + "/problems/".length());
		if (KNOWN.contains(slug)) {
			return slug;
		}
		return switch (problem.status()) {
			case 413 -> "payload-too-large";
			case 415 -> "unsupported-charset";
			case 503 -> "busy";
			case 504 -> "upstream-timeout";
			default -> null;
		};
	}

}
