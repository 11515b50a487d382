package news.platform.desk.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;

/**
 * A page's texts in the person's language (Croatian first, English by their choice), from the
 * message bundles: templates hold no text of their own. Times are the newsroom's, Europe/Zagreb.
 */
public final class Texts {

	static final ZoneId NEWSROOM_TIME = ZoneId.of("Europe/Zagreb");

	private final MessageSource messages;

	private final Locale locale;

	private final DateTimeFormatter dateTime;

	public Texts(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
		this.dateTime = DateTimeFormatter.ofPattern(messages.getMessage("format.date-time", null, locale), locale)
			.withZone(NEWSROOM_TIME);
	}

	public String t(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, this.locale);
	}

	/** A text whose key comes from a service's answer (an action, a field): the value itself when unknown. */
	public String tOr(String key, String fallback) {
		return this.messages.getMessage(key, null, fallback, this.locale);
	}

	/** {@code 4. prosinca 2026. u 14:05} (Croatian), {@code 4 December 2026, 14:05} (English). */
	public String dateTime(Instant instant) {
		return instant == null ? "" : this.dateTime.format(instant);
	}

	/** The page's {@code lang}: {@code hr} or {@code en}. */
	public String lang() {
		return this.locale.getLanguage();
	}

}
