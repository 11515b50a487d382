package news.platform.article.agency;

import java.math.BigInteger;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Which of two versions of an agency's story is newer: {@code version} compared as numbers when
 * both are numbers ("10" after "9", which a text comparison gets wrong), else {@code versioncreated}.
 * Two versions that give neither cannot be ordered, and an item that cannot be shown to be newer
 * never replaces what an editor may already have worked on.
 */
final class AgencyVersions {

	private static final Pattern NUMBER = Pattern.compile("\\d{1,30}");

	private AgencyVersions() {
	}

	static boolean newer(String version, Instant versionCreated, String thanVersion, Instant thanCreated) {
		if (version != null && thanVersion != null && NUMBER.matcher(version.strip()).matches()
				&& NUMBER.matcher(thanVersion.strip()).matches()) {
			return new BigInteger(version.strip()).compareTo(new BigInteger(thanVersion.strip())) > 0;
		}
		return versionCreated != null && thanCreated != null && versionCreated.isAfter(thanCreated);
	}

}
