package news.platform.article.naming;

import java.util.List;

import news.platform.autoconfigure.problem.ApiProblem;

/** The autocomplete parameters tags and authors share, checked alike. */
public final class Suggestions {

	public static final int MAX_PREFIX = 100;

	public static final int MAX_LIMIT = 50;

	public static final int DEFAULT_LIMIT = 10;

	private Suggestions() {
	}

	public record Query(String prefix, int limit) {
	}

	public record Answer<T>(List<T> items) {
	}

	/** {@code prefix} 1-100 characters with a letter or digit, {@code limit} 1-50 (default 10); else 400 naming it. */
	public static Query parse(String prefix, String limit) {
		if (prefix == null || prefix.isBlank()) {
			throw ApiProblem.invalidParameter("prefix", "is required (1-" + MAX_PREFIX + " characters)");
		}
		if (prefix.length() > MAX_PREFIX || PrefixIndex.fold(prefix).chars().noneMatch(Character::isLetterOrDigit)) {
			throw ApiProblem.invalidParameter("prefix", "must be 1-" + MAX_PREFIX + " characters with a letter or digit");
		}
		int n = DEFAULT_LIMIT;
		if (limit != null) {
			try {
				n = Integer.parseInt(limit);
			}
			catch (NumberFormatException ex) {
				n = -1;
			}
			if (n < 1 || n > MAX_LIMIT) {
				throw ApiProblem.invalidParameter("limit", "must be a whole number from 1 to " + MAX_LIMIT);
			}
		}
		return new Query(prefix, n);
	}

}
