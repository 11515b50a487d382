package news.platform.autoconfigure.web;

import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;

/**
 * Optimistic locking over HTTP, the same for every service: a resource's version is its ETag
 * ({@code "3"}), an update sends it back in {@code If-Match}, and a missing or stale one is a
 * problem (428 {@code /problems/precondition-required}, 412 {@code /problems/stale-version})
 * rather than a silent overwrite.
 */
public final class VersionPreconditions {

	private final String noun;

	/** @param noun what the version belongs to, as the problems name it ("article", "item") */
	public VersionPreconditions(String noun) {
		this.noun = noun;
	}

	public static String etag(long version) {
		return "\"" + version + "\"";
	}

	/** Required: an update without If-Match could silently overwrite someone else's work. */
	public long required(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw new ApiProblem(ProblemType.PRECONDITION_REQUIRED,
					"Send the " + this.noun + "'s current ETag in If-Match so a concurrent change is not overwritten.")
				.withFieldError("If-Match", "required");
		}
		return parse(ifMatch);
	}

	/** -1 when absent. */
	public long optional(String ifMatch) {
		return (ifMatch == null || ifMatch.isBlank()) ? -1 : parse(ifMatch);
	}

	public ApiProblem stale(long sent, long current) {
		return new ApiProblem(ProblemType.STALE_VERSION,
				"The " + this.noun + " changed since version " + sent + "; its current version is " + current
						+ ". Reload, merge and retry.")
			.withFieldError("If-Match", "stale; current is " + etag(current));
	}

	private long parse(String ifMatch) {
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
		throw new ApiProblem(ProblemType.STALE_VERSION,
				"If-Match " + ifMatch + " is not a version of this " + this.noun + ".")
			.withFieldError("If-Match", "not a version of this " + this.noun);
	}

}
