package news.platform.comment.moderation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as the word rules see it: Croatian lower case without diacritics (č ć → c, đ → d, dj → d,
 * š → s, ž → z, other marks dropped), digits and signs that stand in for letters read as letters
 * (0 → o, 1 → i, 3 → e, 4 → a, 5 → s, 7 → t, @ → a, $ → s), separators inside a word removed
 * (g.l.u.p.a.n, g-l-u-p-a-n), runs of one letter collapsed (glupaaaan), and a run of single
 * letters spaced apart joined (g l u p a n).
 */
final class CroatianFolding {

	private static final Locale CROATIAN = Locale.forLanguageTag("hr");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern INSIDE_SEPARATORS = Pattern.compile("[.\\-_*'\"`~+|/\\\\,:;!?()\\[\\]{}<>^=#%&]+");

	private CroatianFolding() {
	}

	/** Lower case, no diacritics, {@code dj} read as {@code đ}. */
	static String fold(String text) {
		String lower = text.toLowerCase(CROATIAN).replace('đ', 'd').replace("dž", "dz");
		String stripped = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
		return stripped.replace("dj", "d");
	}

	/** One word (or list entry) in its matching form: folded, stand-ins read, separators gone, runs collapsed. */
	static String word(String raw) {
		String folded = fold(raw);
		StringBuilder letters = new StringBuilder(folded.length());
		for (int i = 0; i < folded.length(); i++) {
			char c = folded.charAt(i);
			char read = switch (c) {
				case '0' -> 'o';
				case '1' -> 'i';
				case '3' -> 'e';
				case '4', '@' -> 'a';
				case '5', '$' -> 's';
				case '7' -> 't';
				default -> c;
			};
			letters.append(read);
		}
		String joined = INSIDE_SEPARATORS.matcher(letters).replaceAll("");
		return collapse(joined);
	}

	/** The words of a text in matching form, plus spaced-out single letters joined into one word. */
	static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		StringBuilder spelled = new StringBuilder();
		for (String token : text.split("\\s+")) {
			if (token.isEmpty()) {
				continue;
			}
			String word = word(token);
			if (word.length() == 1) {
				spelled.append(word);
				continue;
			}
			if (spelled.length() > 1) {
				words.add(collapse(spelled.toString()));
			}
			spelled.setLength(0);
			if (!word.isEmpty()) {
				words.add(word);
			}
		}
		if (spelled.length() > 1) {
			words.add(collapse(spelled.toString()));
		}
		return words;
	}

	private static String collapse(CharSequence text) {
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (out.isEmpty() || out.charAt(out.length() - 1) != c) {
				out.append(c);
			}
		}
		return out.toString();
	}

}
