package news.platform.autoconfigure.problem;

import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindingResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;


/**
 * The one place where a service's exceptions become RFC 9457 problem documents of the catalogue
 * ({@link ProblemType}). Every body names the offending field where there is one, and no body
 * leaks internals: unexpected errors answer a generic 500 with the trace id that finds the logged
 * stack trace. It advises {@code @RestController}s only: a web application's page controllers
 * leave their errors to its own error pages.
 */
@RestControllerAdvice(annotations = RestController.class)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	@ExceptionHandler(ApiProblem.class)
	ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem, HttpServletRequest request) {
		return Problems.response(problem, request);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex, HttpServletRequest request) {
		List<ApiProblem.FieldError> errors = ex.getConstraintViolations()
			.stream()
			.map(violation -> new ApiProblem.FieldError(lastNode(violation.getPropertyPath().toString()),
					violation.getMessage()))
			.toList();
		return validationProblem(errors, request);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException ex, HttpServletRequest request) {
		return Problems.response(
				Problems.of(ProblemType.FORBIDDEN, "Your role does not allow this request.", request));
	}

	@ExceptionHandler(AuthenticationException.class)
	ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException ex, HttpServletRequest request) {
		return Problems
			.response(Problems.of(ProblemType.UNAUTHORIZED, "A valid bearer token is required.", request));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex, HttpServletRequest request) {
		RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.in(ex);
		if (tooLarge != null) {
			return bodyTooLarge(tooLarge, request);
		}
		ProblemDetail body = Problems.of(ProblemType.INTERNAL,
				"The request failed unexpectedly; the trace id finds it in the logs.", request);
		log.error("Unexpected error on {} {} (traceId {})", request.getMethod(), request.getRequestURI(),
				body.getProperties().get("traceId"), ex);
		return Problems.response(body);
	}

	/** A body that ran over the limit while it was read (no Content-Length, or a lying one). */
	private static ResponseEntity<ProblemDetail> bodyTooLarge(RequestBodyTooLargeException ex,
			HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.header(HttpHeaders.CONNECTION, "close")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.withErrors(Problems.of(ProblemType.PAYLOAD_TOO_LARGE, ex.getMessage(), request),
					List.of(new ApiProblem.FieldError("body", "larger than " + ex.limit() + " bytes"))));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return asObject(validationProblem(fieldErrors(ex.getBindingResult()), servletRequest(request)));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<ApiProblem.FieldError> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(result -> result.getResolvableErrors()
				.stream()
				.map(error -> new ApiProblem.FieldError(result.getMethodParameter().getParameterName(),
						error.getDefaultMessage())))
			.toList();
		return asObject(validationProblem(errors, servletRequest(request)));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		HttpServletRequest servletRequest = servletRequest(request);
		RequestBodyTooLargeException tooLarge = RequestBodyTooLargeException.in(ex);
		if (tooLarge != null) {
			return asObject(bodyTooLarge(tooLarge, servletRequest));
		}
		JacksonException jackson = firstWithPath(ex);
		ProblemDetail body;
		if (jackson instanceof UnrecognizedPropertyException unknown) {
			String field = jsonPath(unknown);
			body = Problems.withErrors(Problems.of(ProblemType.UNKNOWN_FIELD,
					"The field '" + field + "' is not part of this request.", servletRequest),
					List.of(new ApiProblem.FieldError(field, "unknown field")));
		}
		else if (jackson != null) {
			// a wrong JSON type, an unknown enum constant, or a value the target type refused
			// (a time without an offset): all name the field
			String field = jsonPath(jackson);
			String reason = jackson instanceof InvalidFormatException invalid
					? "cannot be read as " + invalid.getTargetType().getSimpleName()
					: jackson instanceof MismatchedInputException ? "has the wrong JSON type" : "is not valid";
			body = Problems.withErrors(Problems.of(ProblemType.INVALID_VALUE,
					"The value of '" + field + "' " + reason + ".", servletRequest),
					List.of(new ApiProblem.FieldError(field, "invalid value")));
		}
		else {
			body = Problems.of(ProblemType.MALFORMED_BODY,
					"The request body is not readable JSON of the expected shape.", servletRequest);
		}
		return asObject(Problems.response(body));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return asObject(Problems.response(Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content-Type "
				+ ex.getContentType() + " is not accepted here; use one of " + ex.getSupportedMediaTypes() + ".",
				servletRequest(request))));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return asObject(Problems.response(Problems.of(ProblemType.NOT_ACCEPTABLE,
				"No representation matches the Accept header; available: " + ex.getSupportedMediaTypes() + ".",
				servletRequest(request))));
	}

	@Override
	protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail body = Problems.of(ProblemType.METHOD_NOT_ALLOWED, ex.getMethod() + " is not supported here.",
				servletRequest(request));
		ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (ex.getSupportedHttpMethods() != null) {
			response.allow(ex.getSupportedHttpMethods().toArray(new HttpMethod[0]));
		}
		return asObject(response.body(body));
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return asObject(Problems
			.response(Problems.of(ProblemType.NOT_FOUND, "No resource at this path.", servletRequest(request))));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return asObject(Problems.response(Problems.withErrors(
				Problems.of(ProblemType.MISSING_PARAMETER,
						"The query parameter '" + ex.getParameterName() + "' is required.", servletRequest(request)),
				List.of(new ApiProblem.FieldError(ex.getParameterName(), "required")))));
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
		return asObject(Problems.response(Problems.withErrors(Problems.of(ProblemType.INVALID_PARAMETER,
				"The value of '" + field + "' is not valid.", servletRequest(request)),
				List.of(new ApiProblem.FieldError(field, "invalid value")))));
	}

	@Override
	protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex instanceof MissingRequestHeaderException missingHeader) {
			return asObject(Problems.response(Problems.withErrors(
					Problems.of(ProblemType.MISSING_HEADER,
							"The header '" + missingHeader.getHeaderName() + "' is required.", servletRequest(request)),
					List.of(new ApiProblem.FieldError(missingHeader.getHeaderName(), "required")))));
		}
		return super.handleServletRequestBindingException(ex, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return asObject(ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.header(HttpHeaders.CONNECTION, "close")
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.withErrors(Problems.of(ProblemType.PAYLOAD_TOO_LARGE,
					"The upload exceeds the allowed size.", servletRequest(request)),
					List.of(new ApiProblem.FieldError("file", "larger than allowed")))));
	}

	/** Whatever Spring MVC answered by itself still gets a catalogue type, instance and trace id. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		// Spring 7 leaves the type null where Spring 6 said about:blank: both mean "not ours yet"
		if (body instanceof ProblemDetail problem
				&& (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
			ProblemDetail enriched = Problems.of(ProblemType.forStatus(statusCode), statusCode, problem.getDetail(),
					servletRequest(request));
			return ResponseEntity.status(statusCode)
				.headers(headers)
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(enriched);
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	private static ResponseEntity<ProblemDetail> validationProblem(List<ApiProblem.FieldError> errors,
			HttpServletRequest request) {
		String detail = errors.isEmpty() ? "The request is not valid."
				: errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElseThrow();
		return Problems
			.response(Problems.withErrors(Problems.of(ProblemType.VALIDATION, detail, request), errors));
	}

	private static List<ApiProblem.FieldError> fieldErrors(BindingResult result) {
		var fields = result.getFieldErrors()
			.stream()
			.map(error -> new ApiProblem.FieldError(error.getField(), error.getDefaultMessage()));
		var globals = result.getGlobalErrors()
			.stream()
			.map(error -> new ApiProblem.FieldError(error.getObjectName(), error.getDefaultMessage()));
		return Stream.concat(fields, globals).toList();
	}

	/** The outermost Jackson exception that knows where in the document it happened. */
	private static JacksonException firstWithPath(Throwable ex) {
		for (Throwable cause = ex; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
				return jackson;
			}
		}
		return null;
	}

	static String jsonPath(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	private static String lastNode(String propertyPath) {
		int dot = propertyPath.lastIndexOf('.');
		return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
	}

	private static HttpServletRequest servletRequest(WebRequest request) {
		return request instanceof NativeWebRequest nativeRequest
				? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static ResponseEntity<Object> asObject(ResponseEntity<? extends Object> response) {
		return (ResponseEntity) response;
	}

}
