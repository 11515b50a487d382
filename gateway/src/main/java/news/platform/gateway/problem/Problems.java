package news.platform.gateway.problem;

import java.net.URI;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the gateway's own RFC 9457 answers, so that every refusal (no route, bad token, too many
 * requests, body too large, upstream down) has the shape the services use: a stable
 * {@code /problems/<slug>} type, the path as {@code instance}, and the request's trace id.
 */
public final class Problems {

	/** Exchange attribute holding the request's W3C trace id (32 hex digits). */
	public static final String TRACE_ID_ATTRIBUTE = "platform.traceId";

	private static final Pattern TRACEPARENT = Pattern.compile("^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$");

	// Jackson 3's mapper is immutable and thread-safe; the problem shape needs no Boot customisation
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Problems() {
	}

	public static ProblemDetail problem(int status, String slug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
		problem.setType(URI.create("/problems/" + slug));
		problem.setTitle(title);
		return problem;
	}

	/** Writes the problem unless the response has already started (then nothing can be said). */
	public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		problem.setProperty("traceId", traceId(exchange));
		response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = JSON.writeValueAsBytes(asMap(problem));
		response.getHeaders().setContentLength(body.length);
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

	/** RFC 9457 members at the top level, extension members (traceId, errors) beside them. */
	private static Map<String, Object> asMap(ProblemDetail problem) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("type", String.valueOf(problem.getType()));
		map.put("title", problem.getTitle());
		map.put("status", problem.getStatus());
		map.put("detail", problem.getDetail());
		map.put("instance", String.valueOf(problem.getInstance()));
		if (problem.getProperties() != null) {
			map.putAll(problem.getProperties());
		}
		return map;
	}

	/** The trace id the tracing filter chose, else the client's valid traceparent, else a new one. */
	public static String traceId(ServerWebExchange exchange) {
		Object known = exchange.getAttribute(TRACE_ID_ATTRIBUTE);
		if (known instanceof String id) {
			return id;
		}
		String fromHeader = traceIdOf(exchange.getRequest().getHeaders().getFirst("traceparent"));
		String id = fromHeader != null ? fromHeader : newTraceId();
		exchange.getAttributes().put(TRACE_ID_ATTRIBUTE, id);
		return id;
	}

	/** The trace id of a valid W3C traceparent (version 00, ids not all zero), else null. */
	public static String traceIdOf(String traceparent) {
		if (traceparent == null || traceparent.length() != 55) {
			return null;
		}
		Matcher matcher = TRACEPARENT.matcher(traceparent);
		if (!matcher.matches() || matcher.group(1).equals("00000000000000000000000000000000")
				|| matcher.group(2).equals("0000000000000000")) {
			return null;
		}
		return matcher.group(1);
	}

	public static String newTraceId() {
		return hex(16);
	}

	public static String newSpanId() {
		return hex(8);
	}

	private static String hex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
