package news.platform.site;

import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import news.platform.site.page.RelativeTime;
import news.platform.site.page.Texts;

import static org.assertj.core.api.Assertions.assertThat;

/** Croatian's three plural forms in a comment's time, and English's two. */
class RelativeTimeTest {

	private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

	private static Texts texts(String language) {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new Texts(messages, Locale.forLanguageTag(language));
	}

	private static String ago(long seconds, String language) {
		return RelativeTime.of(NOW.minusSeconds(seconds), NOW, texts(language));
	}

	@Test
	void croatianChoosesTheFormByTheLastDigits() {
		assertThat(ago(20, "hr")).isEqualTo("upravo sada");
		assertThat(ago(60, "hr")).isEqualTo("prije 1 minutu");
		assertThat(ago(2 * 60, "hr")).isEqualTo("prije 2 minute");
		assertThat(ago(5 * 60, "hr")).isEqualTo("prije 5 minuta");
		assertThat(ago(11 * 60, "hr")).isEqualTo("prije 11 minuta");
		assertThat(ago(12 * 60, "hr")).isEqualTo("prije 12 minuta");
		assertThat(ago(21 * 60, "hr")).isEqualTo("prije 21 minutu");
		assertThat(ago(23 * 60, "hr")).isEqualTo("prije 23 minute");
		assertThat(ago(3600, "hr")).isEqualTo("prije 1 sat");
		assertThat(ago(3 * 3600, "hr")).isEqualTo("prije 3 sata");
		assertThat(ago(5 * 3600, "hr")).isEqualTo("prije 5 sati");
		assertThat(ago(21 * 3600, "hr")).isEqualTo("prije 21 sat");
		assertThat(ago(86400, "hr")).isEqualTo("prije 1 dan");
		assertThat(ago(3 * 86400, "hr")).isEqualTo("prije 3 dana");
		assertThat(ago(6 * 86400, "hr")).isEqualTo("prije 6 dana");
		assertThat(ago(30 * 86400, "hr")).isEqualTo("5. studenoga 2026.");
		// a clock a little behind the service's: never "in the future"
		assertThat(ago(-30, "hr")).isEqualTo("upravo sada");
	}

	@Test
	void englishHasTwoForms() {
		assertThat(ago(60, "en")).isEqualTo("1 minute ago");
		assertThat(ago(22 * 60, "en")).isEqualTo("22 minutes ago");
		assertThat(ago(2 * 86400, "en")).isEqualTo("2 days ago");
	}

}
