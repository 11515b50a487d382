package news.platform.gateway.problem;

import java.net.ConnectException;
import java.net.URI;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * The gateway's own errors (no route, upstream unreachable, anything unexpected) as RFC 9457
 * problem+json, in the same shape the services answer: a stable {@code /problems/<slug>} type,
 * the path as {@code instance}, and the request's trace id. Registered before Boot's default
 * handler, which would answer its own JSON map.
 */
@Component
@Order(-2)
class GatewayProblemHandler implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(GatewayProblemHandler.class);

	private static final Pattern TRACEPARENT = Pattern.compile("^00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$");

	private final JsonMapper jsonMapper;

	GatewayProblemHandler(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.error(ex);
		}
		ProblemDetail problem = problemFor(ex);
		problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
		problem.setProperty("traceId", traceId(exchange));
		if (problem.getStatus() >= 500) {
			log.warn("{} {} failed: {} (traceId {})", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath(), ex.toString(), problem.getProperties().get("traceId"));
		}
		response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			response.getHeaders().set("Retry-After", "5");
		}
		byte[] body = this.jsonMapper.writeValueAsBytes(problem);
		DataBuffer buffer = response.bufferFactory().wrap(body);
		return response.writeWith(Mono.just(buffer));
	}

	private static ProblemDetail problemFor(Throwable ex) {
		if (ex instanceof ResponseStatusException status) {
			HttpStatusCode code = status.getStatusCode();
			if (code.value() == 404) {
				return problem(code, "not-found", "Not found", "No resource at this path.");
			}
			String reason = status.getReason() != null ? status.getReason() : "The request could not be handled.";
			return problem(code, slug(code), HttpStatus.valueOf(code.value()).getReasonPhrase(), reason);
		}
		if (hasCause(ex, ConnectException.class) || hasCause(ex, TimeoutException.class)) {
			return problem(HttpStatus.SERVICE_UNAVAILABLE, "upstream-unavailable", "Service unavailable",
					"The service behind this route is not answering; retry shortly.");
		}
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
				"The gateway failed unexpectedly; the trace id finds it in the logs.");
	}

	private static ProblemDetail problem(HttpStatusCode status, String slug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("/problems/" + slug));
		problem.setTitle(title);
		return problem;
	}

	private static String slug(HttpStatusCode status) {
		return switch (status.value()) {
			case 400 -> "bad-request";
			case 405 -> "method-not-allowed";
			case 413 -> "payload-too-large";
			case 415 -> "unsupported-media-type";
			default -> status.is5xxServerError() ? "internal" : "http-" + status.value();
		};
	}

	private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private static String traceId(ServerWebExchange exchange) {
		String traceparent = exchange.getRequest().getHeaders().getFirst("traceparent");
		if (traceparent != null) {
			Matcher matcher = TRACEPARENT.matcher(traceparent.trim());
			if (matcher.matches()) {
				return matcher.group(1);
			}
		}
		byte[] bytes = new byte[16];
		ThreadLocalRandom.current().nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
