package news.platform.media.item;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is asking, from the validated token: the subject and the platform roles. */
public record Caller(String subject, Set<String> roles) {

	public static final Caller ANONYMOUS = new Caller(null, Set.of());

	public static Caller current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null
				|| "anonymousUser".equals(authentication.getName())) {
			return ANONYMOUS;
		}
		Set<String> roles = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter(authority -> authority.startsWith("ROLE_"))
			.map(authority -> authority.substring(5))
			.collect(Collectors.toUnmodifiableSet());
		return new Caller(authentication.getName(), roles);
	}

	public boolean isEditor() {
		return this.roles.contains("editor") || this.roles.contains("admin");
	}

	/** Journalists, editors and admins. */
	public boolean isStaff() {
		return isEditor() || this.roles.contains("journalist");
	}

}
