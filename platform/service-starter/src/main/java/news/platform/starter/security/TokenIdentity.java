package news.platform.starter.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who the current request's validated token says is asking: its subject, display name (the
 * {@code name} claim, else the subject) and platform roles (without the {@code ROLE_} prefix).
 * Each service wraps it in its own caller type with the rules it needs.
 *
 * @param subject the token's {@code sub}
 * @param name what to show for the caller, at most 80 characters
 * @param roles the platform roles: reader, journalist, editor, moderator, admin, service
 */
public record TokenIdentity(String subject, String name, Set<String> roles) {

	private static final int MAX_NAME = 80;

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

}
