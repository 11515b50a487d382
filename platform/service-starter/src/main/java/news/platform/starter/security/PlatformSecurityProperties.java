package news.platform.starter.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the platform reads identity from a bearer JWT. The signature keys and audiences are
 * Boot's own {@code spring.security.oauth2.resourceserver.jwt.*} settings.
 *
 * @param issuer the {@code iss} every accepted token must carry
 * @param rolesClaim where the role names sit in the token; a dotted path reads a nested claim of
 * an identity provider, e.g. {@code realm_access.roles} for Keycloak
 */
@ConfigurationProperties("platform.security")
public record PlatformSecurityProperties(String issuer, @DefaultValue("roles") String rolesClaim) {
}
