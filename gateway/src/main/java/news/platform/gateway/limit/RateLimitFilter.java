package news.platform.gateway.limit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import news.platform.gateway.Attributes;
import news.platform.gateway.RouteMetadata;

/**
 * Per-client rate limits with Bucket4j: a bucket per (kind, client), the client being the token's
 * subject when there is one and the connection's address otherwise. Three kinds: reads, writes
 * (stricter: they cost the services more), and comment reads without a login (stricter: the
 * cheapest thing for a scraper to hammer). Buckets live in a bounded Caffeine cache, so a flood of
 * new addresses evicts old buckets instead of growing the heap; a bucket evicted while idle was
 * full anyway. A refused request is a 429 (a problem, or a page on a web application's route) with
 * {@code Retry-After} and never reaches a service.
 * <p>
 * A web application that signs people in with a session cookie of its own (the desk) names that
 * cookie in its route's metadata ({@link RouteMetadata#RATE_LIMIT_SESSION_COOKIE}): a request
 * carrying it is counted against that session's budget, so a newsroom behind one address does not
 * share one reader's budget, and against a per-address ceiling sized for a whole newsroom, so
 * inventing a new cookie for every request gains nothing. The gateway cannot tell a real session
 * from a made-up one (the cookie is the desk's); the ceiling is what makes that not matter.
 * <p>
 * The buckets are this replica's: with N replicas behind a load balancer, a client gets up to N
 * times the budget (see the module README for the cluster-wide switch).
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

	private final RateLimitProperties properties;

	private final Cache<String, Bucket> buckets;

	private final MeterRegistry meters;

	RateLimitFilter(RateLimitProperties properties, MeterRegistry meters) {
		this.properties = properties;
		this.meters = meters;
		this.buckets = Caffeine.newBuilder()
			.maximumSize(properties.maxClients())
			// an idle bucket refills completely within its period; after that it carries no state
			.expireAfterAccess(longest(properties))
			.build();
	}

	@Override
	public int getOrder() {
		// before the response cache and the breaker: a refused request costs nothing else
		return -300;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		if (!this.properties.enabled()) {
			return chain.filter(exchange);
		}
		ServerHttpRequest request = exchange.getRequest();
		String user = exchange.getAttribute(Attributes.USER_ID);
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		String routeId = route != null ? route.getId() : "none";
		HttpMethod method = request.getMethod();
		boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
		String kind;
		RateLimitProperties.Budget budget;
		if (!read) {
			kind = "write";
			budget = this.properties.write();
		}
		else if (user == null && routeId.startsWith("comments")) {
			kind = "anonymous-comment-read";
			budget = this.properties.anonymousCommentRead();
		}
		else {
			kind = "read";
			budget = this.properties.read();
		}
		String session = sessionOf(request, route);
		ConsumptionProbe probe;
		if (session != null) {
			// the session's own budget first: a refusal there leaves the newsroom's ceiling untouched
			kind = "session";
			probe = consume("session|" + session, this.properties.session());
			if (probe.isConsumed()) {
				kind = "session-address-ceiling";
				probe = consume(kind + "|a:" + clientAddress(request), this.properties.sessionAddressCeiling());
			}
		}
		else {
			String client = user != null ? "u:" + user : "a:" + clientAddress(request);
			probe = consume(kind + '|' + client, budget);
		}
		if (probe.isConsumed()) {
			return chain.filter(exchange);
		}
		rejections(routeId, kind).increment();
		long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
		exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
		// answered by the gateway's problem handler, like every other refusal inside the routing handler
		return Mono.error(new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS,
				"This client has used its " + kind + " budget; retry after " + seconds + " s."));
	}

	private ConsumptionProbe consume(String key, RateLimitProperties.Budget budget) {
		return this.buckets.get(key, k -> newBucket(budget)).tryConsumeAndReturnRemaining(1);
	}

	/**
	 * The value of the route's session cookie, if the route names one and the request carries it;
	 * kept only as a bucket key (never logged), and only its first 128 characters, so a long made-up
	 * cookie cannot grow the key.
	 */
	private static String sessionOf(ServerHttpRequest request, Route route) {
		if (route == null) {
			return null;
		}
		Object name = route.getMetadata().get(RouteMetadata.RATE_LIMIT_SESSION_COOKIE);
		if (name == null) {
			return null;
		}
		HttpCookie cookie = request.getCookies().getFirst(name.toString());
		if (cookie == null || cookie.getValue().isBlank()) {
			return null;
		}
		String value = cookie.getValue();
		return route.getId() + ':' + (value.length() > 128 ? value.substring(0, 128) : value);
	}

	private Counter rejections(String route, String reason) {
		// Micrometer caches meters by id; the lookup happens only on refusals
		return Counter.builder("gateway.rate_limit.rejections")
			.description("Requests refused with 429 by the gateway's rate limits")
			.tag("route", route)
			.tag("reason", reason)
			.register(this.meters);
	}

	private static Bucket newBucket(RateLimitProperties.Budget budget) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(budget.capacity()).refillGreedy(budget.capacity(), budget.period())
				.build())
			.build();
	}

	/**
	 * The connection's address. Client-sent {@code X-Forwarded-For} was stripped by the edge
	 * filter, so a client cannot pick its own bucket; behind a load balancer that preserves the
	 * client address (or a trusted proxy protocol), this is the client.
	 */
	private static String clientAddress(ServerHttpRequest request) {
		var address = request.getRemoteAddress();
		if (address == null) {
			return "unknown";
		}
		return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
	}

	private static Duration longest(RateLimitProperties properties) {
		Duration longest = properties.read().period();
		for (Duration period : new Duration[] { properties.write().period(),
				properties.anonymousCommentRead().period(), properties.session().period(),
				properties.sessionAddressCeiling().period() }) {
			if (period.compareTo(longest) > 0) {
				longest = period;
			}
		}
		return longest;
	}

}
