package news.platform.desk.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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

	private final DateTimeFormatter localDateTime;

	public Texts(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
		this.localDateTime = DateTimeFormatter.ofPattern(messages.getMessage("format.date-time", null, locale), locale);
		this.dateTime = this.localDateTime.withZone(NEWSROOM_TIME);
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

	/**
	 * A {@code datetime-local} value (the newsroom's wall time, as the embargo and schedule pickers
	 * hold it) in words with the zone named: {@code 4. prosinca 2026. u 14:05 (zagrebačko vrijeme,
	 * UTC+1)}. Empty for an empty value, null for one that is not a time.
	 */
	public String localTime(String value) {
		if (value == null || value.isBlank()) {
			return "";
		}
		LocalDateTime local;
		try {
			local = LocalDateTime.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
		ZoneOffset offset = local.atZone(NEWSROOM_TIME).getOffset();
		int minutes = offset.getTotalSeconds() / 60;
		String utc = (minutes < 0 ? "-" : "+") + Math.abs(minutes / 60)
				+ (minutes % 60 == 0 ? "" : String.format(":%02d", Math.abs(minutes % 60)));
		return t("time.zagreb", this.localDateTime.format(local), utc);
	}

	/** The page's {@code lang}: {@code hr} or {@code en}. */
	public String lang() {
		return this.locale.getLanguage();
	}

}
