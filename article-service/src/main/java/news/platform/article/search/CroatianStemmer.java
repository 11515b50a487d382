package news.platform.article.search;

/**
 * A light Croatian suffix stemmer for diacritic-folded, lower-cased words. It strips one
 * inflectional ending of nouns and adjectives (case and number) and evens out the velar
 * alternation (k/c, g/z, h/s: {@code pobunjenik}, {@code pobunjenici}), which is what a reader
 * expects of search: {@code evakuacija} finds {@code evakuacije}, {@code grad} finds
 * {@code gradu}. It is deliberately not a full morphological analyser: verbs and irregular forms
 * mostly stay as they are, and it never conflates words down to very short stems.
 */
final class CroatianStemmer {

	/** A stem shorter than this would merge unrelated words (e.g. {@code rat} and {@code ruta}). */
	static final int MIN_STEM = 3;

	/** Longest first, so the longest ending that leaves a valid stem wins. */
	private static final String[] SUFFIXES = { "ovima", "evima", "ama", "ima", "ega", "emu", "oga", "ome",
			"omu", "ova", "ove", "ovi", "eva", "eve", "evi", "ih", "im", "og", "om", "oj", "em", "eg", "a", "e", "i",
			"o", "u" };

	private CroatianStemmer() {
	}

	/**
	 * Stems {@code length} chars of {@code word} in place and answers the new length. Words with
	 * anything but the letters a-z are left alone (numbers, codes, mixed tokens).
	 */
	static int stem(char[] word, int length) {
		if (length <= MIN_STEM || !lettersOnly(word, length)) {
			return length;
		}
		int stemLength = length;
		for (String suffix : SUFFIXES) {
			int candidate = length - suffix.length();
			if (candidate >= MIN_STEM && endsWith(word, length, suffix) && hasVowel(word, candidate)) {
				stemLength = candidate;
				break;
			}
		}
		evenOutVelar(word, stemLength);
		return stemLength;
	}

	static String stem(String word) {
		char[] chars = word.toCharArray();
		return new String(chars, 0, stem(chars, chars.length));
	}

	// Nominative pobunjenik, plural pobunjenici; bubreg, bubrezi; duh, dusi: one key for both.
	private static void evenOutVelar(char[] word, int length) {
		int last = length - 1;
		switch (word[last]) {
			case 'k' -> word[last] = 'c';
			case 'g' -> word[last] = 'z';
			case 'h' -> word[last] = 's';
			default -> {
			}
		}
	}

	private static boolean endsWith(char[] word, int length, String suffix) {
		int offset = length - suffix.length();
		for (int i = 0; i < suffix.length(); i++) {
			if (word[offset + i] != suffix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	// A syllabic r counts as a vowel (vrh, prst, crven).
	private static boolean hasVowel(char[] word, int length) {
		for (int i = 0; i < length; i++) {
			switch (word[i]) {
				case 'a', 'e', 'i', 'o', 'u', 'r' -> {
					return true;
				}
				default -> {
				}
			}
		}
		return false;
	}

	private static boolean lettersOnly(char[] word, int length) {
		for (int i = 0; i < length; i++) {
			if (word[i] < 'a' || word[i] > 'z') {
				return false;
			}
		}
		return true;
	}

}
