package news.platform.comment.moderation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every word form of the Croatian dictionary (Debian's hunspell-hr expanded with unmunch:
 * {@code src/test/resources/moderation/hunspell-hr/}) through the configured word lists and a
 * few more whose stems change: the matches must be exactly the reviewed ones in
 * {@code moderation/dictionary-matches.tsv} (each the listed word or one of its forms), and, for
 * forms typed without diacritics, in {@code moderation/dictionary-matches-without-diacritics.tsv}.
 * A change in the matching or the lists that adds or loses a match fails here; the actual result
 * is written under the build folder to review and copy.
 */
class WordMatcherDictionaryTest {

	/** Not in the configured lists: words whose forms change their stem, over the whole dictionary. */
	static final List<String> SHOWN_STEM_CHANGES = List.of("seljak*", "glupak*", "vrag*", "krava*", "majmun*");

	static final Path CONFIG = Path.of("../config/src/main/resources/config-repo/comment-service.yml");

	private static List<String> forms;

	private static List<String> entries;

	@BeforeAll
	static void load() throws IOException {
		forms = new ArrayList<>(1_100_000);
		try (InputStream in = WordMatcherDictionaryTest.class.getResourceAsStream("/moderation/hunspell-hr/hr_HR-forms.txt.gz");
				BufferedReader reader = new BufferedReader(
						new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank()) {
					forms.add(line.strip());
				}
			}
		}
		Set<String> all = new LinkedHashSet<>();
		Map<String, Object> moderation = configuredModeration();
		all.addAll(strings(moderation.get("banned-words")));
		all.addAll(strings(moderation.get("suspect-words")));
		all.addAll(SHOWN_STEM_CHANGES);
		entries = all.stream().map(entry -> WordPatterns.entry("entry", entry)).toList();
	}

	@Test
	void theWholeDictionaryIsThere() {
		assertThat(forms).hasSizeGreaterThan(1_000_000).contains("kurca", "seljačina", "budaletina", "glupače");
		assertThat(entries).contains("kurac*", "pička*", "idiot*", "seljak*");
	}

	@Test
	void everyMatchInTheDictionaryIsAListedWordOrOneOfItsForms() throws IOException {
		WordMatcher matcher = WordMatcher.of(entries);
		Set<String> actual = new TreeSet<>();
		for (String form : forms) {
			String entry = matcher.match(CroatianFolding.folded(form));
			if (entry != null) {
				actual.add(entry + "\t" + form);
			}
		}
		compare("dictionary-matches.tsv", actual);
	}

	@Test
	void formsTypedWithoutDiacriticsMatchOnlyWhereTheLettersAreAListedWordsForm() throws IOException {
		WordMatcher matcher = WordMatcher.of(entries);
		Set<String> actual = new TreeSet<>();
		for (String form : forms) {
			String plain = withoutDiacritics(form);
			if (plain.equals(form) || matcher.match(CroatianFolding.folded(form)) != null) {
				continue;
			}
			String entry = matcher.match(CroatianFolding.folded(plain));
			if (entry != null) {
				actual.add(entry + "\t" + form + "\t" + plain);
			}
		}
		compare("dictionary-matches-without-diacritics.tsv", actual);
	}

	private static void compare(String name, Set<String> actual) throws IOException {
		Set<String> expected = new TreeSet<>();
		try (InputStream in = WordMatcherDictionaryTest.class.getResourceAsStream("/moderation/" + name)) {
			assertThat(in).as("src/test/resources/moderation/" + name).isNotNull();
			for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank() && !line.startsWith("#")) {
					expected.add(line.strip());
				}
			}
		}
		if (!expected.equals(actual)) {
			Path out = Path.of(System.getProperty("platform.build.directory", "target"), name);
			Files.createDirectories(out.getParent());
			Files.writeString(out, String.join("\n", actual) + "\n");
			Set<String> added = new TreeSet<>(actual);
			added.removeAll(expected);
			Set<String> lost = new TreeSet<>(expected);
			lost.removeAll(actual);
			assertThat(added).as("new matches (review them; all matches are in %s)", out).isEmpty();
			assertThat(lost).as("matches no longer made (all matches are in %s)", out).isEmpty();
		}
	}

	private static String withoutDiacritics(String form) {
		return Normalizer.normalize(form.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> configuredModeration() throws IOException {
		try (Reader reader = Files.newBufferedReader(CONFIG)) {
			Map<String, Object> first = (Map<String, Object>) new Yaml().loadAll(reader).iterator().next();
			return (Map<String, Object>) ((Map<String, Object>) first.get("comment")).get("moderation");
		}
	}

	private static List<String> strings(Object list) {
		return ((List<?>) list).stream().map(String::valueOf).toList();
	}

}
