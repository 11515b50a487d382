package news.platform.comment.moderation;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import news.platform.autoconfigure.problem.ApiProblem;

/**
 * The rules of a word-list entry, checked at the edge before anything is stored: one word of
 * letters (digits allowed, as in {@code 1d10t}), optionally ending in {@code *} (the word and its
 * forms), at most {@value #MAX_LENGTH} characters, at least two letters once folded; at most
 * {@value #MAX_WORDS} entries a list. Entries are stored in lower case (Croatian), NFC, without
 * duplicates, in the order given. An entry is never read as a pattern language: {@code *} is only
 * the marker at its end.
 */
final class WordPatterns {

	static final int MAX_WORDS = 5000;

	static final int MAX_LENGTH = 100;

	private static final Locale CROATIAN = Locale.forLanguageTag("hr");

	private WordPatterns() {
	}

	/** The list as stored; a 422 problem naming {@code field} or {@code field[i]} when an entry breaks a rule. */
	static List<String> checked(String field, List<String> entries) {
		if (entries == null) {
			throw ApiProblem.invalidField(field, "required: a list of words (may be empty)");
		}
		if (entries.size() > MAX_WORDS) {
			throw ApiProblem.invalidField(field, "at most " + MAX_WORDS + " words (got " + entries.size() + ")");
		}
		Set<String> out = new LinkedHashSet<>();
		for (int i = 0; i < entries.size(); i++) {
			out.add(entry(field + "[" + i + "]", entries.get(i)));
		}
		return List.copyOf(out);
	}

	/** One entry as stored, or a 422 problem naming {@code field}. */
	static String entry(String field, String raw) {
		if (raw == null || raw.isBlank()) {
			throw ApiProblem.invalidField(field, "empty word");
		}
		String entry = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC).toLowerCase(CROATIAN);
		if (entry.equals("*")) {
			throw ApiProblem.invalidField(field, "a * alone is no word: write the word, then * for its forms");
		}
		boolean forms = entry.endsWith("*");
		String word = forms ? entry.substring(0, entry.length() - 1) : entry;
		if (word.codePointCount(0, word.length()) > MAX_LENGTH) {
			throw ApiProblem.invalidField(field, "at most " + MAX_LENGTH + " characters");
		}
		if (word.indexOf('*') >= 0) {
			throw ApiProblem.invalidField(field, "* only at the end of a word");
		}
		boolean ok = word.codePoints()
			.allMatch(cp -> Character.isLetter(cp) || Character.isDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK);
		if (!ok) {
			throw ApiProblem.invalidField(field,
					"one word of letters (and digits), optionally ending in *: no spaces, punctuation or symbols");
		}
		if (CroatianFolding.word(word).length() < 2) {
			throw ApiProblem.invalidField(field, "at least 2 letters");
		}
		return entry;
	}

	/** The entries of {@code after} not in {@code before}, in order. */
	static List<String> added(List<String> before, List<String> after) {
		List<String> added = new ArrayList<>(after);
		added.removeAll(before);
		return added;
	}

}
