package news.platform.autoconfigure.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who the current request's validated token says is asking: its subject, display name (the
 * {@code name} claim, else the subject) and platform roles (without the {@code ROLE_} prefix),
 * with the role checks every service shares. A service's own rules (who may edit which article)
 * stay in the service.
 *
 * @param subject the token's {@code sub}: an immutable user id
 * @param name what to show for the caller, at most 80 characters
 * @param roles the platform roles: reader, journalist, editor, moderator, admin, service
 */
public record TokenIdentity(String subject, String name, Set<String> roles) {

	public static final String READER = "reader";

	public static final String JOURNALIST = "journalist";

	public static final String EDITOR = "editor";

	public static final String MODERATOR = "moderator";

	public static final String ADMIN = "admin";

	public static final String SERVICE = "service";

	private static final int MAX_NAME = 80;

	public TokenIdentity {
		roles = Set.copyOf(roles);
	}

	/** Empty for anonymous requests (no token, or a chain without authentication). */
	public static Optional<TokenIdentity> current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null
				|| "anonymousUser".equals(authentication.getName())) {
			return Optional.empty();
		}
		Set<String> roles = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority.startsWith("ROLE_"))
			.map(authority -> authority.substring(5))
			.collect(Collectors.toUnmodifiableSet());
		String name = authentication.getName();
		if (authentication instanceof JwtAuthenticationToken jwt
				&& jwt.getToken().getClaims().get("name") instanceof String claim && !claim.isBlank()) {
			name = claim.length() > MAX_NAME ? claim.substring(0, MAX_NAME) : claim;
		}
		return Optional.of(new TokenIdentity(authentication.getName(), name, roles));
	}

	public boolean has(String role) {
		return this.roles.contains(role);
	}

	public boolean isAdmin() {
		return has(ADMIN);
	}

	/** Editors and admins: they see and decide on everyone's work. */
	public boolean isEditor() {
		return has(EDITOR) || has(ADMIN);
	}

	/** "Staff": journalists, editors and admins. */
	public boolean isStaff() {
		return isEditor() || has(JOURNALIST);
	}

	/** Moderators, editors and admins work the comment moderation queue. */
	public boolean isModerator() {
		return has(MODERATOR) || isEditor();
	}

	/** Another platform service (client-credentials token). */
	public boolean isService() {
		return has(SERVICE);
	}

}
