package news.platform.desk.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Croatian unless the person chose English (the language form in the header): the choice is a
 * cookie of its own, so it outlives the session and follows no one else.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration {

	static final Locale CROATIAN = Locale.forLanguageTag("hr");

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("DESK_LANGUAGE");
		resolver.setDefaultLocale(CROATIAN);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieHttpOnly(true);
		resolver.setCookieSameSite("Lax");
		resolver.setCookiePath("/desk");
		return resolver;
	}

}
