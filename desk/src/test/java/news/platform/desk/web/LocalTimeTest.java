package news.platform.desk.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The words beside the embargo and schedule pickers: the newsroom's wall time, with its zone and offset. */
class LocalTimeTest {

	@Test
	void winterAndSummerInCroatian() {
		Texts croatian = texts(LocaleConfiguration.CROATIAN);

		assertThat(croatian.localTime("2026-12-04T14:05")).isEqualTo("4. prosinca 2026. u 14:05 (zagrebačko vrijeme, UTC+1)");
		assertThat(croatian.localTime("2027-07-15T09:30:00")).isEqualTo("15. srpnja 2027. u 09:30 (zagrebačko vrijeme, UTC+2)");
	}

	@Test
	void inEnglishByChoice() {
		assertThat(texts(Locale.ENGLISH).localTime("2026-12-04T14:05")).isEqualTo("4 December 2026, 14:05 (Zagreb time, UTC+1)");
	}

	@Test
	void emptyForNothingAndNullForWhatIsNotATime() {
		Texts croatian = texts(LocaleConfiguration.CROATIAN);

		assertThat(croatian.localTime("")).isEmpty();
		assertThat(croatian.localTime(null)).isEmpty();
		assertThat(croatian.localTime("4. 12. 2026.")).isNull();
		assertThat(croatian.localTime("2026-13-04T14:05")).isNull();
	}

	private static Texts texts(Locale locale) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new Texts(messages, locale);
	}

}
