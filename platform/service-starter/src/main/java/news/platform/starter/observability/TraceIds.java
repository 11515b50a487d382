package news.platform.starter.observability;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.MDC;

/**
 * The W3C trace id of the current request, for problem documents and logs: the one tracing put
 * in the MDC when tracing runs, else the one in an incoming {@code traceparent}, else a new one
 * kept for the rest of the request.
 */
public final class TraceIds {

	private static final Pattern TRACEPARENT = Pattern.compile("^00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");

	private static final String ATTRIBUTE = TraceIds.class.getName();

	private TraceIds() {
	}

	public static String current(HttpServletRequest request) {
		String fromTracing = MDC.get("traceId");
		if (fromTracing != null && !fromTracing.isBlank()) {
			return fromTracing;
		}
		if (request == null) {
			return newTraceId();
		}
		Object kept = request.getAttribute(ATTRIBUTE);
		if (kept instanceof String traceId) {
			return traceId;
		}
		String traceparent = request.getHeader("traceparent");
		String traceId = traceIdOf(traceparent);
		if (traceId == null) {
			traceId = newTraceId();
		}
		request.setAttribute(ATTRIBUTE, traceId);
		return traceId;
	}

	static String traceIdOf(String traceparent) {
		if (traceparent == null) {
			return null;
		}
		var matcher = TRACEPARENT.matcher(traceparent.trim());
		if (!matcher.matches() || matcher.group(1).chars().allMatch(c -> c == '0')) {
			return null;
		}
		return matcher.group(1);
	}

	private static String newTraceId() {
		byte[] bytes = new byte[16];
		ThreadLocalRandom.current().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
