package news.platform.identity.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/** Croatian unless the browser prefers English: {@code Accept-Language} decides, nothing is stored. */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration {

	static final Locale CROATIAN = Locale.forLanguageTag("hr");

	@Bean
	LocaleResolver localeResolver() {
		AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
		resolver.setDefaultLocale(CROATIAN);
		resolver.setSupportedLocales(List.of(CROATIAN, Locale.ENGLISH));
		return resolver;
	}

}
