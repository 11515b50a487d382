package news.platform.gateway.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import news.platform.autoconfigure.observability.ExchangeTraceIds;
import news.platform.autoconfigure.observability.TraceParent;
import news.platform.autoconfigure.problem.ProblemType;
import news.platform.autoconfigure.problem.ReactiveProblems;
import news.platform.gateway.Attributes;
import news.platform.gateway.RouteMetadata;

/**
 * The first thing every request meets, before identity and routing:
 * <ul>
 * <li>a W3C {@code traceparent}: the client's if valid, else a new one; sent upstream and back;</li>
 * <li>paths that try to climb out of a route ({@code ..}, {@code .}, encoded slashes, dots or
 * backslashes) are refused with 400 here, because the route predicates match the raw path and a
 * service would normalise it into a path the gateway never meant to route;</li>
 * <li>headers only the gateway may set ({@code X-User-*}, {@code X-Forwarded-*}, {@code Forwarded})
 * are dropped, so a client cannot claim an identity or an address;</li>
 * <li>security headers and one access-log line, both when the response commits, so that errors
 * answered by the exception handler (outside this chain) get them too.</li>
 * </ul>
 * Cheap on purpose: a header scan, one string scan of the path, no allocation for a clean request
 * beyond the traceparent.
 */
@Component
class EdgeFilter implements WebFilter, Ordered {

	private static final Logger accessLog = LoggerFactory.getLogger("gateway.access");

	private static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

	private static final String HSTS = "max-age=31536000; includeSubDomains";

	private final boolean hsts;

	EdgeFilter(EdgeProperties properties) {
		this.hsts = properties.hsts();
	}

	@Override
	public int getOrder() {
		// before Spring Security's chain (-100), so that 401s carry the trace id and are logged
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long start = System.nanoTime();
		ServerHttpRequest request = exchange.getRequest();
		HttpHeaders headers = request.getHeaders();
		String clientTraceparent = headers.getFirst("traceparent");
		// with tracing on, the server span (started before any filter, continuing a valid client
		// traceparent) is the truth, and the upstream call's span is injected by the gateway's own
		// observation; without it, the client's traceparent or a new one is passed on as it is
		String traceparent = ServerSpans.traceparent(exchange);
		boolean traced = traceparent != null;
		String traceId;
		if (traced) {
			traceId = traceparent.substring(3, 35);
		}
		else {
			traceId = TraceParent.traceIdOf(clientTraceparent);
			traceparent = clientTraceparent;
			if (traceId == null) {
				traceId = TraceParent.newTraceId();
				traceparent = "00-" + traceId + "-" + TraceParent.newSpanId() + "-01";
			}
		}
		// the shared problem writer and the access log read the same id from here
		exchange.getAttributes().put(ExchangeTraceIds.ATTRIBUTE, traceId);
		ServerHttpResponse response = exchange.getResponse();
		response.getHeaders().set("traceparent", traceparent);
		String path = request.getPath().value();
		response.beforeCommit(() -> {
			Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
			decorate(response.getHeaders(), path, RouteMetadata.flag(route, RouteMetadata.WEB_APPLICATION, false));
			log(exchange, start);
			return Mono.empty();
		});

		if (suspiciousPath(request.getURI().getRawPath())) {
			return ReactiveProblems.write(exchange, ProblemType.BAD_PATH,
					"The path contains dot segments or encoded separators.");
		}
		List<String> strip = headersToStrip(headers);
		if (strip.isEmpty() && (traced || traceparent.equals(clientTraceparent))) {
			return chain.filter(exchange);
		}
		String upstreamTraceparent = traced ? null : traceparent;
		ServerHttpRequest cleaned = request.mutate().headers(h -> {
			strip.forEach(h::remove);
			if (upstreamTraceparent != null) {
				h.set("traceparent", upstreamTraceparent);
			}
		}).build();
		return chain.filter(exchange.mutate().request(cleaned).build());
	}

