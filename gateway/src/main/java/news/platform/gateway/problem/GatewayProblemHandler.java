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

import news.platform.autoconfigure.observability.ExchangeTraceIds;
import news.platform.autoconfigure.problem.ProblemType;
import news.platform.autoconfigure.problem.ReactiveProblems;

/**
 * The gateway's own errors (no route, upstream unreachable or slow, open circuit, anything
 * unexpected) as the platform's problem+json ({@link ReactiveProblems}, types from the
 * {@link ProblemType} catalogue), the shape the services answer. What is the gateway's own is
 * which failure of a proxied call means what: an open circuit or a refused connection is 503
 * {@code upstream-unavailable}, no answer in time is 504 {@code upstream-timeout}. Registered
 * before Boot's default handler, which would answer its own JSON map. On the routes of web
 * applications (the site, the desk) a browser gets the same refusal as a short page
 * ({@link WebErrorPage}).
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
		ProblemDetail problem = problemFor(ex, exchange);
		if (problem.getStatus() >= 500) {
			log.warn("{} {} failed: {} (traceId {})", exchange.getRequest().getMethod(),
					exchange.getRequest().getPath(), ex.toString(), ExchangeTraceIds.current(exchange));
		}
		if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			exchange.getResponse().getHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
		}
		if (WebErrorPage.wanted(exchange)) {
			// a person in a browser on the site's or the desk's route reads a page, not JSON
			return WebErrorPage.write(exchange, problem);
		}
		return ReactiveProblems.write(exchange, problem);
	}

	static ProblemDetail problemFor(Throwable ex, ServerWebExchange exchange) {
		if (ex instanceof ResponseStatusException status) {
			HttpStatusCode code = status.getStatusCode();
			return switch (code.value()) {
				case 404 -> ReactiveProblems.of(ProblemType.NOT_FOUND, "No resource at this path.", exchange);
				case 429 -> ReactiveProblems.of(ProblemType.RATE_LIMITED, reason(status), exchange);
				case 413 -> ReactiveProblems.of(ProblemType.PAYLOAD_TOO_LARGE, reason(status), exchange);
				case 503 -> unavailable(exchange);
				case 504 -> timedOut(exchange);
				// what the framework refused with a bare status (405, 415, 400…): the catalogue's type
				// for that status, the status itself kept
				default -> ReactiveProblems.of(ProblemType.forStatus(code), code, reason(status), exchange);
			};
		}
		if (ex instanceof ServiceUnavailableException || hasCause(ex, CallNotPermittedException.class)) {
			// the route's circuit is open: answered at once, without trying the service
			return unavailable(exchange);
		}
		if (hasCause(ex, ConnectException.class) || hasCause(ex, ConnectTimeoutException.class)
				|| hasCause(ex, PrematureCloseException.class)) {
			return unavailable(exchange);
		}
		if (hasCause(ex, TimeoutException.class)) {
			return timedOut(exchange);
		}
		return ReactiveProblems.of(ProblemType.INTERNAL,
				"The gateway failed unexpectedly; the trace id finds it in the logs.", exchange);
	}

	private static String reason(ResponseStatusException status) {
		return status.getReason() != null ? status.getReason() : "The request could not be handled.";
	}

	private static ProblemDetail unavailable(ServerWebExchange exchange) {
		return ReactiveProblems.of(ProblemType.UPSTREAM_UNAVAILABLE,
				"The service behind this route is not answering; retry shortly.", exchange);
	}

	private static ProblemDetail timedOut(ServerWebExchange exchange) {
		return ReactiveProblems.of(ProblemType.UPSTREAM_TIMEOUT,
				"The service behind this route did not answer in time.", exchange);
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
