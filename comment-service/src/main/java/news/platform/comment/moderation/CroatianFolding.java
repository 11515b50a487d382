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
 * <p>
 * Beside the folded letters, a {@link Folded} word keeps which Croatian letter each one was where
 * the writer said so (č, ć, š, ž, đ): a list entry {@code smeć*} then matches {@code smece} typed
 * without diacritics, but not {@code smeč} (a smash in tennis), where the writer chose another letter.
 */
final class CroatianFolding {

	private static final Locale CROATIAN = Locale.forLanguageTag("hr");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final String INSIDE_SEPARATORS = ".-_*'\"`~+|/\\,:;!?()[]{}<>^=#%&";

	private CroatianFolding() {
	}

	/**
	 * A word in matching form: {@code letters} folded, and for each letter the Croatian letter it
	 * was written as ({@code č ć š ž đ}), or {@code 0} where the writer did not say (a plain
	 * letter, a digit standing in, {@code dj}).
	 */
	record Folded(String letters, char[] marks) {

		int length() {
			return this.letters.length();
		}

		/** Whether letters {@code [0, count)} of this word may be the same letters as {@code other}'s. */
		boolean agreesWith(Folded other, int count) {
			for (int i = 0; i < count; i++) {
				char mine = this.marks[i];
				char theirs = other.marks[i];
				if (mine != 0 && theirs != 0 && mine != theirs) {
					return false;
				}
			}
			return true;
		}

		@Override
		public String toString() {
			return this.letters;
		}

	}

	/** Lower case, no diacritics, {@code dj} read as {@code đ} (the repeated-text fingerprints hash this). */
	static String fold(String text) {
		String lower = text.toLowerCase(CROATIAN).replace('đ', 'd').replace("dž", "dz");
		String stripped = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
		return stripped.replace("dj", "d");
	}

	/** One word (or list entry) in its matching form: folded, stand-ins read, separators gone, runs collapsed. */
	static String word(String raw) {
		return folded(raw).letters();
	}

	/** As {@link #word(String)}, with the Croatian letter each folded letter was written as. */
	static Folded folded(String raw) {
		String lower = Normalizer.normalize(raw.toLowerCase(CROATIAN), Normalizer.Form.NFC);
		StringBuilder letters = new StringBuilder(lower.length());
		StringBuilder marks = new StringBuilder(lower.length());
		for (int i = 0; i < lower.length(); i++) {
			char c = lower.charAt(i);
			char letter;
			char mark = 0;
			switch (c) {
				case 'č', 'ć' -> {
					letter = 'c';
					mark = c;
				}
				case 'š' -> {
					letter = 's';
					mark = c;
				}
				case 'ž' -> {
					letter = 'z';
					mark = c;
				}
				case 'đ' -> {
					letter = 'd';
					mark = c;
				}
				default -> {
					if (c < 0x80) {
						letter = c;
						break;
					}
					String base = MARKS.matcher(Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD))
						.replaceAll("");
					if (base.isEmpty()) {
						// a lone combining mark
						continue;
					}
					letter = base.charAt(0);
				}
			}
			// dj is how đ is written without diacritics: one letter, the writer did not say which
			if (letter == 'j' && !letters.isEmpty() && letters.charAt(letters.length() - 1) == 'd'
					&& marks.charAt(marks.length() - 1) == 0) {
				continue;
			}
			letters.append(letter);
			marks.append(mark);
		}
		StringBuilder outLetters = new StringBuilder(letters.length());
		StringBuilder outMarks = new StringBuilder(letters.length());
		for (int i = 0; i < letters.length(); i++) {
			char c = letters.charAt(i);
			char read = switch (c) {
				case '0' -> 'o';
				case '1' -> 'i';
				case '3' -> 'e';
				case '4', '@' -> 'a';
				case '5', '$' -> 's';
				case '7' -> 't';
				default -> c;
			};
			if (INSIDE_SEPARATORS.indexOf(read) >= 0) {
				continue;
			}
			// a run of one letter is one letter (glupaaan); it keeps the first written Croatian letter
			int last = outLetters.length() - 1;
			if (last >= 0 && outLetters.charAt(last) == read) {
				if (outMarks.charAt(last) == 0) {
					outMarks.setCharAt(last, marks.charAt(i));
				}
				continue;
			}
			outLetters.append(read);
			outMarks.append(marks.charAt(i));
		}
		char[] markArray = new char[outMarks.length()];
		outMarks.getChars(0, outMarks.length(), markArray, 0);
		return new Folded(outLetters.toString(), markArray);
	}

	/** The words of a text in matching form, plus spaced-out single letters joined into one word. */
	static List<String> words(String text) {
		return foldedWords(text).stream().map(Folded::letters).toList();
	}

	/** As {@link #words(String)}, each with the Croatian letters it was written with. */
	static List<Folded> foldedWords(String text) {
		List<Folded> words = new ArrayList<>();
		StringBuilder spelled = new StringBuilder();
		for (String token : text.split("\\s+")) {
			if (token.isEmpty()) {
				continue;
			}
			Folded word = folded(token);
			if (word.length() == 1) {
				spelled.append(token);
				continue;
			}
			addSpelled(spelled, words);
			if (word.length() > 0) {
				words.add(word);
			}
		}
		addSpelled(spelled, words);
		return words;
	}

	private static void addSpelled(StringBuilder spelled, List<Folded> words) {
		if (!spelled.isEmpty()) {
			Folded joined = folded(spelled.toString());
			if (joined.length() > 1) {
				words.add(joined);
			}
			spelled.setLength(0);
		}
	}

}