	private void decorate(HttpHeaders headers, String path, boolean webApplication) {
		headers.set("X-Content-Type-Options", "nosniff");
		if (webApplication) {
			// the site's and the desk's pages carry their own policy (scripts and styles from
			// themselves, pictures from the API), frame and referrer headers: passed through as sent;
			// an answer without them (the gateway's own 503 for that route) gets the strict ones
			if (!headers.containsHeader("Referrer-Policy")) {
				headers.set("Referrer-Policy", "no-referrer");
			}
			if (!headers.containsHeader("Content-Security-Policy")) {
				headers.set("Content-Security-Policy", API_CSP);
			}
			if (!headers.containsHeader("X-Frame-Options")) {
				headers.set("X-Frame-Options", "DENY");
			}
		}
		else {
			headers.set("Referrer-Policy", "no-referrer");
		}
		// Swagger UI is a page with scripts and styles; everything else is data and may load nothing
		if (!webApplication && !path.startsWith("/swagger-ui") && !path.startsWith("/webjars/")) {
			headers.set("Content-Security-Policy", API_CSP);
			headers.set("X-Frame-Options", "DENY");
		}
		if (this.hsts) {
			headers.set("Strict-Transport-Security", HSTS);
		}
	}

	private static void log(ServerWebExchange exchange, long start) {
		if (!accessLog.isInfoEnabled()) {
			return;
		}
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		String path = exchange.getRequest().getPath().value();
		if (path.startsWith("/actuator/") && (status == null || status.is2xxSuccessful())) {
			// health probes and metric scrapes on the management port: not client traffic
			return;
		}
		long micros = (System.nanoTime() - start) / 1000;
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		URI upstream = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
		String user = exchange.getAttributeOrDefault(Attributes.USER_ID, "anonymous");
		String method = exchange.getRequest().getMethod().name();
		String routeId = route != null ? route.getId() : "-";
		String upstreamAddress = upstream != null ? upstream.getScheme() + "://" + upstream.getAuthority() : "-";
		int code = status != null ? status.value() : 200;
		String traceId = exchange.getAttribute(ExchangeTraceIds.ATTRIBUTE);
		// the path without its query (a query may carry search terms); never headers, so no token or cookie
		accessLog.atInfo()
			.addKeyValue("method", method)
			.addKeyValue("path", path)
			.addKeyValue("route", routeId)
			.addKeyValue("status", code)
			.addKeyValue("durationMicros", micros)
			.addKeyValue("upstream", upstreamAddress)
			.addKeyValue("user", user)
			.addKeyValue("traceId", traceId)
			.log("{} {} route={} status={} durationMs={} upstream={} user={} traceId={}", method, path, routeId,
					code, micros / 1000.0, upstreamAddress, user, traceId);
	}

	private static List<String> headersToStrip(HttpHeaders headers) {
		List<String> strip = null;
		for (String name : headers.headerNames()) {
			// no lower-casing (an allocation per header per request): compare in place
			if (name.regionMatches(true, 0, "x-user-", 0, 7) || name.regionMatches(true, 0, "x-forwarded-", 0, 12)
					|| name.equalsIgnoreCase("forwarded")) {
				if (strip == null) {
					strip = new ArrayList<>(2);
				}
				strip.add(name);
			}
		}
		return strip != null ? strip : List.of();
	}

	/** Dot segments, encoded dots, slashes, backslashes, percent signs or NULs, and raw backslashes. */
	static boolean suspiciousPath(String rawPath) {
		if (rawPath == null) {
			return false;
		}
		int length = rawPath.length();
		int segmentStart = 0;
		for (int i = 0; i <= length; i++) {
			char c = i < length ? rawPath.charAt(i) : '/';
			if (c == '/') {
				int segmentLength = i - segmentStart;
				if ((segmentLength == 1 && rawPath.charAt(segmentStart) == '.')
						|| (segmentLength == 2 && rawPath.charAt(segmentStart) == '.'
								&& rawPath.charAt(segmentStart + 1) == '.')) {
					return true;
				}
				segmentStart = i + 1;
			}
			else if (c == '\\' || c < 0x20) {
				return true;
			}
			else if (c == '%' && i + 2 < length) {
				String encoded = rawPath.substring(i + 1, i + 3).toLowerCase(Locale.ROOT);
				if (encoded.equals("2e") || encoded.equals("2f") || encoded.equals("5c") || encoded.equals("25")
						|| encoded.equals("00")) {
					return true;
				}
			}
		}
		return false;
	}

}
