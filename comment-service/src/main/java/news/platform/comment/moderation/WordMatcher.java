package news.platform.comment.moderation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One word list, compiled for matching: every word of a comment is walked once down a trie of
 * folded letters ({@link CroatianFolding}), so a comment costs time in proportion to its length,
 * whatever the size of the list. Entries are literal words; nothing a moderator types is ever
 * compiled as a regular expression.
 * <p>
 * An entry without {@code *} matches that word only. An entry ending in {@code *} matches every
 * word that starts with it, and also the forms of the word whose stem changes, which a prefix
 * alone misses (Croatian):
 * <ul>
 * <li>a final vowel dropped before an ending or a suffix: {@code budala*} → budale, budalu,
 * budalica, budaletina; {@code pička*} → pičke, pičkica, pičketina;</li>
 * <li>the fleeting a (nepostojano a): {@code kurac*} → kurca, kurcu, kurcem, kurci;</li>
 * <li>palatalisation (k → č, g → ž, h → š, c → č, z → ž) in the vocative and before augmentative,
 * diminutive and possessive suffixes: {@code seljak*} → seljače, seljačina, seljačić;
 * {@code kurac*} → kurčina, kurčić, kurčev; {@code vrag*} → vraže, vražić;</li>
 * <li>sibilarisation (k → c, g → z, h → s) before -i: {@code seljak*} → seljaci, seljacima;
 * {@code vrag*} → vrazi.</li>
 * </ul>
 * A changed stem matches only when a known ending or suffix follows it (a closed list below), never
 * as an open prefix: that is what keeps {@code kurac*} off kurir and kuraž, and {@code seljak*} off
 * seljački. {@code WordMatcherDictionaryTest} runs every form of the Croatian dictionary through
 * the configured lists and compares the matches with a reviewed list.
 */
final class WordMatcher {

	private static final Locale CROATIAN = Locale.forLanguageTag("hr");

	/** Case and number endings of nouns and adjectives ("" = none). */
	private static final List<String> ENDINGS = List.of("", "a", "e", "i", "o", "u", "om", "em", "ima", "ama", "ih",
			"im", "oj", "og", "oga", "ome", "omu", "eg", "ega", "emu");

	/**
	 * Suffixes before an ending that keep the word the listed one ("" = none): diminutive (-ica,
	 * -ić, -čić), augmentative (-ina, -etina, -čina), possessive and plural (-in, -ov, -ev), feminine
	 * (-ka, -kinja).
	 */
	private static final List<String> DERIVATIONS = List.of("", "ic", "ić", "čić", "in", "etin", "čin", "ov", "ev",
			"k", "kinj");

	/** Endings of nouns in -a (budala, pička): singular cases and the plural. */
	private static final List<String> A_NOUN_ENDINGS = List.of("a", "e", "i", "o", "u", "om", "ama");

	/** Endings of nouns in -e (smeće: smeća, smeću, smećem, smećima). */
	private static final List<String> E_NOUN_ENDINGS = List.of("a", "e", "i", "u", "em", "ima");

	/** Endings of nouns in -o (selo: sela, selu, selom, selima). */
	private static final List<String> O_NOUN_ENDINGS = List.of("a", "e", "i", "o", "u", "om", "ima");

	/** Endings of a possessive adjective (budalin, budalina, budalinog …). */
	private static final List<String> ADJECTIVE_ENDINGS = List.of("", "a", "e", "i", "o", "u", "ih", "im", "ima", "og",
			"oga", "oj", "om", "ome", "omu");

	/** After a palatalised stem: the vocative, or an augmentative, diminutive or possessive suffix. */
	private static final List<String> PALATAL_DERIVATIONS = List.of("in", "ić", "ic", "ev", "etin");

	private static final String VOWELS = "aeiou";

	private static final String CONSONANTS = "bcčćdđfghjklmnprsštvzž";

	/** Consonant pairs the genitive plural keeps together (cesta → cesta, not cesata). */
	private static final Set<String> CLUSTERS_WITHOUT_A = Set.of("st", "zd", "št", "žd", "šć", "lj", "nj", "dž");

	/** What may follow a stem that is not the entry itself. */
	enum Continuation {

		/** Nothing: the entry is the whole word. */
		EXACT,
		/** Nothing, or a suffix and/or an ending: the entry's own word and its forms. */
		FORMS,
		/** A suffix and/or an ending, at least one letter (after the fleeting a). */
		DERIVED,
		/**
		 * After a noun in -a without it (budal-): its endings, the diminutive -ica and augmentative
		 * -etina with them, and the possessive -in.
		 */
		A_NOUN,
		/** After a noun in -e without it (smeć-): its endings. */
		E_NOUN,
		/** After a noun in -o without it (sel-): its endings. */
		O_NOUN,
		/** -a: the genitive plural that puts an a back between two consonants (pičk- → pičaka). */
		GENITIVE_PLURAL,
		/** The vocative -e, or an augmentative, diminutive or possessive suffix with an ending. */
		PALATAL,
		/** -i, -ima. */
		SIBILANT;

