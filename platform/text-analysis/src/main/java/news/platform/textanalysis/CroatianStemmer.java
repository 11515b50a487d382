package news.platform.textanalysis;

/**
 * A light Croatian suffix stemmer for diacritic-folded, lower-cased words. It strips one
 * inflectional ending of nouns and adjectives (case and number), drops the fleeting a
 * (nepostojano a) so a word's forms with and without it meet, and evens out the velar
 * alternation (k/c, g/z, h/s: {@code pobunjenik}, {@code pobunjenici}), which is what a reader
 * expects of search: {@code evakuacija} finds {@code evakuacije}, {@code grad} finds {@code gradu},
 * {@code Čačak} finds {@code Čačku}. It is deliberately not a full morphological analyser: verbs
 * and irregular forms mostly stay as they are, and it never conflates words down to very short
 * stems.
 *
 * <h2>The fleeting a</h2>
 * Many masculine nouns and adjectives have an a in the last syllable of the nominative that the
 * other forms lose ({@code lovac}, {@code lovca}; {@code Čačak}, {@code Čačku}; {@code dobar},
 * {@code dobra}; {@code svibanj}, {@code svibnja}), and many feminine nouns gain one in the
 * genitive plural ({@code djevojka}, {@code djevojaka}; {@code sestra}, {@code sestara}). After the
 * ending is stripped, a stem that ends in consonant + a + {@code k}, {@code c}, {@code r} or
 * {@code n}, with a syllable before that (a vowel, or an r between consonants), loses the a:
 * {@code lovac}, {@code lovaca} and {@code lovca} all become {@code lovc}; so does {@code -izam}
 * ({@code turizam}, {@code turizma}). Other stems in {@code -am} keep it: they are as often a
 * feminine {@code -ama} with its ending stripped ({@code ženama}). Before {@code k} the consonant ahead of the a is devoiced
 * as it is in the short forms ({@code dolazak}, {@code dolaska}; {@code redak}, {@code retka}).
 * {@code -anj} loses its a only when no ending was stripped (the months {@code svibanj},
 * {@code lipanj}), so the verbal nouns in {@code -anje} keep theirs ({@code kupanje} is not
 * {@code kupnja}).
 *
 * <p>Whether an a is really fleeting cannot be told from the letters ({@code korak},
 * {@code koraka} keeps it): the rule is applied to every stem of that shape, so the forms of such
 * a word still meet on one stem ({@code korc}), only a different one than a dictionary would
 * give. {@code most}, {@code mostu} has no a and stays {@code most}.
 */
public final class CroatianStemmer {

	/** A stem shorter than this would merge unrelated words (e.g. {@code rat} and {@code ruta}). */
	public static final int MIN_STEM = 3;

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
	public static int stem(char[] word, int length) {
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
		stemLength = dropFleetingA(word, stemLength, stemLength == length);
		evenOutVelar(word, stemLength);
		return stemLength;
	}

	public static String stem(String word) {
		char[] chars = word.toCharArray();
		return new String(chars, 0, stem(chars, chars.length));
	}

	/**
	 * lovac → lovc, čačak → čačk, dobar → dobr, važan → važn, djevojak(a) → djevojk, dolazak →
	 * dolask, terorizam → terorizm; svibanj → svibnj only when no ending was stripped.
	 */
	static int dropFleetingA(char[] word, int length, boolean unsuffixed) {
		if (unsuffixed && length >= 5 && word[length - 1] == 'j' && word[length - 2] == 'n'
				&& word[length - 3] == 'a' && isConsonant(word[length - 4]) && hasSyllable(word, length - 3)) {
			word[length - 3] = 'n';
			word[length - 2] = 'j';
			return length - 1;
		}
		if (length < MIN_STEM + 1) {
			return length;
		}
		char last = word[length - 1];
		// -am only as -izam (turizam, turizma): a stem that ends in -am is as often a feminine
		// -ama with its ending stripped (ženama, sestrama), which must stay as it is
		boolean fleetingEnd = last == 'k' || last == 'c' || last == 'r' || last == 'n'
				|| (last == 'm' && length >= 5 && word[length - 3] == 'z' && word[length - 4] == 'i');
		if (!fleetingEnd || word[length - 2] != 'a' || !isConsonant(word[length - 3])
				|| !hasSyllable(word, length - 2)) {
			return length;
		}
		if (last == 'k') {
			word[length - 3] = devoiced(word[length - 3]);
		}
		word[length - 2] = last;
		return length - 1;
	}

	// dolazak → dolaska, redak → retka, (ž folds to z) težak → teška
	private static char devoiced(char consonant) {
		return switch (consonant) {
			case 'd' -> 't';
			case 'z' -> 's';
			case 'b' -> 'p';
			default -> consonant;
		};
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

	// Before a fleeting a there is a syllable of its own: a vowel, or an r between consonants
	// (tvrtaka, srpanj); znak, zrak, hram and plan keep their a.
	private static boolean hasSyllable(char[] word, int length) {
		for (int i = 0; i < length; i++) {
			if (isVowel(word[i])) {
				return true;
			}
			if (word[i] == 'r' && (i == 0 || isConsonant(word[i - 1])) && i + 1 < length && isConsonant(word[i + 1])) {
				return true;
			}
		}
		return false;
	}

	private static boolean isVowel(char c) {
		return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
	}

	private static boolean isConsonant(char c) {
		return c >= 'a' && c <= 'z' && !isVowel(c);
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
