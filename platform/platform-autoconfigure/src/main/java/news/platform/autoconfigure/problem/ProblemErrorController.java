package news.platform.autoconfigure.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

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
		String detail = status.is5xxServerError() ? "The request failed unexpectedly."
				: "The request could not be handled: " + status.getReasonPhrase() + ".";
		ProblemDetail problem = Problems.of(ProblemType.forStatus(status), status, detail, request);
		if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String original) {
			problem.setInstance(java.net.URI.create(original.replace(" ", "%20")));
		}
		return Problems.response(problem);
	}

}
