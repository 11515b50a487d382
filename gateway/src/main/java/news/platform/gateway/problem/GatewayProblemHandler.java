package news.platform.gateway.problem;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.netty.channel.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * The gateway's own errors (no route, upstream unreachable or slow, open circuit, anything
 * unexpected) as RFC 9457 problem+json, in the same shape the services answer. Registered before
 * Boot's default handler, which would answer its own JSON map.
 */
@Component
@Order(-2)
class GatewayProblemHandler implements WebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(GatewayProblemHandler.class);

	/** Seconds a client should wait after a 503: about the time a breaker stays open. */
	private static final String RETRY_AFTER_SECONDS = "5";

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		ProblemDetail problem = problemFor(ex);
		if (problem.getStatus() >= 500) {
			log.warn("{} {} failed: {} (traceId {})", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath(), ex.toString(), Problems.traceId(exchange));
		}
		if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			exchange.getResponse().getHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
		}
		return Problems.write(exchange, problem);
	}

	static ProblemDetail problemFor(Throwable ex) {
		if (ex instanceof ResponseStatusException status) {
			HttpStatusCode code = status.getStatusCode();
			return switch (code.value()) {
				case 404 -> Problems.problem(404, "not-found", "Not found", "No resource at this path.");
				case 429 -> Problems.problem(429, "rate-limited", "Too many requests", reason(status));
				case 413 -> Problems.problem(413, "payload-too-large", "Payload too large", reason(status));
				case 503 -> unavailable();
				case 504 -> Problems.problem(504, "upstream-timeout", "Gateway timeout",
						"The service behind this route did not answer in time.");
				default -> Problems.problem(code.value(), slug(code), reasonPhrase(code),
						status.getReason() != null ? status.getReason() : "The request could not be handled.");
			};
		}
		if (ex instanceof ServiceUnavailableException || hasCause(ex, CallNotPermittedException.class)) {
			// the route's circuit is open: answered at once, without trying the service
			return unavailable();
		}
		if (hasCause(ex, ConnectException.class) || hasCause(ex, ConnectTimeoutException.class)
				|| hasCause(ex, PrematureCloseException.class)) {
			return unavailable();
		}
		if (hasCause(ex, TimeoutException.class)) {
			return Problems.problem(504, "upstream-timeout", "Gateway timeout",
					"The service behind this route did not answer in time.");
		}
		return Problems.problem(500, "internal", "Internal error",
				"The gateway failed unexpectedly; the trace id finds it in the logs.");
	}

	private static String reason(ResponseStatusException status) {
		return status.getReason() != null ? status.getReason() : "The request could not be handled.";
	}

	private static ProblemDetail unavailable() {
		return Problems.problem(503, "upstream-unavailable", "Service unavailable",
				"The service behind this route is not answering; retry shortly.");
	}

	private static String reasonPhrase(HttpStatusCode code) {
		HttpStatus known = HttpStatus.resolve(code.value());
		return known != null ? known.getReasonPhrase() : "HTTP " + code.value();
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

}
