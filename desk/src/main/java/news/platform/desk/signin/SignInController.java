package news.platform.desk.signin;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

import news.platform.autoconfigure.signin.ReturnAddress;

/**
 * {@code /prijava?natrag=/desk/...}: the sign-in link other pages (the site's preview, a shared
 * link) give, with the desk page to come back to. The address is checked when it is used, so a
 * link that names another site lands on the dashboard.
 */
@Controller
class SignInController {

	private final ReturnAddress returns;

	SignInController(ReturnAddress returns) {
		this.returns = returns;
	}

	@GetMapping(SecurityConfiguration.SIGN_IN_PATH)
	RedirectView signIn(@RequestParam(name = "natrag", required = false) String returnAddress, HttpServletRequest request,
			Authentication authentication) {
		String target = this.returns.safe(returnAddress);
		if (authentication != null && authentication.isAuthenticated() && SignedInPerson.of(authentication) != null) {
			// the checked address carries the context path already
			return new RedirectView(target, false);
		}
		this.returns.keep(request, target);
		return new RedirectView("/oauth2/authorization/" + SecurityConfiguration.REGISTRATION, true);
	}

}
