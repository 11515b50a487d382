package news.platform.media.item;

import org.springframework.http.HttpStatus;

import news.platform.starter.problem.ApiProblem;

/** The item's version as the ETag editors send back in {@code If-Match}, as for articles. */
public final class Versions {

	private Versions() {
	}

	public static String etag(long version) {
		return "\"" + version + "\"";
	}

	/** Required: an edit without If-Match could silently overwrite someone else's. */
	public static long required(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "If-Match required",
					"Send the item's current ETag in If-Match so a concurrent change is not overwritten.")
				.withFieldError("If-Match", "required");
		}
		String value = ifMatch.trim();
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
			value = value.substring(1, value.length() - 1);
		}
		try {
			long version = Long.parseLong(value);
			if (version >= 1) {
				return version;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new ApiProblem(HttpStatus.PRECONDITION_FAILED, "stale-version", "Version does not match",
				"If-Match " + ifMatch + " is not a version of this item.")
			.withFieldError("If-Match", "not a version of this item");
	}

	public static ApiProblem stale(long sent, long current) {
		return new ApiProblem(HttpStatus.PRECONDITION_FAILED, "stale-version", "Version does not match",
				"The item changed since version " + sent + "; its current version is " + current
						+ ". Reload, merge and retry.")
			.withFieldError("If-Match", "stale; current is " + etag(current));
	}

}
