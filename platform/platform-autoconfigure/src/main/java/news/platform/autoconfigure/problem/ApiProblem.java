package news.platform.autoconfigure.problem;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * An error a service reports on purpose, as one of the catalogue's {@link ProblemType}s with a
 * detail for this occurrence. The shared handlers turn it into RFC 9457
 * {@code application/problem+json}, so controllers and domain code never build HTTP error bodies.
 */
public class ApiProblem extends RuntimeException {

	private final ProblemType type;

	private final List<FieldError> fieldErrors = new ArrayList<>();

	private long retryAfterSeconds;

	public ApiProblem(ProblemType type, String detail) {
		super(detail);
		this.type = type;
	}

	public static ApiProblem of(ProblemType type, String detail) {
		return new ApiProblem(type, detail);
	}

	/** 404; {@code what} names the missing thing in the detail ("Article", "Comment"). */
	public static ApiProblem notFound(String what, String detail) {
		return new ApiProblem(ProblemType.NOT_FOUND, detail != null ? detail : what + " not found.");
	}

	/** 422 for a well-formed request whose content breaks a rule, naming the field. */
	public static ApiProblem invalidField(String field, String message) {
		return new ApiProblem(ProblemType.VALIDATION, field + ": " + message).withFieldError(field, message);
	}

	/** 400 for a query parameter that cannot be used, naming it. */
	public static ApiProblem invalidParameter(String parameter, String message) {
		return new ApiProblem(ProblemType.INVALID_PARAMETER, "The value of '" + parameter + "' " + message + ".")
			.withFieldError(parameter, message);
	}

	/**
	 * A refusal the client should retry after a known time: 429 (a rate limit) or 503 (busy, or a
	 * service this one needs is down). The answer carries {@code Retry-After} and
	 * {@code retryAfterSeconds}.
	 */
	public static ApiProblem retryLater(ProblemType type, String detail, long retryAfterSeconds) {
		ApiProblem problem = new ApiProblem(type, detail);
		problem.retryAfterSeconds = Math.max(1, retryAfterSeconds);
		return problem;
	}

	public ApiProblem withFieldError(String field, String message) {
		this.fieldErrors.add(new FieldError(field, message));
		return this;
	}

	public ProblemType type() {
		return this.type;
	}

	public HttpStatus status() {
		return this.type.status();
	}

	public String slug() {
		return this.type.slug();
	}

	public String title() {
		return this.type.title();
	}

	/** Seconds after which a retry may succeed; 0 when the problem is not one to retry. */
	public long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

	public List<FieldError> fieldErrors() {
		return List.copyOf(this.fieldErrors);
	}

	/** One offending field: its JSON path as the client sent it, and what is wrong with it. */
	public record FieldError(String field, String message) {
	}

}
