package news.platform.identity.security;

import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;

import news.platform.identity.IdentityProperties;
import news.platform.identity.keys.SigningKeys;

/** The authorization server's settings, keys and the password encoder for people and clients. */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

	/** The issuer is configured, never taken from a request's host. */
	@Bean
	AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
		if (properties.issuer() == null || properties.issuer().isBlank()) {
			throw new IllegalStateException("platform.identity.issuer is not set");
		}
		return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(SigningKeys keys) {
		return new ImmutableJWKSet<>(keys.keys());
	}

	/** The admin API and the userinfo endpoint take this server's own tokens. */
	@Bean
	JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
		return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
	}

	/** bcrypt today; hashes made with another algorithm later still verify (the {id} prefix says which). */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
