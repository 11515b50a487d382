package news.platform.identity.signin;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

import news.platform.identity.web.PageContext;

/**
 * The sign-in page; Spring Security's form login takes the post ({@code POST /login}) and sends a
 * refused attempt back here with {@code ?error}.
 */
@Controller
class SignInController {

	private final PageContext pages;

	SignInController(PageContext pages) {
		this.pages = pages;
	}

	@GetMapping("/login")
	ModelAndView form(HttpServletRequest request) {
		boolean failed = request.getParameter("error") != null;
		SignInPage page = new SignInPage(this.pages.texts(request), PageContext.csrf(request), failed,
				request.getParameter("registered") != null, request.getParameter("logout") != null);
		return new ModelAndView("login", Map.of("page", page), failed ? HttpStatus.UNAUTHORIZED : HttpStatus.OK);
	}

}
