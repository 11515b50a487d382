package news.platform.gateway.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The token rules shared with the services ({@code platform.security.*} in the shared
 * configuration): who issues tokens, and how far apart the issuer's clock and ours may be.
 */
@ConfigurationProperties("platform.security")
record IdentityProperties(String issuer, @DefaultValue("30s") Duration clockSkew) {
}
