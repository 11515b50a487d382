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
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import news.platform.gateway.Attributes;

/**
 * Per-client rate limits with Bucket4j: a bucket per (kind, client), the client being the token's
 * subject when there is one and the connection's address otherwise. Three kinds: reads, writes
 * (stricter: they cost the services more), and comment reads without a login (stricter: the
 * cheapest thing for a scraper to hammer). Buckets live in a bounded Caffeine cache, so a flood of
 * new addresses evicts old buckets instead of growing the heap; a bucket evicted while idle was
 * full anyway. A refused request is a 429 problem with {@code Retry-After} and never reaches a
 * service.
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
		String client = user != null ? "u:" + user : "a:" + clientAddress(request);
		Bucket bucket = this.buckets.get(kind + '|' + client, key -> newBucket(budget));
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
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
				properties.anonymousCommentRead().period() }) {
			if (period.compareTo(longest) > 0) {
				longest = period;
			}
		}
		return longest;
	}

}
