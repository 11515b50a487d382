package news.platform.autoconfigure.problem;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import news.platform.autoconfigure.observability.ExchangeTraceIds;

/**
 * Problem documents for reactive exchanges (the gateway), in the shape the servlet services
 * answer: a catalogue type, the path as {@code instance}, the request's trace id.
 */
public final class ReactiveProblems {

	// Jackson 3's mapper is immutable and thread-safe; the problem shape needs no Boot customisation
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ReactiveProblems() {
	}

	public static ProblemDetail of(ProblemType type, String detail, ServerWebExchange exchange) {
		return of(type, type.status(), detail, exchange);
	}

	public static ProblemDetail of(ProblemType type, HttpStatusCode status, String detail,
			ServerWebExchange exchange) {
		return ProblemDocuments.of(type, status, detail, exchange.getRequest().getPath().value(),
				ExchangeTraceIds.current(exchange));
	}

	public static Mono<Void> write(ServerWebExchange exchange, ProblemType type, String detail) {
		return write(exchange, of(type, detail, exchange));
	}

	public static Mono<Void> write(ServerWebExchange exchange, ApiProblem problem) {
		if (problem.retryAfterSeconds() > 0) {
			exchange.getResponse()
				.getHeaders()
				.set(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfterSeconds()));
		}
		return write(exchange, ProblemDocuments.of(problem, exchange.getRequest().getPath().value(),
				ExchangeTraceIds.current(exchange)));
	}

	/** Writes the problem unless the response has already started (then nothing can be said). */
	public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = JSON.writeValueAsBytes(ProblemDocuments.asMap(problem));
		response.getHeaders().setContentLength(body.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
	}

}
