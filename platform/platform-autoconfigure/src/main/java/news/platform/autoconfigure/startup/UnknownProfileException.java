package news.platform.autoconfigure.startup;

import java.util.Set;

/** A profile was activated that no configuration file knows, most often a typo. */
public class UnknownProfileException extends IllegalStateException {

	private final String profile;

	private final Set<String> known;

	UnknownProfileException(String profile, Set<String> known) {
		super("Unknown profile '" + profile + "'");
		this.profile = profile;
		this.known = known;
	}

	String profile() {
		return this.profile;
	}

	Set<String> known() {
		return this.known;
	}

}
