package news.platform.media.item;

import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.web.VersionPreconditions;

/** The item's version as the ETag editors send back in {@code If-Match}, as for articles. */
public final class Versions {

	private static final VersionPreconditions ITEM = new VersionPreconditions("item");

	private Versions() {
	}

	public static String etag(long version) {
		return VersionPreconditions.etag(version);
	}

	public static long required(String ifMatch) {
		return ITEM.required(ifMatch);
	}

	public static ApiProblem stale(long sent, long current) {
		return ITEM.stale(sent, current);
	}

}
