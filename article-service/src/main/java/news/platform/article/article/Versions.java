package news.platform.article.article;

import org.springframework.http.HttpStatus;

import news.platform.starter.problem.ApiProblem;

/** The article's revision number as the ETag editors send back in {@code If-Match}. */
public final class Versions {

	private Versions() {
	}

	public static String etag(long revision) {
		return "\"" + revision + "\"";
	}

	/** Required: an update without If-Match could silently overwrite someone else's work. */
	public static long required(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "If-Match required",
					"Send the article's current ETag in If-Match so a concurrent change is not overwritten.")
				.withFieldError("If-Match", "required");
		}
		return parse(ifMatch);
	}

	/** -1 when absent. */
	public static long optional(String ifMatch) {
		return (ifMatch == null || ifMatch.isBlank()) ? -1 : parse(ifMatch);
	}

	private static long parse(String ifMatch) {
		String value = ifMatch.trim();
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
			value = value.substring(1, value.length() - 1);
		}
		try {
			long revision = Long.parseLong(value);
			if (revision >= 1) {
				return revision;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new ApiProblem(HttpStatus.PRECONDITION_FAILED, "stale-version", "Version does not match",
				"If-Match " + ifMatch + " is not a version of this article.")
			.withFieldError("If-Match", "not a version of this article");
	}

	public static ApiProblem stale(long sent, long current) {
		return new ApiProblem(HttpStatus.PRECONDITION_FAILED, "stale-version", "Version does not match",
				"The article changed since version " + sent + "; its current version is " + current
						+ ". Reload, merge and retry.")
			.withFieldError("If-Match", "stale; current is " + etag(current));
	}

}
