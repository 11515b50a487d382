package news.platform.article.slug;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL slugs from headlines, with Croatian transliteration ("Čačak đak" → "cacak-dak"). */
public final class Slugs {

	static final int MAX_LENGTH = 80;

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

	public static final Pattern VALID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

	private Slugs() {
	}

	public static String fromHeadline(String headline) {
		if (headline == null) {
			return "";
		}
		// letters that are not a base letter plus a combining mark, so NFD alone would keep them
		String text = headline.replace("đ", "d")
			.replace("Đ", "D")
			.replace("ß", "ss")
			.replace("æ", "ae")
			.replace("Æ", "AE")
			.replace("ø", "o")
			.replace("Ø", "O")
			.replace("ł", "l")
			.replace("Ł", "L")
			.replace("œ", "oe")
			.replace("Œ", "OE");
		text = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
		text = NON_ALNUM.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("-");
		text = trimHyphens(text);
		if (text.length() <= MAX_LENGTH) {
			return text;
		}
		int cut = text.lastIndexOf('-', MAX_LENGTH);
		return trimHyphens(cut > 0 ? text.substring(0, cut) : text.substring(0, MAX_LENGTH));
	}

	public static boolean isValid(String slug) {
		return slug != null && slug.length() <= 120 && VALID.matcher(slug).matches();
	}

	private static String trimHyphens(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && text.charAt(start) == '-') {
			start++;
		}
		while (end > start && text.charAt(end - 1) == '-') {
			end--;
		}
		return text.substring(start, end);
	}

}
