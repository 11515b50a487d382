package news.platform.gateway.web;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.handler.TracingObservationHandler;

import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/** The W3C traceparent of the request's server span, when tracing runs. */
final class ServerSpans {

	private ServerSpans() {
	}

	/** {@code 00-<trace id>-<span id>-<flags>} of the server span, or {@code null} without tracing. */
	static String traceparent(ServerWebExchange exchange) {
		return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.map(context -> context.<TracingObservationHandler.TracingContext>get(TracingObservationHandler.TracingContext.class))
			.map(tracing -> tracing.getSpan())
			.map(span -> {
				TraceContext trace = span.context();
				return "00-" + trace.traceId() + "-" + trace.spanId() + (Boolean.TRUE.equals(trace.sampled()) ? "-01" : "-00");
			})
			.orElse(null);
	}

}
