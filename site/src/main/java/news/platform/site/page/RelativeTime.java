package news.platform.site.page;

import java.time.Duration;
import java.time.Instant;

/**
 * A comment's time as readers say it: "upravo sada", "prije 5 minuta", "prije 2 sata", "prije 3
 * dana", then the date. Croatian has three plural forms (1, 21 minutu; 2–4, 22 minute; 5–20, 11–14
 * minuta), chosen here and written in the bundles as {@code .one}, {@code .few}, {@code .many}.
 */
public final class RelativeTime {

	private RelativeTime() {
	}

	public static String of(Instant then, Instant now, Texts t) {
		if (then == null) {
			return "";
		}
		long seconds = Math.max(0, Duration.between(then, now).toSeconds());
		if (seconds < 60) {
			return t.t("comments.time.now");
		}
		long minutes = seconds / 60;
		if (minutes < 60) {
			return t.t("comments.time.minutes." + form(minutes, t), minutes);
		}
		long hours = minutes / 60;
		if (hours < 24) {
			return t.t("comments.time.hours." + form(hours, t), hours);
		}
		long days = hours / 24;
		if (days < 7) {
			return t.t("comments.time.days." + form(days, t), days);
		}
		return Dates.day(then, t.locale());
	}

	/** The plural form of {@code n}: {@code one}, {@code few} or {@code many} (English: one or many). */
	static String form(long n, Texts t) {
		if ("en".equals(t.lang())) {
			return n == 1 ? "one" : "many";
		}
		long lastTwo = n % 100;
		long last = n % 10;
		if (last == 1 && lastTwo != 11) {
			return "one";
		}
		if (last >= 2 && last <= 4 && (lastTwo < 12 || lastTwo > 14)) {
			return "few";
		}
		return "many";
	}

}
