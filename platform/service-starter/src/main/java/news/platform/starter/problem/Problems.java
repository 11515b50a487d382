package news.platform.starter.problem;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import news.platform.starter.observability.TraceIds;

/**
 * Builds the platform's problem documents: a stable relative {@code type} per kind of error
 * ({@code /problems/<slug>}), the request path as {@code instance}, and always a {@code traceId}.
 */
public final class Problems {

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail,
			HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("/problems/" + slug));
		problem.setTitle(title);
		if (request != null) {
			problem.setInstance(URI.create(request.getRequestURI()));
		}
		problem.setProperty("traceId", TraceIds.current(request));
		return problem;
	}

	public static ProblemDetail withErrors(ProblemDetail problem, List<ApiProblem.FieldError> errors) {
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return problem;
	}

}
