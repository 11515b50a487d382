package news.platform.gateway.limit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;


/**
 * Request body limits per route: the route's {@code max-body-size} metadata (media uploads are
 * larger), else {@code platform.gateway.max-body-size}. A declared {@code Content-Length} above
 * the limit is refused before anything is sent upstream; a body without a length (chunked) is
 * counted as it streams and cut off at the limit.
 */
@Component
class BodySizeFilter implements GlobalFilter, Ordered {

	private final long defaultLimit;

	private final Map<String, Long> limitsByRoute = new ConcurrentHashMap<>();

	BodySizeFilter(@Value("${platform.gateway.max-body-size:1MB}") DataSize defaultLimit) {
		this.defaultLimit = defaultLimit.toBytes();
	}

	@Override
	public int getOrder() {
		return -250;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		long declared = request.getHeaders().getContentLength();
		boolean chunked = declared < 0 && request.getHeaders().containsHeader("Transfer-Encoding");
		if (declared <= 0 && !chunked) {
			return chain.filter(exchange);
		}
		long limit = limitFor(exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR));
		if (declared > limit) {
			return tooLarge(exchange, limit);
		}
		if (!chunked) {
			return chain.filter(exchange);
		}
		AtomicLong seen = new AtomicLong();
		ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
			@Override
			public Flux<DataBuffer> getBody() {
				return super.getBody().doOnNext(buffer -> {
					if (seen.addAndGet(buffer.readableByteCount()) > limit) {
						DataBufferUtils.release(buffer);
						throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
								"The request body is larger than " + limit + " bytes.");
					}
				});
			}
		};
		return chain.filter(exchange.mutate().request(counted).build());
	}

	private long limitFor(Route route) {
		if (route == null) {
			return this.defaultLimit;
		}
		return this.limitsByRoute.computeIfAbsent(route.getId() + '|' + route.getMetadata().get("max-body-size"),
				key -> {
					Object configured = route.getMetadata().get("max-body-size");
					return configured != null ? DataSize.parse(configured.toString()).toBytes() : this.defaultLimit;
				});
	}

	private static Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
		// the body stays unread: close the connection after the answer rather than drain it
		exchange.getResponse().getHeaders().set("Connection", "close");
		return Mono.error(new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
				"The request body is larger than this route accepts (" + limit + " bytes)."));
	}

}
