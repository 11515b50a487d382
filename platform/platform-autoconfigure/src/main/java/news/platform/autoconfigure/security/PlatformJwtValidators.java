package news.platform.autoconfigure.security;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.util.StringUtils;

/**
 * The token checks every process adds to Boot's decoder (servlet or reactive alike; Boot picks up
 * {@code OAuth2TokenValidator<Jwt>} beans): the configured issuer, and the lifetime with the
 * platform's clock skew. Signature, algorithm and audiences are Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*}.
 */
final class PlatformJwtValidators {

	private PlatformJwtValidators() {
	}

	static OAuth2TokenValidator<Jwt> issuer(PlatformSecurityProperties properties) {
		if (!StringUtils.hasText(properties.issuer())) {
			throw new IllegalStateException(
					"platform.security.issuer is not set: every component must check the issuer of the tokens it accepts");
		}
		return new JwtIssuerValidator(properties.issuer());
	}

	static OAuth2TokenValidator<Jwt> lifetime(PlatformSecurityProperties properties) {
		return new JwtTimestampValidator(properties.clockSkew());
	}

}
