package news.platform.gateway.security;

import java.security.Principal;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import news.platform.gateway.Attributes;

/**
 * Puts the validated token's subject into an exchange attribute, once, for the rate limiter (a
 * bucket per user) and the access log. Runs after Spring Security's chain; a request without a
 * bearer token skips the principal lookup entirely.
 */
@Component
class UserIdFilter implements WebFilter, Ordered {

	@Override
	public int getOrder() {
		return 0;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return chain.filter(exchange);
		}
		return exchange.getPrincipal()
			.map(Principal::getName)
			.doOnNext(user -> exchange.getAttributes().put(Attributes.USER_ID, user))
			// deferred: the filters after this one must be assembled once the user id is set
			.then(Mono.defer(() -> chain.filter(exchange)));
	}

}
