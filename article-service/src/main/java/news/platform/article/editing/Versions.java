package news.platform.article.editing;

import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.web.VersionPreconditions;

/** The article's revision number as the ETag editors send back in {@code If-Match}. */
public final class Versions {

	private static final VersionPreconditions ARTICLE = new VersionPreconditions("article");

	private Versions() {
	}

	public static String etag(long revision) {
		return VersionPreconditions.etag(revision);
	}

	public static long required(String ifMatch) {
		return ARTICLE.required(ifMatch);
	}

	/** -1 when absent. */
	public static long optional(String ifMatch) {
		return ARTICLE.optional(ifMatch);
	}

	public static ApiProblem stale(long sent, long current) {
		return ARTICLE.stale(sent, current);
	}

}
