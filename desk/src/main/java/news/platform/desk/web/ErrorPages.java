package news.platform.desk.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors as a page in the person's language, never a stack trace: a missing story and a story the
 * person may not see are the same 404; a form without its CSRF token is a 403 that says to reload.
 */
@Controller
class ErrorPages implements ErrorController {

	private final PageContext pages;

	ErrorPages(PageContext pages) {
		this.pages = pages;
	}

	@RequestMapping("${server.error.path:/error}")
	ModelAndView page(HttpServletRequest request) {
		HttpStatus status = status(request);
		String key = switch (status.value()) {
			case 401 -> "error.401";
			case 403 -> "error.403";
			case 404 -> "error.404";
			case 413 -> "error.413";
			case 503 -> "error.503";
			default -> status.is4xxClientError() ? "error.400" : "error.500";
		};
		return new ModelAndView("error", Map.of("page", this.pages.page(request), "status", status.value(), "key", key),
				status);
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		return code instanceof Integer value && HttpStatus.resolve(value) != null ? HttpStatus.valueOf(value)
				: HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
