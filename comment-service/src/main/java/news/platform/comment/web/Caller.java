package news.platform.comment.web;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Who is asking, from the validated token: subject, display name and platform roles. */
public record Caller(String subject, String name, Set<String> roles) {

	public static final Caller SYSTEM = new Caller("system", "system", Set.of("moderator"));

	public static Caller current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null
				|| "anonymousUser".equals(authentication.getName())) {
			return null;
		}
		Set<String> roles = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority.startsWith("ROLE_"))
			.map(authority -> authority.substring(5))
			.collect(Collectors.toUnmodifiableSet());
		String name = authentication.getName();
		if (authentication instanceof JwtAuthenticationToken jwt) {
			Object claim = jwt.getToken().getClaims().get("name");
			if (claim instanceof String text && !text.isBlank()) {
				name = text.length() > 80 ? text.substring(0, 80) : text;
			}
		}
		return new Caller(authentication.getName(), name, roles);
	}

	/** Moderators, editors and admins work the moderation queue. */
	public boolean isModerator() {
		return this.roles.contains("moderator") || this.roles.contains("editor") || this.roles.contains("admin");
	}

}
