package news.platform.site.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import news.platform.site.render.PageWriter;

/**
 * What the servlet container or Spring answers by itself (a method other than GET, a malformed
 * request, an unexpected failure) as one of the site's error pages, in its language. Never a stack
 * trace, never kept.
 */
@Controller
class ErrorPages implements ErrorController {

	private final Renderings renderings;

	private final PageWriter writer;

	ErrorPages(Renderings renderings, PageWriter writer) {
		this.renderings = renderings;
		this.writer = writer;
	}

	@RequestMapping("${server.error.path:/error}")
	void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer value && value >= 400 && value < 600 ? value : 500;
		String allow = response.getHeader("Allow");
		this.writer.write(this.renderings.error(status, 0, "no-store"), request, response, null);
		if (allow != null) {
			response.setHeader("Allow", allow);
		}
	}

}
