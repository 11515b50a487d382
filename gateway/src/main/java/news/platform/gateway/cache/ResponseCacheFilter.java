package news.platform.gateway.cache;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import news.platform.gateway.RouteMetadata;

/**
 * A small shared cache for what is the same for everybody: anonymous {@code GET} responses that
 * the service marked {@code public}. Never a response to a request with {@code Authorization} or
 * a cookie, never one marked {@code private}, {@code no-store} or {@code no-cache}, never one
 * that sets a cookie, never a partial or streamed response. A stored response is served fresh for
 * at most the micro-cache time (or the service's {@code max-age}, if shorter); after that it is
 * served again only while the service fails (an error, a 5xx, an open circuit) and within the
 * service's {@code stale-if-error} window.
 * <p>
 * Written here rather than with Spring Cloud Gateway's {@code LocalResponseCache}, which caches
 * by its own TTL and has no notion of anonymous-only, {@code public}-only or stale-if-error.
 */
@Component
class ResponseCacheFilter implements GlobalFilter, Ordered {

	/** Headers that belong to one request or one connection, or that the gateway sets itself. */
	private static final List<String> NOT_STORED = List.of("traceparent", "transfer-encoding", "connection",
			"keep-alive", "date", "age", "x-cache", "access-control-allow-origin",
			"access-control-allow-credentials", "access-control-expose-headers", "strict-transport-security",
			"content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options");

	private final ResponseCacheProperties properties;

	private final long microCacheNanos;

	private final Cache<String, CachedResponse> cache;

	ResponseCacheFilter(ResponseCacheProperties properties, MeterRegistry meters) {
		this.properties = properties;
		this.microCacheNanos = properties.microCache().toNanos();
		this.cache = Caffeine.newBuilder()
			.maximumWeight(properties.maxSize().toBytes())
			.weigher((String key, CachedResponse value) -> value.weight(key))
			.expireAfter(Expiry.<String, CachedResponse>creating(
					(key, value) -> java.time.Duration.ofNanos(value.freshNanos() + value.staleIfErrorNanos())))
			.recordStats()
			.build();
		// cache_gets_total{cache="gateway-responses"}: how much of the read traffic never reaches a service
		CaffeineCacheMetrics.monitor(meters, this.cache, "gateway-responses");
	}

	@Override
	public int getOrder() {
		// after the rate limiter and body limit, before the breaker and retries (route filters)
		return -200;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		if (!this.properties.enabled() || !cacheableRequest(request) || !cacheableRoute(exchange)) {
			return chain.filter(exchange);
		}
		String key = key(request);
		CachedResponse entry = this.cache.getIfPresent(key);
		long now = System.nanoTime();
		if (entry != null && entry.isFresh(now)) {
			return serve(exchange, entry, now, "HIT");
		}
		CachedResponse fallback = entry;
		CapturingResponse capturing = new CapturingResponse(exchange, key, fallback);
		return chain.filter(exchange.mutate().response(capturing).build()).onErrorResume(error -> {
			long failedAt = System.nanoTime();
			if (fallback == null || !fallback.isUsableWhenFailing(failedAt) || exchange.getResponse().isCommitted()
					|| isClientError(error)) {
				return Mono.error(error);
			}
			ServerWebExchangeUtils.reset(exchange);
			return serve(exchange, fallback, failedAt, "STALE");
		});
	}

	private static boolean cacheableRequest(ServerHttpRequest request) {
		HttpHeaders headers = request.getHeaders();
		return request.getMethod() == HttpMethod.GET && !headers.containsHeader(HttpHeaders.AUTHORIZATION)
				&& !headers.containsHeader(HttpHeaders.COOKIE) && !headers.containsHeader(HttpHeaders.RANGE)
				&& !acceptsEventStream(headers);
	}

	/**
	 * Not a route marked {@code response-cache: false}: the site's pages, whose own cache drops a
	 * page the moment a story is unpublished (this one would serve it on).
	 */
	private static boolean cacheableRoute(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		return RouteMetadata.flag(route, RouteMetadata.RESPONSE_CACHE, true);
	}

	private static boolean acceptsEventStream(HttpHeaders headers) {
		String accept = headers.getFirst(HttpHeaders.ACCEPT);
		return accept != null && accept.contains("text/event-stream");
	}

	/** Path, query, and what selects the representation (the services vary by these two). */
	private static String key(ServerHttpRequest request) {
		String acceptEncoding = request.getHeaders().getFirst(HttpHeaders.ACCEPT_ENCODING);
		String encoding = acceptEncoding != null && acceptEncoding.contains("gzip") ? "gzip" : "identity";
		String accept = request.getHeaders().getFirst(HttpHeaders.ACCEPT);
		String query = request.getURI().getRawQuery();
		return request.getURI().getRawPath() + (query != null ? "?" + query : "") + '|' + encoding + '|'
				+ (accept != null ? accept : "");
	}

	private static boolean isClientError(Throwable error) {
		// an open circuit (ServiceUnavailableException), a timeout or a connection failure are not
		return error instanceof ResponseStatusException status && status.getStatusCode().is4xxClientError();
	}

