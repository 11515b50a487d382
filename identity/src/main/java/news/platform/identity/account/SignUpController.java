package news.platform.identity.account;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

import news.platform.identity.web.PageContext;

/**
 * Readers open their own account: user name, the name others see, a password of at least
 * {@value AccountRules#MIN_PASSWORD} characters. No e-mail check here (the page says so); the new
 * account has the role {@code reader} only. A refused form is shown again with each field's
 * problem and nothing stored.
 */
@Controller
class SignUpController {

	private final Accounts accounts;

	private final PageContext pages;

	SignUpController(Accounts accounts, PageContext pages) {
		this.accounts = accounts;
		this.pages = pages;
	}

	@GetMapping("/signup")
	ModelAndView form(HttpServletRequest request) {
		return page(request, "", "", List.of(), HttpStatus.OK);
	}

	@PostMapping("/signup")
	ModelAndView signUp(@RequestParam(defaultValue = "") String username,
			@RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String passwordAgain, HttpServletRequest request) {
		List<AccountRules.Violation> violations = AccountRules.checkNewAccount(username, displayName, password,
				passwordAgain);
		String normalized = AccountRules.normalizedUsername(username);
		if (!violations.isEmpty()) {
			return page(request, shown(normalized), shown(displayName), violations, HttpStatus.UNPROCESSABLE_CONTENT);
		}
		try {
			this.accounts.create(normalized, displayName, password, Set.of("reader"));
		}
		catch (Accounts.UsernameTaken ex) {
			return page(request, normalized, displayName,
					List.of(new AccountRules.Violation("username", "signup.username.taken")), HttpStatus.CONFLICT);
		}
		return new ModelAndView(new RedirectView("/login?registered", true));
	}

	private ModelAndView page(HttpServletRequest request, String username, String displayName,
			List<AccountRules.Violation> violations, HttpStatus status) {
		SignUpPage page = new SignUpPage(this.pages.texts(request), PageContext.csrf(request), username, displayName,
				violations);
		return new ModelAndView("signup", Map.of("page", page), status);
	}

	/** What is shown back in the form: at most what the field may hold. */
	private static String shown(String typed) {
		String value = typed == null ? "" : typed.strip();
		return value.length() > 120 ? value.substring(0, 120) : value;
	}

}
