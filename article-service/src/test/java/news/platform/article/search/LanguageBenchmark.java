package news.platform.article.search;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import news.platform.article.search.ArticleIndex.Filters;
import news.platform.article.search.ArticleIndex.SearchQuery;
import news.platform.textanalysis.CroatianAnalyzer;

/**
 * Not a test: issue 16's language targets on the Lucene index alone (no HTTP, no MongoDB),
 * single-threaded, in one process so both analyses see the same machine load. Indexes the same
 * generated articles (80 % Croatian, 15 % English, 5 % German) twice: with each article's own
 * language ({@link LanguageAnalysis#perLanguage()}, what the service runs) and with every article
 * analysed as Croatian ({@link LanguageAnalysis#croatianOnly()}, the analysis before issue 16). Then,
 * alternating between the two indexes, the same two-word queries (mixed languages as the articles
 * are), and related stories (MoreLikeThis, uncached: the index is asked every time) of random
 * published articles. Run by {@code bench/article/languages.sh}; arguments: [documents (100000)]
 * [rounds (3)].
 */
public final class LanguageBenchmark {

	private static final int QUERIES = 3000;

	private static final int RELATED = 2000;

	private LanguageBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int documents = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		Path directory = Files.createTempDirectory("language-benchmark-");
		Vocabulary words = new Vocabulary(croatian(), english(), german());
		System.out.printf(Locale.ROOT, "JDK %s, %d documents (80 %% hr, 15 %% en, 5 %% de; one in ten unpublished), "
				+ "index in %s, load %s%n", System.getProperty("java.version"), documents, directory, load());
		String only = System.getProperty("languages.profile");
		if (only != null) {
			profile(directory, only, documents, words);
			return;
		}
		try (LuceneArticleIndex perLanguage = build(directory.resolve("per-language"), LanguageAnalysis.perLanguage(),
				documents, words, "per-language analysis");
				LuceneArticleIndex croatian = build(directory.resolve("croatian-only"),
						LanguageAnalysis.croatianOnly(), documents, words, "every article Croatian (before)")) {
			SplittableRandom random = new SplittableRandom(7);
			String[] queries = new String[QUERIES];
			for (int i = 0; i < QUERIES; i++) {
				String[] vocabulary = words.of(language(random.nextInt(100)));
				queries[i] = vocabulary[20 + random.nextInt(300)] + " " + vocabulary[20 + random.nextInt(3000)];
			}
			int[] related = new int[RELATED];
			for (int i = 0; i < RELATED; i++) {
				int n;
				do {
					n = random.nextInt(documents);
				}
				while (n % 10 == 9);
				related[i] = n;
			}
			// warm-up, then rounds alternating between the two indexes
			measure(perLanguage, queries, null);
			measure(croatian, queries, null);
			for (int round = 1; round <= rounds; round++) {
				report("round " + round + ": search, per-language (every language)", measure(perLanguage, queries, null));
				report("round " + round + ": search, every article Croatian (before)", measure(croatian, queries, null));
				report("round " + round + ": search, per-language, language=hr", measure(perLanguage, queries, "hr"));
			}
			relatedOf(perLanguage, related, documents, words);
			relatedOf(croatian, related, documents, words);
			for (int round = 1; round <= rounds; round++) {
				report("round " + round + ": related (limit 5), per-language", relatedOf(perLanguage, related, documents,
						words));
				report("round " + round + ": related (limit 5), every article Croatian", relatedOf(croatian, related,
						documents, words));
			}
			System.out.printf(Locale.ROOT, "load after: %s%n", load());
		}
		finally {
			LuceneArticleIndex.deleteRecursively(directory);
		}
	}

	/**
	 * One analysis's search alone for a minute (after a warm-up), so a profiler's samples belong to
	 * it: {@code -Dlanguages.profile=per-language|croatian|related-per-language|related-croatian}.
	 */
	private static void profile(Path directory, String only, int documents, Vocabulary words) throws Exception {
		boolean perLanguage = only.endsWith("per-language");
		try (LuceneArticleIndex index = build(directory.resolve(only),
				perLanguage ? LanguageAnalysis.perLanguage() : LanguageAnalysis.croatianOnly(), documents, words, only)) {
			SplittableRandom random = new SplittableRandom(7);
			String[] queries = new String[QUERIES];
			for (int i = 0; i < QUERIES; i++) {
				String[] vocabulary = words.of(language(random.nextInt(100)));
				queries[i] = vocabulary[20 + random.nextInt(300)] + " " + vocabulary[20 + random.nextInt(3000)];
			}
			int[] related = new int[RELATED];
			for (int i = 0; i < RELATED; i++) {
				related[i] = random.nextInt(documents / 10) * 10;
			}
			long until = System.nanoTime() + Duration.ofSeconds(Long.getLong("languages.seconds", 60)).toNanos();
			int round = 0;
			while (System.nanoTime() < until) {
				report(only + " round " + ++round, only.startsWith("related") ? relatedOf(index, related, documents, words)
						: measure(index, queries, null));
			}
		}
		finally {
			LuceneArticleIndex.deleteRecursively(directory);
		}
	}

	private static LuceneArticleIndex build(Path path, LanguageAnalysis analysis, int documents, Vocabulary words,
			String label) {
		LuceneArticleIndex index = new LuceneArticleIndex(path, Clock.systemUTC(), Duration.ofMinutes(10), false,
				analysis);
		long started = System.nanoTime();
		long count = index.rebuild(LongStream.range(0, documents).mapToObj(n -> document((int) n, words)));
		System.out.printf(Locale.ROOT, "rebuild, %s: %d documents in %.1f s, load %s%n", label, count,
				(System.nanoTime() - started) / 1e9, load());
		return index;
	}

	private static long[] measure(LuceneArticleIndex index, String[] queries, String language) {
		Filters filters = new Filters(null, null, null, language, null, null);
		long[] nanos = new long[queries.length];
		long hits = 0;
		for (int i = 0; i < queries.length; i++) {
			long started = System.nanoTime();
			hits += index.search(new SearchQuery(queries[i], filters, 20, null)).items().size();
			nanos[i] = System.nanoTime() - started;
		}
		if (hits == 0) {
			throw new IllegalStateException("no query found anything");
		}
		return nanos;
	}

	private static long[] relatedOf(LuceneArticleIndex index, int[] articles, int documents, Vocabulary words) {
		long[] nanos = new long[articles.length];
		for (int i = 0; i < articles.length; i++) {
			SearchDocument article = document(articles[i], words);
			long started = System.nanoTime();
			index.related(article, 5);
			nanos[i] = System.nanoTime() - started;
		}
		return nanos;
	}

	private static void report(String name, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		System.out.printf(Locale.ROOT, "%-62s p50 %6.2f ms   p99 %6.2f ms   max %7.2f ms   (load %s)%n", name,
				sorted[sorted.length / 2] / 1e6, sorted[sorted.length * 99 / 100] / 1e6, sorted[sorted.length - 1] / 1e6,
				load().split(" ")[0]);
	}

	private static String language(int percent) {
		return percent < 80 ? "hr" : percent < 95 ? "en" : "de";
	}

	/** Article {@code n}, the same every time it is asked for (its own seed). */
	static SearchDocument document(int n, Vocabulary vocabulary) {
		Instant start = Instant.parse("2023-01-01T00:00:00Z");
		String[] sections = { "vijesti", "svijet", "sport", "kultura", "biznis", "tehnologija", "zivot", "lokalno" };
		SplittableRandom random = new SplittableRandom(n);
		String language = language(random.nextInt(100));
		String[] words = vocabulary.of(language);
		String headline = capitalised(sentence(random, words, 6 + random.nextInt(6)));
		String standfirst = capitalised(sentence(random, words, 18 + random.nextInt(14))) + ".";
		StringBuilder body = new StringBuilder(4096);
		int paragraphs = 5 + random.nextInt(6);
		for (int p = 0; p < paragraphs; p++) {
			int sentences = 2 + random.nextInt(4);
			for (int s = 0; s < sentences; s++) {
				body.append(capitalised(sentence(random, words, 8 + random.nextInt(16)))).append(". ");
			}
			body.append('\n');
		}
		List<String> tags = new ArrayList<>();
		for (int t = 0; t < 1 + random.nextInt(3); t++) {
			tags.add("tag-" + random.nextInt(200));
		}
		Instant publishedAt = start.plusSeconds(n * 900L + random.nextInt(600));
		String owner = "journalist-" + random.nextInt(50);
		String section = sections[random.nextInt(sections.length)];
		List<SearchDocument.Author> authors = List
			.of(new SearchDocument.Author("author-" + random.nextInt(50), "Autor " + random.nextInt(50)));
		if (n % 10 == 9) {
			return new SearchDocument("article-" + n, "clanak-" + n, language, headline, standfirst, body.toString(),
					section, tags, authors, "media-" + n, null, publishedAt, null, "DRAFT", owner, null, false);
		}
		return new SearchDocument("article-" + n, "clanak-" + n, language, headline, standfirst, body.toString(), section,
				tags, authors, "media-" + n, publishedAt, publishedAt, publishedAt, "PUBLISHED", owner, null, false);
	}

	record Vocabulary(String[] croatian, String[] english, String[] german) {

		String[] of(String language) {
			return switch (language) {
				case "en" -> this.english;
				case "de" -> this.german;
				default -> this.croatian;
			};
		}

	}

	// Zipf-like: low indexes (frequent words) come up far more often
	private static String sentence(SplittableRandom random, String[] words, int length) {
		StringBuilder sentence = new StringBuilder(length * 8);
		for (int i = 0; i < length; i++) {
			int index = (int) Math.min(words.length - 1, Math.floor(Math.pow(words.length, random.nextDouble())) - 1);
			if (i > 0) {
				sentence.append(' ');
			}
			sentence.append(words[Math.max(0, index)]);
		}
		return sentence.toString();
	}

	private static String capitalised(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/** The sample article's words, then a tail of made-up words from Croatian syllables (as SearchBenchmark). */
	private static String[] croatian() throws Exception {
		Path sample = Path.of("../demo/articles/sample-hr.txt");
		if (!Files.exists(sample)) {
			throw new IllegalStateException("run from the article-service directory");
		}
		LinkedHashSet<String> words = new LinkedHashSet<>();
		for (String word : Files.readString(sample, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
			if (word.length() >= 3 && !CroatianAnalyzer.STOP_WORDS.contains(word)) {
				words.add(word);
			}
		}
		return tail(words, new String[] { "ba", "vi", "ro", "ko", "za", "gra", "pre", "sti", "nje", "lju", "dra", "ve",
				"mo", "ri", "sla", "to", "no", "ce", "ži", "ša", "đe", "ča", "ka", "li", "pa", "ne", "tr", "ku" },
				new String[] { "a", "e", "i", "om", "ima", "ski", "ak", "ost" }, 11);
	}

	/** Common news words in their inflected forms, then made-up words with English endings. */
	private static String[] english() {
		String text = "the city council said on monday that residents were evacuated after heavy flooding damaged "
				+ "several bridges and roads running along the river police officers were helping families leaving "
				+ "their homes while firefighters worked through the night rescue teams reported that nobody was "
				+ "injured the government announced emergency funding for the affected regions ministers promised "
				+ "new investments in flood defences elections parliament voters campaign candidates debated taxes "
				+ "prices inflation markets investors shares companies workers strikes unions negotiations talks "
				+ "agreement hospital doctors patients nurses schools teachers students universities research "
				+ "scientists climate weather storms winds temperatures football match players coach season goals "
				+ "championship league fans stadium concert festival museum exhibition artists films director "
				+ "premiere readers journalists reporting reported reports running runs ran walking walked walks "
				+ "building buildings built houses housing tourists tourism visitors travelling travelled airport "
				+ "flights passengers trains railway stations drivers traffic accidents courts judges trial verdict "
				+ "lawyers prosecutors investigation investigators";
		LinkedHashSet<String> words = new LinkedHashSet<>(List.of(text.split(" ")));
		return tail(words, new String[] { "con", "pro", "ver", "sta", "mar", "tel", "por", "den", "lin", "gra", "bel",
				"cor", "fin", "sul", "tan", "mor" }, new String[] { "ing", "ed", "s", "er", "ers", "ation", "ly", "ment" },
				13);
	}

	private static String[] german() {
		return tail(new LinkedHashSet<>(List.of("stadt", "regierung", "wahlen", "läufer", "brücke", "straße", "polizei",
				"feuerwehr", "überschwemmung", "bürger")), new String[] { "ge", "ver", "ber", "sch", "un", "ter", "mün",
						"hau", "lei", "stra", "wal", "kö" }, new String[] { "en", "ung", "er", "heit", "lich", "e" }, 17);
	}

	private static String[] tail(LinkedHashSet<String> words, String[] syllables, String[] endings, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		while (words.size() < 20_000) {
			StringBuilder word = new StringBuilder();
			for (int i = 0; i < 2 + random.nextInt(3); i++) {
				word.append(syllables[random.nextInt(syllables.length)]);
			}
			word.append(endings[random.nextInt(endings.length)]);
			words.add(word.toString());
		}
		return words.toArray(String[]::new);
	}

	private static String load() {
		try {
			String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (Exception ex) {
			return "n/a";
		}
	}

}
