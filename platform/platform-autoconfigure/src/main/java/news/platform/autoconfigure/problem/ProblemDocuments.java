package news.platform.autoconfigure.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The platform's problem document, the same whichever web stack answers: {@code type} from the
 * catalogue, its title, the status, a detail, the request path as {@code instance}, always a
 * {@code traceId}, and {@code errors[{field, message}]} where fields are at fault.
 */
public final class ProblemDocuments {

	private ProblemDocuments() {
	}

	public static ProblemDetail of(ProblemType type, String detail, String path, String traceId) {
		return of(type, type.status(), detail, path, traceId);
	}

	/** For an error the framework raised with a status the catalogue maps to another type's status. */
	public static ProblemDetail of(ProblemType type, HttpStatusCode status, String detail, String path,
			String traceId) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type.uri());
		problem.setTitle(type.title());
		if (path != null) {
			problem.setInstance(URI.create(path.replace(" ", "%20")));
		}
		problem.setProperty("traceId", traceId);
		return problem;
	}

	public static ProblemDetail withErrors(ProblemDetail problem, List<ApiProblem.FieldError> errors) {
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		return problem;
	}

	public static ProblemDetail of(ApiProblem problem, String path, String traceId) {
		ProblemDetail body = withErrors(of(problem.type(), problem.getMessage(), path, traceId),
				problem.fieldErrors());
		if (problem.retryAfterSeconds() > 0) {
			body.setProperty("retryAfterSeconds", problem.retryAfterSeconds());
		}
		return body;
	}

	/**
	 * RFC 9457 members at the top level, extension members ({@code traceId}, {@code errors}) beside
	 * them: for writers that serialise without Spring's {@code ProblemDetail} mix-in.
	 */
	public static Map<String, Object> asMap(ProblemDetail problem) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("type", String.valueOf(problem.getType()));
		map.put("title", problem.getTitle());
		map.put("status", problem.getStatus());
		map.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			map.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			map.putAll(problem.getProperties());
		}
		return map;
	}

}
