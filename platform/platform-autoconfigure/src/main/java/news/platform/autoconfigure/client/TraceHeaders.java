package news.platform.autoconfigure.client;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The trace headers ({@code traceparent}) of the calling thread's current span, for a call to
 * another service made with a client that tracing does not instrument, or on another thread (a
 * circuit breaker's time limiter runs the call elsewhere, where the thread's trace is gone). Read
 * them on the request thread, send them with the call: the other service's spans join the trace.
 */
public final class TraceHeaders {

	private static final TraceHeaders NONE = new TraceHeaders(null, null);

	private final Tracer tracer;

	private final Propagator propagator;

	TraceHeaders(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/** Without tracing: always no headers. */
	public static TraceHeaders none() {
		return NONE;
	}

	/** Header name → value for the current span; empty outside a trace. */
	public Map<String, String> current() {
		if (this.tracer == null) {
			return Map.of();
		}
		TraceContext context = this.tracer.currentTraceContext().context();
		if (context == null) {
			return Map.of();
		}
		Map<String, String> headers = new LinkedHashMap<>();
		this.propagator.inject(context, headers, Map::put);
		return headers;
	}

}
