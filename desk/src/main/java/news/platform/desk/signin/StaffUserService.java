package news.platform.desk.signin;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The signed-in person with the platform's roles. The ID token says who signed in; the roles are in
 * the access token the services will check (identity, like most providers, puts them there), so the
 * desk reads them from that token, verified with the issuer's keys, and shows only what the
 * services will allow. No userinfo call: the ID token carries the name.
 */
class StaffUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService people = new OidcUserService();

	private final JwtDecoder accessTokens;

	private final String rolesClaim;

	StaffUserService(JwtDecoder accessTokens, String rolesClaim) {
		this.accessTokens = accessTokens;
		this.rolesClaim = rolesClaim;
		this.people.setRetrieveUserInfo(request -> false);
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser person = this.people.loadUser(request);
		Jwt accessToken;
		try {
			accessToken = this.accessTokens.decode(request.getAccessToken().getTokenValue());
		}
		catch (JwtException ex) {
			throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token", ex.getMessage(), null), ex);
		}
		if (!person.getSubject().equals(accessToken.getSubject())) {
			throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token",
					"The access token names another person than the ID token.", null));
		}
		Set<GrantedAuthority> authorities = new LinkedHashSet<>(person.getAuthorities());
		List<String> roles = accessToken.getClaimAsStringList(this.rolesClaim);
		if (roles != null) {
			roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
		}
		return new DefaultOidcUser(authorities, person.getIdToken(), person.getUserInfo(), "sub");
	}

}
