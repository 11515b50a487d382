package news.platform.comment.moderation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A list of words in matching form; an entry ending in {@code *} matches every word starting with it. */
final class WordList {

	private final Set<String> exact = new HashSet<>();

	private final List<String> prefixes = new ArrayList<>();

	WordList(List<String> entries) {
		for (String entry : entries) {
			if (entry == null || entry.isBlank()) {
				continue;
			}
			String trimmed = entry.strip();
			if (trimmed.endsWith("*")) {
				String prefix = CroatianFolding.word(trimmed.substring(0, trimmed.length() - 1));
				if (!prefix.isEmpty()) {
					this.prefixes.add(prefix);
				}
			}
			else {
				this.exact.add(CroatianFolding.word(trimmed));
			}
		}
	}

	/** The first word of the text the list matches, or null. */
	String firstMatch(List<String> words) {
		for (String word : words) {
			if (this.exact.contains(word)) {
				return word;
			}
			for (String prefix : this.prefixes) {
				if (word.startsWith(prefix)) {
					return word;
				}
			}
		}
		return null;
	}

}
