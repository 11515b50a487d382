package news.platform.article.naming;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

import news.platform.textanalysis.CroatianAnalyzer;

/**
 * Prefix search over display names for autocomplete, in memory on every replica (the embedded
 * MongoDB ignores secondary indexes, so a prefix query there would scan). Every word start of a
 * name is a key, folded with the platform's Croatian folding ({@link CroatianAnalyzer#fold}:
 * lower case, diacritics off), so {@code zag} finds "Zagreb", {@code cac} finds "Čačak" and
 * {@code hor} finds "Ivan Horvat". Keys live in a concurrent skip list: a lookup is one
 * {@code O(log n)} seek plus the matches read in order, and a change touches only its own keys.
 */
public final class PrefixIndex {

	/** {@code <folded suffix of the name from a word start>\u0000<id>} → id. */
	private final ConcurrentSkipListMap<String, String> keys = new ConcurrentSkipListMap<>();

	/** The keys each id holds now, so a rename or removal drops exactly those. */
	private final Map<String, List<String>> byId = new ConcurrentHashMap<>();

	/** Puts {@code id} under {@code name}, replacing what it had; {@code null} removes it. */
	public synchronized void put(String id, String name) {
		List<String> old = this.byId.remove(id);
		if (old != null) {
			old.forEach(this.keys::remove);
		}
		if (name == null || name.isBlank()) {
			return;
		}
		String folded = fold(name);
		List<String> mine = new ArrayList<>();
		for (int i = 0; i < folded.length(); i++) {
			if (i == 0 || !Character.isLetterOrDigit(folded.charAt(i - 1)) && Character.isLetterOrDigit(folded.charAt(i))) {
				String key = folded.substring(i) + '\u0000' + id;
				mine.add(key);
				this.keys.put(key, id);
			}
		}
		this.byId.put(id, mine);
	}

	/** Ids whose name has a word starting with {@code prefix} (folded), name order, at most {@code limit}. */
	public List<String> find(String prefix, int limit) {
		String folded = fold(prefix);
		if (folded.isEmpty()) {
			return List.of();
		}
		NavigableMap<String, String> range = this.keys.subMap(folded, true, folded + '\uffff', false);
		Set<String> ids = new LinkedHashSet<>();
		for (String id : range.values()) {
			ids.add(id);
			if (ids.size() >= limit) {
				break;
			}
		}
		return List.copyOf(ids);
	}

	public int size() {
		return this.byId.size();
	}

	static String fold(String text) {
		return CroatianAnalyzer.fold(text).toLowerCase(Locale.ROOT);
	}

}
