package news.platform.autoconfigure.observability;

import org.springframework.web.server.ServerWebExchange;

/**
 * The W3C trace id of a reactive exchange (the gateway): the one already chosen for it (by the
 * edge filter or an earlier call), else the client's valid {@code traceparent}, else a new one,
 * kept in the exchange so every answer and log line of the request names the same trace.
 */
public final class ExchangeTraceIds {

	/** Exchange attribute holding the request's trace id (32 hex digits). */
	public static final String ATTRIBUTE = "platform.traceId";

	private ExchangeTraceIds() {
	}

	public static String current(ServerWebExchange exchange) {
		if (exchange.getAttribute(ATTRIBUTE) instanceof String known) {
			return known;
		}
		String fromHeader = TraceParent.traceIdOf(exchange.getRequest().getHeaders().getFirst("traceparent"));
		String traceId = fromHeader != null ? fromHeader : TraceParent.newTraceId();
		exchange.getAttributes().put(ATTRIBUTE, traceId);
		return traceId;
	}

}
