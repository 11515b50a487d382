package news.platform.starter.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.springframework.boot.webmvc.error.ErrorController;

/**
 * Errors raised before Spring MVC sees a request (the servlet container rejecting a malformed
 * URL, a filter sending an error) reach {@code /error}; they answer problem+json too, instead of
 * Boot's default error map.
 */
@RestController
class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
				? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String detail = status.is5xxServerError() ? "The request failed unexpectedly."
				: "The request could not be handled: " + status.getReasonPhrase() + ".";
		ProblemDetail problem = Problems.of(status, slug(status), status.getReasonPhrase(), detail, request);
		if (path instanceof String original) {
			problem.setInstance(java.net.URI.create(original.replace(" ", "%20")));
		}
		return ProblemDetailsAdvice.respond(status, problem);
	}

	private static String slug(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "not-found";
			case BAD_REQUEST -> "bad-request";
			case CONTENT_TOO_LARGE -> "payload-too-large";
			case UNAUTHORIZED -> "unauthorized";
			case FORBIDDEN -> "forbidden";
			default -> status.is5xxServerError() ? "internal" : "http-" + status.value();
		};
	}

}
