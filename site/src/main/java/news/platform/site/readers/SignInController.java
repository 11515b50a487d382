package news.platform.site.readers;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

import news.platform.autoconfigure.signin.ReturnAddress;

/**
 * {@code /prijava?natrag=/…}: signing in from a page, and coming back to it; {@code /odjava/gotovo}:
 * where identity sends a reader who signed out, with that page as {@code state}. Every address is
 * checked when it is used: one that is not a path of the site leads to the home page.
 */
@Controller
class SignInController {

	private final ReturnAddress returns;

	SignInController(ReturnAddress returns) {
		this.returns = returns;
	}

	@GetMapping(ReaderSecurity.SIGN_IN_PATH)
	RedirectView signIn(@RequestParam(name = "natrag", required = false) String returnAddress,
			HttpServletRequest request, Authentication authentication) {
		String target = this.returns.safe(returnAddress);
		if (Reader.of(authentication) != null) {
			return relative(target);
		}
		this.returns.keep(request, target);
		return relative("/oauth2/authorization/" + ReaderSecurity.REGISTRATION);
	}

	@GetMapping(ReaderSecurity.SIGNED_OUT_PATH)
	RedirectView signedOut(@RequestParam(name = "state", required = false) String state) {
		return relative(this.returns.safe(state));
	}

	private static RedirectView relative(String path) {
		RedirectView view = new RedirectView(path, false);
		// a path, never made absolute from the request's Host
		view.setHttp10Compatible(false);
		view.setExposeModelAttributes(false);
		return view;
	}

}
