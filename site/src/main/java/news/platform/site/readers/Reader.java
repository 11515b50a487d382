package news.platform.site.readers;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** The signed-in reader as the personal fragment shows them: the account id and a display name. */
record Reader(String id, String name) {

	/** The reader of a signed-in request, null for anyone else. */
	static Reader of(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()
				|| !(authentication.getPrincipal() instanceof OidcUser user)) {
			return null;
		}
		String shown = firstOf(user.getFullName(), user.getPreferredUsername(), user.getSubject());
		return new Reader(user.getSubject(), shown);
	}

	private static String firstOf(String... candidates) {
		for (String candidate : candidates) {
			if (candidate != null && !candidate.isBlank()) {
				return candidate;
			}
		}
		return "";
	}

}