		private final Map<Character, Suffixes> byStemEnd = new ConcurrentHashMap<>();

		/**
		 * The folded continuations after a stem ending in {@code last}: a run of one letter across
		 * the join is one letter in folded text too ({@code i} + {@code ima} reads {@code ima}).
		 */
		Suffixes after(char last) {
			Suffixes known = this.byStemEnd.get(last);
			if (known != null) {
				return known;
			}
			Set<String> folded = new LinkedHashSet<>();
			for (String suffix : raw()) {
				String joined = CroatianFolding.word(last + suffix);
				folded.add(joined.substring(1));
			}
			Suffixes made = new Suffixes(Set.copyOf(folded), folded.stream().mapToInt(String::length).max().orElse(0));
			this.byStemEnd.putIfAbsent(last, made);
			return made;
		}

		private List<String> raw() {
			List<String> suffixes = new ArrayList<>();
			switch (this) {
				case FORMS, DERIVED -> {
					for (String derivation : DERIVATIONS) {
						for (String ending : ENDINGS) {
							if (this == FORMS || !(derivation + ending).isEmpty()) {
								suffixes.add(derivation + ending);
							}
						}
					}
				}
				case A_NOUN -> {
					suffixes.addAll(A_NOUN_ENDINGS);
					for (String derivation : List.of("ic", "etin")) {
						A_NOUN_ENDINGS.forEach(ending -> suffixes.add(derivation + ending));
					}
					ADJECTIVE_ENDINGS.forEach(ending -> suffixes.add("in" + ending));
				}
				case E_NOUN -> suffixes.addAll(E_NOUN_ENDINGS);
				case O_NOUN -> suffixes.addAll(O_NOUN_ENDINGS);
				case GENITIVE_PLURAL -> suffixes.add("a");
				case PALATAL -> {
					suffixes.add("e");
					for (String derivation : PALATAL_DERIVATIONS) {
						for (String ending : ENDINGS) {
							suffixes.add(derivation + ending);
						}
					}
				}
				case SIBILANT -> suffixes.addAll(List.of("i", "ima"));
				default -> {
				}
			}
			return suffixes;
		}

	}

	/** The folded continuations after one stem ending, and the longest of them. */
	record Suffixes(Set<String> folded, int longest) {

		boolean followsFrom(String letters, int from) {
			return letters.length() - from <= this.longest && this.folded.contains(letters.substring(from));
		}

	}

	/** What a comment word matched: the list entry and the word as folded. */
	record Match(String entry, String word) {
	}

	/** One way an entry can be met: its stem (folded) and what may follow it. */
	private record Candidate(String entry, CroatianFolding.Folded stem, Continuation continuation) {
	}

	/** A trie node: the letters that continue from here (few, so a short array scanned in order). */
	private static final class Node {

		private char[] letters = new char[0];

		private Node[] next = new Node[0];

		private List<Candidate> candidates;

		Node child(char letter) {
			char[] own = this.letters;
			for (int i = 0; i < own.length; i++) {
				if (own[i] == letter) {
					return this.next[i];
				}
			}
			return null;
		}

		Node childOrNew(char letter) {
			Node found = child(letter);
			if (found != null) {
				return found;
			}
			int n = this.letters.length;
			this.letters = java.util.Arrays.copyOf(this.letters, n + 1);
			this.next = java.util.Arrays.copyOf(this.next, n + 1);
			this.letters[n] = letter;
			this.next[n] = new Node();
			return this.next[n];
		}

	}

	private final Node root = new Node();

	private final int size;

	private WordMatcher(List<String> entries) {
		this.size = entries.size();
		for (String entry : entries) {
			compile(entry);
		}
	}

	/** Entries as stored: lower case, NFC, checked by {@link WordPatterns}. */
	static WordMatcher of(List<String> entries) {
		return new WordMatcher(entries);
	}

	int size() {
		return this.size;
	}

	/** The first word of the text any entry matches, or null. */
	Match firstMatch(List<CroatianFolding.Folded> words) {
		for (CroatianFolding.Folded word : words) {
			String entry = match(word);
			if (entry != null) {
				return new Match(entry, word.letters());
			}
		}
		return null;
	}

	/** The entry a single word matches, or null: one walk down the trie, then at most one set lookup per candidate. */
	String match(CroatianFolding.Folded word) {
		return match(word, null);
	}

	/**
	 * As {@link #match(CroatianFolding.Folded)}, counting in {@code steps[0]} the trie steps and
	 * candidate checks it made (the tests show the work grows with the text, not with the list).
	 */
	String match(CroatianFolding.Folded word, long[] steps) {
		String letters = word.letters();
		Node node = this.root;
		for (int i = 0; i < letters.length(); i++) {
			node = node.child(letters.charAt(i));
			if (steps != null) {
				steps[0]++;
			}
			if (node == null) {
				return null;
			}
			if (node.candidates != null) {
				int consumed = i + 1;
				for (Candidate candidate : node.candidates) {
					if (steps != null) {
						steps[0]++;
					}
					if (accepts(candidate, word, consumed)) {
						return candidate.entry();
					}
				}
			}
		}
		return null;
	}

