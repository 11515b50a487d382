package news.platform.desk.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.view.RedirectView;

import news.platform.autoconfigure.signin.ReturnAddress;

/** The language form in the header: {@code hr} or {@code en}, anything else leaves Croatian. */
@Controller
class LanguageController {

	private final LocaleResolver locales;

	private final ReturnAddress returns;

	LanguageController(LocaleResolver locales, ReturnAddress returns) {
		this.locales = locales;
		this.returns = returns;
	}

	@PostMapping("/jezik")
	RedirectView choose(@RequestParam(name = "jezik", required = false) String language,
			@RequestParam(name = "natrag", required = false) String returnAddress, HttpServletRequest request,
			HttpServletResponse response) {
		Locale locale = "en".equals(language) ? Locale.ENGLISH : LocaleConfiguration.CROATIAN;
		this.locales.setLocale(request, response, locale);
		return new RedirectView(this.returns.safe(returnAddress), false);
	}

}
