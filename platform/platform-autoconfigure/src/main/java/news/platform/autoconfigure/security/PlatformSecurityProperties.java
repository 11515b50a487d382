package news.platform.autoconfigure.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the platform reads identity from a bearer JWT. The signature keys and audiences are
 * Boot's own {@code spring.security.oauth2.resourceserver.jwt.*} settings.
 *
 * @param issuer the {@code iss} every accepted token must carry
 * @param rolesClaim where the role names sit in the token; a dotted path reads a nested claim of
 * an identity provider, e.g. {@code realm_access.roles} for Keycloak
 * @param clockSkew how far apart the issuer's clock and ours may be when checking a token's
 * lifetime
 * @param resourceServer the bearer-token chain of API services
 * @param jwkSetCacheTtl how long the issuer's JWKS is kept between fetches; a token with an
 * unknown {@code kid} fetches it at once, a removed key stops validating after this time
 */
@ConfigurationProperties("platform.security")
public record PlatformSecurityProperties(String issuer, @DefaultValue("roles") String rolesClaim,
		@DefaultValue("30s") Duration clockSkew, @DefaultValue ResourceServer resourceServer,
		@DefaultValue("5m") Duration jwkSetCacheTtl) {

	/**
	 * @param enabled whether this process validates bearer tokens with the platform's rules and
	 * answers 401/403 as problem+json; web applications that sign people in switch it off
	 */
	public record ResourceServer(@DefaultValue("true") boolean enabled) {
	}

}
