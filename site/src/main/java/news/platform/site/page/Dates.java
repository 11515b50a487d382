package news.platform.site.page;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as readers read them, in the newsroom's time zone (Europe/Zagreb, summer time included):
 * Croatian "4. prosinca 2026. u 14:05" (the month in the genitive, as Croatian writes a date), English
 * "4 December 2026, 14:05"; and the machine form for {@code <time datetime>}.
 */
public final class Dates {

	public static final ZoneId ZAGREB = ZoneId.of("Europe/Zagreb");

	private static final DateTimeFormatter CROATIAN = DateTimeFormatter.ofPattern("d. MMMM yyyy. 'u' HH:mm",
			Locale.forLanguageTag("hr"));

	private static final DateTimeFormatter CROATIAN_DAY = DateTimeFormatter.ofPattern("d. MMMM yyyy.",
			Locale.forLanguageTag("hr"));

	private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

	private static final DateTimeFormatter ENGLISH_DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter MACHINE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private Dates() {
	}

	/** Date and time, for an article's byline. */
	public static String dateTime(Instant instant, Locale locale) {
		if (instant == null) {
			return "";
		}
		return (isEnglish(locale) ? ENGLISH : CROATIAN).format(instant.atZone(ZAGREB));
	}

	/** The day only, for lists. */
	public static String day(Instant instant, Locale locale) {
		if (instant == null) {
			return "";
		}
		return (isEnglish(locale) ? ENGLISH_DAY : CROATIAN_DAY).format(instant.atZone(ZAGREB));
	}

	/** {@code 2026-12-04T14:05:00+01:00}: for {@code <time datetime>}, JSON-LD and feeds. */
	public static String machine(Instant instant) {
		return instant == null ? "" : MACHINE.format(instant.atZone(ZAGREB).withNano(0));
	}

	private static boolean isEnglish(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage());
	}

}
