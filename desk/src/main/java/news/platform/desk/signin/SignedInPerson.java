package news.platform.desk.signin;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who is at the desk, as pages show it: the account id the services key on, the display name and
 * the platform roles.
 */
public record SignedInPerson(String id, String name, List<String> roles) {

	/** The roles the desk is for; a reader who signs in here is told the desk is not theirs. */
	public static final List<String> STAFF_ROLES = List.of("journalist", "editor", "moderator", "admin");

	public static SignedInPerson of(Authentication authentication) {
		if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
			return null;
		}
		List<String> roles = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority.startsWith("ROLE_"))
			.map(authority -> authority.substring(5))
			.toList();
		String name = user.getFullName() != null ? user.getFullName() : user.getPreferredUsername();
		return new SignedInPerson(user.getSubject(), name != null ? name : user.getSubject(), roles);
	}

	public boolean has(String role) {
		return this.roles.contains(role);
	}

	/** Editors and admins see everyone's work; journalists their own. */
	public boolean editor() {
		return has("editor") || has("admin");
	}

	/** The role a header shows: the most powerful one the person has. */
	public String mainRole() {
		for (String role : List.of("admin", "editor", "moderator", "journalist")) {
			if (has(role)) {
				return role;
			}
		}
		return this.roles.isEmpty() ? "reader" : this.roles.get(0);
	}

}
