package news.platform.autoconfigure.observability;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.MDC;

/**
 * The W3C trace id of the current servlet request, for problem documents and logs: the one
 * tracing put in the MDC when tracing runs, else the one in an incoming {@code traceparent}, else
 * a new one kept for the rest of the request.
 */
public final class TraceIds {

	private static final String ATTRIBUTE = TraceIds.class.getName();

	private TraceIds() {
	}

	public static String current(HttpServletRequest request) {
		String fromTracing = MDC.get("traceId");
		if (fromTracing != null && !fromTracing.isBlank()) {
			return fromTracing;
		}
		if (request == null) {
			return TraceParent.newTraceId();
		}
		if (request.getAttribute(ATTRIBUTE) instanceof String traceId) {
			return traceId;
		}
		String traceId = TraceParent.traceIdOf(request.getHeader("traceparent"));
		if (traceId == null) {
			traceId = TraceParent.newTraceId();
		}
		request.setAttribute(ATTRIBUTE, traceId);
		return traceId;
	}

}
