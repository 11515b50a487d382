package news.platform.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

/**
 * The gateway as an OAuth2 resource server. It decides only whether a presented bearer token is
 * genuine; whether its holder may do something is the services' decision, so every path is open
 * to anonymous callers. A token that fails is a 401 problem here and never reaches a service.
 * <p>
 * The checks are the platform's, not the gateway's: Boot's reactive decoder from
 * {@code spring.security.oauth2.resourceserver.jwt.*} (the issuer's JWKS, RS256 only, audiences) with the
 * shared issuer and lifetime validators, and the shared entry point answering
 * {@code /problems/unauthorized} (both from {@code platform-autoconfigure}). What stays here is the
 * chain's shape: sessions, CSRF, form and basic login, Spring Security's CORS and header writers
 * are off, because the gateway is stateless, CORS is the gateway's own (configured per profile),
 * and the edge filter writes the security headers. The gateway makes no token of its own: people
 * get theirs from the identity provider, services by the client-credentials grant.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ServerAuthenticationEntryPoint unauthorized) {
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
			.oauth2ResourceServer(resourceServer -> resourceServer.authenticationEntryPoint(unauthorized).jwt(jwt -> {
			}))
			.build();
	}

	private static Mono<ServerWebExchangeMatcher.MatchResult> presentsCredentials(ServerWebExchange exchange) {
		return exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
				? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
	}

}
