package news.platform.site.content;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Slugs of names that have none yet (tags and authors are plain names until issue 16 gives them
 * slugs of their own): Croatian letters transliterated ({@code č ć → c}, {@code đ → d},
 * {@code š → s}, {@code ž → z}), lower case, words joined by {@code -}.
 */
public final class Slugs {

	/** What the site accepts as a slug in a path: the article service's rule. */
	public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

	private Slugs() {
	}

	public static String of(String name) {
		if (name == null) {
			return "";
		}
		String text = name.strip().replace('đ', 'd').replace('Đ', 'D').replace("ß", "ss");
		text = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
		text = NOT_SLUG.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("-");
		int start = 0;
		int end = text.length();
		while (start < end && text.charAt(start) == '-') {
			start++;
		}
		while (end > start && text.charAt(end - 1) == '-') {
			end--;
		}
		String slug = text.substring(start, end);
		return slug.length() > 120 ? slug.substring(0, 120).replaceAll("-+$", "") : slug;
	}

	public static boolean isSlug(String text) {
		return text != null && text.length() <= 120 && SLUG.matcher(text).matches();
	}

}