	private static boolean accepts(Candidate candidate, CroatianFolding.Folded word, int consumed) {
		int rest = word.length() - consumed;
		boolean follows = switch (candidate.continuation()) {
			case EXACT -> rest == 0;
			default -> {
				char last = candidate.stem().letters().charAt(consumed - 1);
				yield candidate.continuation().after(last).followsFrom(word.letters(), consumed);
			}
		};
		return follows && word.agreesWith(candidate.stem(), consumed);
	}

	private void compile(String entry) {
		boolean forms = entry.endsWith("*");
		String base = Normalizer.normalize((forms ? entry.substring(0, entry.length() - 1) : entry).toLowerCase(CROATIAN),
				Normalizer.Form.NFC);
		if (!forms) {
			add(entry, base, Continuation.EXACT);
			return;
		}
		for (Map.Entry<String, Continuation> stem : stems(base).entrySet()) {
			add(entry, stem.getKey(), stem.getValue());
		}
	}

	/**
	 * The stems of an entry's word ({@code base}, the entry without its {@code *}) and what may
	 * follow each (see the class comment). Package-private for the tests that show them.
	 */
	static Map<String, Continuation> stems(String base) {
		Map<String, Continuation> stems = new LinkedHashMap<>();
		List<String> changing = new ArrayList<>();
		int length = base.length();
		boolean vowelFinal = length >= 4 && VOWELS.indexOf(base.charAt(length - 1)) >= 0;
		if (vowelFinal) {
			// budala: budala itself, then budal-e, budal-ica, budal-etina; smeće: smeć-a, smeć-em
			String stem = base.substring(0, length - 1);
			stems.put(base, Continuation.EXACT);
			stems.put(stem, switch (base.charAt(length - 1)) {
				case 'a' -> Continuation.A_NOUN;
				case 'o' -> Continuation.O_NOUN;
				default -> Continuation.E_NOUN;
			});
			changing.add(stem);
			int n = stem.length();
			if (n >= 3 && consonant(stem.charAt(n - 1)) && consonant(stem.charAt(n - 2))
					&& !CLUSTERS_WITHOUT_A.contains(stem.substring(n - 2))) {
				// pička → pičaka
				stems.put(stem.substring(0, n - 1) + 'a' + stem.charAt(n - 1), Continuation.GENITIVE_PLURAL);
			}
		}
		else {
			stems.put(base, Continuation.FORMS);
			changing.add(base);
			if (length >= 5 && base.charAt(length - 2) == 'a' && consonant(base.charAt(length - 1))
					&& consonant(base.charAt(length - 3))) {
				// the fleeting a: kurac → kurc-a, momak → momk-a
				String fleeting = base.substring(0, length - 2) + base.charAt(length - 1);
				stems.putIfAbsent(fleeting, Continuation.DERIVED);
				changing.add(fleeting);
			}
		}
		for (String word : changing) {
			char last = word.charAt(word.length() - 1);
			String head = word.substring(0, word.length() - 1);
			char palatal = switch (last) {
				case 'k', 'c' -> 'č';
				case 'g', 'z' -> 'ž';
				case 'h' -> 'š';
				default -> 0;
			};
			// a change that would double the letter before it (pičk → pičč) makes no form: folded, the
			// double reads as one letter and the stem would lose a letter (pič-e reads as piće)
			if (palatal != 0 && !sameLetter(head, palatal)) {
				stems.putIfAbsent(head + palatal, Continuation.PALATAL);
			}
			char sibilant = switch (last) {
				case 'k' -> 'c';
				case 'g' -> 'z';
				case 'h' -> 's';
				default -> 0;
			};
			if (sibilant != 0 && !sameLetter(head, sibilant)) {
				stems.putIfAbsent(head + sibilant, Continuation.SIBILANT);
			}
		}
		return stems;
	}

	private static boolean consonant(char letter) {
		return CONSONANTS.indexOf(letter) >= 0;
	}

	private static boolean sameLetter(String head, char letter) {
		return !head.isEmpty()
				&& CroatianFolding.word(head.substring(head.length() - 1)).equals(CroatianFolding.word(String.valueOf(letter)));
	}

	private void add(String entry, String stem, Continuation continuation) {
		CroatianFolding.Folded folded = CroatianFolding.folded(stem);
		if (folded.length() == 0) {
			return;
		}
		if (continuation == Continuation.SIBILANT) {
			// the changed letter is a plain c, z or s for certain: a comment that writes č, ž or š
			// there means another word (glupaci is glupak's, glupači is not)
			int last = folded.length() - 1;
			folded.marks()[last] = folded.letters().charAt(last);
		}
		Node node = this.root;
		for (int i = 0; i < folded.length(); i++) {
			node = node.childOrNew(folded.letters().charAt(i));
		}
		if (node.candidates == null) {
			node.candidates = new ArrayList<>(1);
		}
		node.candidates.add(new Candidate(entry, folded, continuation));
	}

}
