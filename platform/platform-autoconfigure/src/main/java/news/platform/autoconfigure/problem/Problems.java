package news.platform.autoconfigure.problem;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import news.platform.autoconfigure.observability.TraceIds;

/**
 * Problem documents for servlet requests: the request's path and trace id filled in. Filters that
 * answer before Spring MVC (the body limit, a fast path) write them with {@link #write}.
 */
public final class Problems {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Problems() {
	}

	public static ProblemDetail of(ProblemType type, String detail, HttpServletRequest request) {
		return of(type, type.status(), detail, request);
	}

	public static ProblemDetail of(ProblemType type, HttpStatusCode status, String detail,
			HttpServletRequest request) {
		return ProblemDocuments.of(type, status, detail, request != null ? request.getRequestURI() : null,
				TraceIds.current(request));
	}

	public static ProblemDetail of(ApiProblem problem, HttpServletRequest request) {
		return ProblemDocuments.of(problem, request != null ? request.getRequestURI() : null,
				TraceIds.current(request));
	}

	public static ProblemDetail withErrors(ProblemDetail problem, List<ApiProblem.FieldError> errors) {
		return ProblemDocuments.withErrors(problem, errors);
	}

	/** The answer for {@code problem}: its status, {@code Retry-After} where it says when to retry. */
	public static ResponseEntity<ProblemDetail> response(ApiProblem problem, HttpServletRequest request) {
		ResponseEntity.BodyBuilder builder = ResponseEntity.status(problem.status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (problem.retryAfterSeconds() > 0) {
			builder.header(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfterSeconds()));
		}
		return builder.body(of(problem, request));
	}

	public static ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** Writes {@code problem} straight to the response, for code that runs before Spring MVC. */
	public static void write(ApiProblem problem, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (problem.retryAfterSeconds() > 0) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(problem.retryAfterSeconds()));
		}
		write(of(problem, request), response);
	}

	public static void write(ProblemDetail problem, HttpServletResponse response) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		byte[] body = JSON.writeValueAsBytes(ProblemDocuments.asMap(problem));
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

}
