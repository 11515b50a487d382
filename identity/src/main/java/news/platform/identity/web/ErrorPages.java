package news.platform.identity.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import news.platform.autoconfigure.problem.ProblemType;
import news.platform.autoconfigure.problem.Problems;

/**
 * Errors as a person or a program can read them: a plain page in the reader's language for a
 * browser (an unregistered redirect URI, a form that is too large, a page that does not exist),
 * RFC 9457 problem+json for a program (the token endpoint's clients ask for JSON). Never a stack
 * trace.
 */
@Controller
class ErrorPages implements ErrorController {

	private final PageContext pages;

	ErrorPages(PageContext pages) {
		this.pages = pages;
	}

	@RequestMapping(path = "${server.error.path:/error}", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(HttpServletRequest request) {
		HttpStatus status = status(request);
		String key = switch (status.value()) {
			case 400 -> "error.400";
			case 403 -> "error.403";
			case 404 -> "error.404";
			case 413 -> "error.413";
			default -> status.is4xxClientError() ? "error.400" : "error.500";
		};
		return new ModelAndView("error",
				Map.of("page", new ErrorPage(this.pages.texts(request), status.value(), key + ".title", key + ".text")),
				status);
	}

	@RequestMapping(path = "${server.error.path:/error}")
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = status(request);
		String detail = status.is5xxServerError() ? "The request failed unexpectedly."
				: "The request could not be handled: " + status.getReasonPhrase() + ".";
		return Problems.response(Problems.of(ProblemType.forStatus(status), status, detail, request));
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		return code instanceof Integer value && HttpStatus.resolve(value) != null ? HttpStatus.valueOf(value)
				: HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