	private static Mono<Void> serve(ServerWebExchange exchange, CachedResponse entry, long now, String how) {
		ServerHttpResponse response = exchange.getResponse();
		HttpHeaders headers = response.getHeaders();
		entry.headers().forEach((name, values) -> headers.put(name, values));
		headers.set("Age", Long.toString(entry.ageSeconds(now)));
		headers.set("X-Cache", how);
		String ifNoneMatch = exchange.getRequest().getHeaders().getFirst(HttpHeaders.IF_NONE_MATCH);
		if (entry.etag() != null && ifNoneMatch != null && ifNoneMatch.contains(entry.etag())) {
			response.setStatusCode(HttpStatus.NOT_MODIFIED);
			headers.remove(HttpHeaders.CONTENT_LENGTH);
			return response.setComplete();
		}
		response.setStatusCode(HttpStatus.OK);
		headers.setContentLength(entry.body().length);
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(entry.body())));
	}

	/**
	 * Passes the service's response through, copying it aside when it may be stored; replaces a
	 * 5xx with the stale copy when there is one.
	 */
	private final class CapturingResponse extends ServerHttpResponseDecorator {

		private final ServerWebExchange exchange;

		private final String key;

		private final CachedResponse fallback;

		CapturingResponse(ServerWebExchange exchange, String key, CachedResponse fallback) {
			super(exchange.getResponse());
			this.exchange = exchange;
			this.key = key;
			this.fallback = fallback;
		}

		@Override
		public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
			HttpStatusCode status = getStatusCode();
			long now = System.nanoTime();
			if (status != null && status.is5xxServerError() && this.fallback != null
					&& this.fallback.isUsableWhenFailing(now)) {
				ServerWebExchangeUtils.reset(this.exchange);
				return Flux.from(body)
					.doOnNext(DataBufferUtils::release)
					.then(serve(this.exchange, this.fallback, now, "STALE"));
			}
			Freshness freshness = status != null && status.value() == 200 ? storable(getHeaders()) : null;
			if (freshness == null) {
				return super.writeWith(body);
			}
			long limit = ResponseCacheFilter.this.properties.maxEntrySize().toBytes();
			long declared = getHeaders().getContentLength();
			if (declared > limit) {
				return super.writeWith(body);
			}
			ByteArrayOutputStream copy = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
			boolean[] done = { false };
			Flux<DataBuffer> teed = Flux.<DataBuffer>from(body).doOnNext(buffer -> {
				if (done[0]) {
					return;
				}
				int readable = buffer.readableByteCount();
				if (copy.size() + readable > limit) {
					done[0] = true;
					return;
				}
				byte[] bytes = new byte[readable];
				buffer.toByteBuffer(buffer.readPosition(), java.nio.ByteBuffer.wrap(bytes), 0, readable);
				copy.writeBytes(bytes);
				// stored before the last bytes go out: a client that asks again as soon as it has
				// the whole response must find the copy
				if (declared > 0 && copy.size() == declared) {
					done[0] = true;
					store(freshness, copy.toByteArray(), now);
				}
			}).doOnComplete(() -> {
				if (!done[0]) {
					store(freshness, copy.toByteArray(), now);
				}
			});
			return super.writeWith(teed);
		}

		private void store(Freshness freshness, byte[] body, long now) {
			HttpHeaders stored = new HttpHeaders();
			getHeaders().forEach((name, values) -> {
				if (!NOT_STORED.contains(name.toLowerCase(Locale.ROOT))) {
					stored.put(name, List.copyOf(values));
				}
			});
			ResponseCacheFilter.this.cache.put(this.key, new CachedResponse(stored, body, now, freshness.freshNanos(),
					freshness.staleIfErrorNanos(), getHeaders().getETag()));
		}

	}

	record Freshness(long freshNanos, long staleIfErrorNanos) {
	}

	/** Null unless the response is public, storable, and varies only by what the key holds. */
	private Freshness storable(HttpHeaders headers) {
		String cacheControl = headers.getCacheControl();
		if (cacheControl == null || headers.containsHeader(HttpHeaders.SET_COOKIE)) {
			return null;
		}
		for (String vary : headers.getVary()) {
			String name = vary.trim().toLowerCase(Locale.ROOT);
			// the key holds the encoding and Accept; Origin and the preflight headers are the
			// gateway's own CORS Vary, and CORS headers are never stored
			if (!name.equals("accept-encoding") && !name.equals("accept") && !name.equals("origin")
					&& !name.startsWith("access-control-request-")) {
				return null;
			}
		}
		boolean isPublic = false;
		long maxAge = -1;
		long staleIfError = 0;
		for (String directive : cacheControl.toLowerCase(Locale.ROOT).split(",")) {
			String d = directive.trim();
			if (d.equals("public")) {
				isPublic = true;
			}
			else if (d.equals("private") || d.startsWith("private=") || d.equals("no-store") || d.equals("no-cache")
					|| d.startsWith("no-cache=")) {
				return null;
			}
			else if (d.startsWith("s-maxage=")) {
				maxAge = seconds(d);
			}
			else if (d.startsWith("max-age=") && maxAge < 0) {
				maxAge = seconds(d);
			}
			else if (d.startsWith("stale-if-error=")) {
				staleIfError = Math.max(0, seconds(d));
			}
		}
		if (!isPublic) {
			return null;
		}
		long fresh = maxAge >= 0 ? Math.min(this.microCacheNanos, TimeUnit.SECONDS.toNanos(maxAge))
				: this.microCacheNanos;
		long stale = TimeUnit.SECONDS.toNanos(staleIfError);
		return fresh + stale > 0 ? new Freshness(fresh, stale) : null;
	}

	private static long seconds(String directive) {
		try {
			return Long.parseLong(directive.substring(directive.indexOf('=') + 1).replace("\"", "").trim());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
