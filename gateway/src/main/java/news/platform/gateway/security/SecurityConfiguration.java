package news.platform.gateway.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.server.ServerWebExchange;

import news.platform.gateway.problem.Problems;

/**
 * The gateway as an OAuth2 resource server. It decides only whether a presented bearer token is
 * genuine (signature with RS256 alone, issuer, audience, expiry with clock skew); whether its
 * holder may do something is the services' decision, so every path is open to anonymous callers.
 * A token that fails is a 401 problem here and never reaches a service. Sessions, CSRF, form and
 * basic login, Spring Security's CORS and header writers are off: the gateway is stateless, CORS
 * is the gateway's own (configured per profile), and the edge filter writes the security headers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http) {
		// only requests that present credentials enter the chain: an anonymous request has nothing
		// to check, and skipping the chain's dozen filters is most of the gateway's saving on
		// anonymous (cacheable) traffic
		return http.securityMatcher(SecurityConfiguration::presentsCredentials)
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.cors(ServerHttpSecurity.CorsSpec::disable)
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.headers(ServerHttpSecurity.HeaderSpec::disable)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
			.oauth2ResourceServer(resourceServer -> resourceServer
				.authenticationEntryPoint((exchange, ex) -> unauthorized(exchange))
				.jwt(jwt -> {
				}))
			.build();
	}

	private static Mono<ServerWebExchangeMatcher.MatchResult> presentsCredentials(ServerWebExchange exchange) {
		return exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
				? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
	}

	private static Mono<Void> unauthorized(ServerWebExchange exchange) {
		// RFC 6750: say which scheme and that the token was the problem, without saying why
		exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
		return Problems.write(exchange, Problems.problem(401, "invalid-token", "Invalid token",
				"The bearer token is not valid here (signature, issuer, audience or lifetime)."));
	}

	/**
	 * Validates against the identity provider's JWKS ({@code k8s}) or a public key file (the
	 * development issuer's in {@code local}, the test issuer's in tests); both are Boot's usual
	 * resource-server properties, so the gateway and the services read the same settings.
	 */
	@Bean
	ReactiveJwtDecoder jwtDecoder(IdentityProperties identity, ResourceLoader resources,
			@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}") String jwkSetUri,
			@Value("${spring.security.oauth2.resourceserver.jwt.public-key-location:}") String publicKeyLocation,
			@Value("${spring.security.oauth2.resourceserver.jwt.audiences:}") List<String> audiences) {
		NimbusReactiveJwtDecoder decoder;
		if (StringUtils.hasText(jwkSetUri)) {
			decoder = NimbusReactiveJwtDecoder.withJwkSetUri(jwkSetUri)
				.jwsAlgorithm(SignatureAlgorithm.RS256)
				.build();
		}
		else if (StringUtils.hasText(publicKeyLocation)) {
			decoder = NimbusReactiveJwtDecoder.withPublicKey(readPublicKey(resources.getResource(publicKeyLocation)))
				.signatureAlgorithm(SignatureAlgorithm.RS256)
				.build();
		}
		else {
			throw new IllegalStateException("No token key configured: set spring.security.oauth2.resourceserver.jwt."
					+ "jwk-set-uri (k8s) or public-key-location (local)");
		}
		if (!StringUtils.hasText(identity.issuer())) {
			throw new IllegalStateException("platform.security.issuer is not set");
		}
		List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
		validators.add(new JwtTimestampValidator(identity.clockSkew()));
		validators.add(new JwtIssuerValidator(identity.issuer()));
		List<String> expectedAudiences = audiences.stream().filter(StringUtils::hasText).toList();
		if (!expectedAudiences.isEmpty()) {
			validators.add(audienceValidator(expectedAudiences));
		}
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
		return decoder;
	}

	private static OAuth2TokenValidator<Jwt> audienceValidator(List<String> expected) {
		OAuth2Error error = new OAuth2Error("invalid_token", "The token is not meant for this platform", null);
		return jwt -> {
			List<String> audience = jwt.getAudience();
			return audience != null && audience.stream().anyMatch(expected::contains)
					? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(error);
		};
	}

	static RSAPublicKey readPublicKey(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return RsaKeyConverters.x509().convert(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the token public key " + resource
					+ " (local: ./run-local.sh makes it under ./data/dev-issuer/)", ex);
		}
	}

}
