package news.platform.article.access;

import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;

/** The refusals every feature answers alike. */
public final class Refusals {

	private Refusals() {
	}

	/** 404 for an article that does not exist or that the caller may not see: the same answer. */
	public static ApiProblem notFound(String id) {
		return ApiProblem.notFound("Article", "No article " + id + ".");
	}

	public static ApiProblem forbidden(String detail) {
		return ApiProblem.of(ProblemType.FORBIDDEN, detail);
	}

}
