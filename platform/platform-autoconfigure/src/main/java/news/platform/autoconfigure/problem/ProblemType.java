package news.platform.autoconfigure.problem;

import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * The catalogue of every problem type the platform answers: one slug, one status and one title
 * per kind of error, whichever process answers it, so a client can switch on {@code type} alone.
 * The shared handlers, each service's OpenAPI document and the README tables come from here, and
 * a test in every module compares its README and OpenAPI document with the types its code uses.
 *
 * <p>{@link #common()} types are those the shared handlers answer in any servlet service (the root
 * README lists them); the others belong to one module and its README lists them.
 */
public enum ProblemType {

	// answered by the shared handlers in every servlet service
	NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "Not found", true),
	VALIDATION(HttpStatus.UNPROCESSABLE_CONTENT, "validation", "Request is not valid", true),
	UNKNOWN_FIELD(HttpStatus.BAD_REQUEST, "unknown-field", "Unknown field", true),
	INVALID_VALUE(HttpStatus.BAD_REQUEST, "invalid-value", "Invalid value", true),
	MALFORMED_BODY(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body", true),
	MISSING_PARAMETER(HttpStatus.BAD_REQUEST, "missing-parameter", "Missing parameter", true),
	INVALID_PARAMETER(HttpStatus.BAD_REQUEST, "invalid-parameter", "Invalid parameter", true),
	MISSING_HEADER(HttpStatus.BAD_REQUEST, "missing-header", "Missing header", true),
	BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", true),
	UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required", true),
	FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", true),
	METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed", true),
	NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable", true),
	PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large", true),
	UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
			true),
	INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error", true),

	// optimistic locking over HTTP (VersionPreconditions), for services with editable resources
	PRECONDITION_REQUIRED(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "If-Match required", false),
	STALE_VERSION(HttpStatus.PRECONDITION_FAILED, "stale-version", "Version does not match", false),

	// request bodies checked before binding
	INVALID_ENCODING(HttpStatus.BAD_REQUEST, "invalid-encoding", "Invalid encoding", false),
	UNSUPPORTED_CHARSET(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-charset", "Unsupported charset", false),
	OPERATOR_KEY(HttpStatus.BAD_REQUEST, "operator-key", "Key not allowed", false),
	INVALID_HEADER(HttpStatus.BAD_REQUEST, "invalid-header", "Invalid header", false),

	// refusals to retry later
	RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", false),
	BUSY(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Busy", false),
	UPSTREAM_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "upstream-unavailable", "Service unavailable", false),
	UPSTREAM_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout", "Gateway timeout", false),

	// gateway
	BAD_PATH(HttpStatus.BAD_REQUEST, "bad-path", "Bad request path", false),

	// article-service
	ILLEGAL_TRANSITION(HttpStatus.CONFLICT, "illegal-transition", "Transition not allowed", false),
	SLUG_TAKEN(HttpStatus.CONFLICT, "slug-taken", "Slug already in use", false),
	NINJS_INVALID(HttpStatus.UNPROCESSABLE_CONTENT, "ninjs-invalid", "Not a valid ninjs document", false),
	SECTION_IN_USE(HttpStatus.CONFLICT, "section-in-use", "Section in use", false),
	ARTICLE_GONE(HttpStatus.GONE, "article-gone", "Article no longer published", false),

	// media-service
	EMPTY_UPLOAD(HttpStatus.BAD_REQUEST, "empty-upload", "Empty upload", false),
	CORRUPT_IMAGE(HttpStatus.BAD_REQUEST, "corrupt-image", "Image cannot be read", false),
	TOO_MANY_PIXELS(HttpStatus.CONTENT_TOO_LARGE, "too-many-pixels", "Too many pixels", false),
	SIGNATURE_REQUIRED(HttpStatus.BAD_REQUEST, "signature-required", "Signature required", false),
	INVALID_SIGNATURE(HttpStatus.BAD_REQUEST, "invalid-signature", "Invalid signature", false),
	MEDIA_IN_USE(HttpStatus.CONFLICT, "media-in-use", "Media item in use", false),

	// comment-service
	COMMENTS_CLOSED(HttpStatus.CONFLICT, "comments-closed", "Comments are closed", false),
	COMMENT_STATE(HttpStatus.CONFLICT, "comment-state", "Not possible in this state", false),
	EDIT_WINDOW_CLOSED(HttpStatus.CONFLICT, "edit-window-closed", "Edit window closed", false),
	VERSION_CONFLICT(HttpStatus.CONFLICT, "version-conflict", "Changed meanwhile", false),
	IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
			false),
	USER_BANNED(HttpStatus.FORBIDDEN, "user-banned", "Banned from commenting", false),
	USER_SUSPENDED(HttpStatus.FORBIDDEN, "user-suspended", "Suspended from commenting", false);

	private static final String PREFIX = "/problems/";

	private final HttpStatus status;

	private final String slug;

	private final String title;

	private final boolean common;

	ProblemType(HttpStatus status, String slug, String title, boolean common) {
		this.status = status;
		this.slug = slug;
		this.title = title;
		this.common = common;
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

	/** {@code /problems/<slug>}: relative, stable, documented. */
	public URI uri() {
		return URI.create(PREFIX + this.slug);
	}

	/** Answered by the shared handlers of any servlet service; documented once, in the root README. */
	public boolean common() {
		return this.common;
	}

	public static Optional<ProblemType> bySlug(String slug) {
		return Arrays.stream(values()).filter(type -> type.slug.equals(slug)).findFirst();
	}

	/** The types the shared servlet handlers answer: every service can answer these. */
	public static Set<ProblemType> commonTypes() {
		Set<ProblemType> types = EnumSet.noneOf(ProblemType.class);
		Arrays.stream(values()).filter(ProblemType::common).forEach(types::add);
		return types;
	}

	/**
	 * The type for an error the framework raised with only a status: the common type of that status,
	 * else {@link #BAD_REQUEST} for a client error and {@link #INTERNAL} for a server error (the
	 * answer keeps its own status).
	 */
	public static ProblemType forStatus(HttpStatusCode status) {
		return switch (status.value()) {
			case 401 -> UNAUTHORIZED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 422 -> VALIDATION;
			default -> status.is5xxServerError() ? INTERNAL : BAD_REQUEST;
		};
	}

}
