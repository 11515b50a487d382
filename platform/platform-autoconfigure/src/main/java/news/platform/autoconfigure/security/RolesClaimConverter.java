package news.platform.autoconfigure.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Reads the platform roles ({@code reader}, {@code journalist}, {@code editor}, {@code moderator},
 * {@code admin}, {@code service}) from the configured claim and grants them as {@code ROLE_<role>}.
 */
final class RolesClaimConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

	private final String[] claimPath;

	RolesClaimConverter(String rolesClaim) {
		this.claimPath = rolesClaim.split("\\.");
	}

	@Override
	public Collection<GrantedAuthority> convert(Jwt jwt) {
		Object value = jwt.getClaims();
		for (String segment : this.claimPath) {
			if (!(value instanceof Map<?, ?> map)) {
				return List.of();
			}
			value = map.get(segment);
		}
		if (!(value instanceof Collection<?> roles)) {
			return List.of();
		}
		return roles.stream()
			.filter(String.class::isInstance)
			.map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
			.toList();
	}

}
