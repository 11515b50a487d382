package news.platform.starter.problem;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * An error a service reports on purpose. The shared handler turns it into RFC 9457
 * {@code application/problem+json} with {@code type = /problems/<slug>}, so controllers and
 * domain code never build HTTP error bodies themselves.
 */
public class ApiProblem extends RuntimeException {

	private final HttpStatus status;

	private final String slug;

	private final String title;

	private final List<FieldError> fieldErrors = new ArrayList<>();

	private long retryAfterSeconds;

	public ApiProblem(HttpStatus status, String slug, String title, String detail) {
		super(detail);
		this.status = status;
		this.slug = slug;
		this.title = title;
	}

	public static ApiProblem badRequest(String slug, String title, String detail) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, slug, title, detail);
	}

	public static ApiProblem notFound(String what, String detail) {
		return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", what + " not found", detail);
	}

	public static ApiProblem conflict(String slug, String title, String detail) {
		return new ApiProblem(HttpStatus.CONFLICT, slug, title, detail);
	}

	/** 422 for a well-formed request whose content breaks a rule, naming the field. */
	public static ApiProblem invalidField(String field, String message) {
		return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "validation", "Request is not valid",
				field + ": " + message)
			.withFieldError(field, message);
	}

	/**
	 * A refusal the client should retry after a known time: 429 (a rate limit) or 503 (busy, or a
	 * service this one needs is down). The answer carries {@code Retry-After} and
	 * {@code retryAfterSeconds}.
	 */
	public static ApiProblem retryLater(HttpStatus status, String slug, String title, String detail,
			long retryAfterSeconds) {
		ApiProblem problem = new ApiProblem(status, slug, title, detail);
		problem.retryAfterSeconds = Math.max(1, retryAfterSeconds);
		return problem;
	}

	public ApiProblem withFieldError(String field, String message) {
		this.fieldErrors.add(new FieldError(field, message));
		return this;
	}

	public HttpStatus status() {
		return this.status;
	}

	public String slug() {
		return this.slug;
	}

	public String title() {
		return this.title;
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
