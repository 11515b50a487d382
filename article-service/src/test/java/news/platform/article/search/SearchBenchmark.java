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
import news.platform.article.search.ArticleIndex.ListQuery;
import news.platform.article.search.ArticleIndex.Page;
import news.platform.article.search.ArticleIndex.SearchQuery;
import news.platform.textanalysis.CroatianAnalyzer;

/**
 * Not a test: a timing run of the Lucene index alone (no HTTP), single-threaded. Indexes
 * generated Croatian-like articles (words drawn from the sample article, Zipf-like), then reports
 * the rebuild time and p50/p99 of a two-word search, list page 1 and list page 500, and the staff
 * queries (one article in ten unpublished): a work-list page, a journalist's own list, the counts.
 * Usage in docs/search.md; arguments: [documents (100000)] [index directory (a temporary one)].
 */
public final class SearchBenchmark {

	private static final int ROUNDS = 3000;

	private SearchBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int documents = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		Path directory = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("search-benchmark-");
		String[] words = vocabulary();
		System.out.printf(Locale.ROOT, "JDK %s, %d documents, vocabulary %d words, index in %s%n",
				System.getProperty("java.version"), documents, words.length, directory);

		try (LuceneArticleIndex index = new LuceneArticleIndex(directory.resolve("index"), Clock.systemUTC(),
				Duration.ofSeconds(1), false)) {
			long started = System.nanoTime();
			long count = index.rebuild(generate(documents, words));
			System.out.printf(Locale.ROOT, "rebuild: %d documents in %.1f s (%.0f docs/s), index %d MB%n", count,
					seconds(started), count / seconds(started), size(directory) / 1_000_000);

			SplittableRandom random = new SplittableRandom(7);
			// words of middling frequency, as readers type them: neither stop-word common nor unique
			String[] queries = new String[ROUNDS];
			for (int i = 0; i < ROUNDS; i++) {
				queries[i] = words[20 + random.nextInt(300)] + " " + words[20 + random.nextInt(3000)];
			}
			long[] hits = new long[1];
			report("search, two words, 20 hits with snippets", i -> {
				Page page = index.search(new SearchQuery(queries[i], Filters.NONE, 20, null));
				hits[0] += page.items().size();
			});
			System.out.printf(Locale.ROOT, "  (average %.1f hits per page)%n", hits[0] / (double) (2 * ROUNDS));

			report("list page 1", i -> index.list(new ListQuery(Filters.NONE, 20, null)));
			PageCursor cursor = null;
			for (int page = 1; page < 500; page++) {
				cursor = index.list(new ListQuery(Filters.NONE, 20, cursor)).next();
			}
			PageCursor page500 = cursor;
			report("list page 500", i -> index.list(new ListQuery(Filters.NONE, 20, page500)));
			report("list page 1, section filter", i -> index.list(new ListQuery(
					new Filters("sport", null, null, null, null, null), 20, null)));

			// staff: what an editor's and a journalist's desk ask (docs/article-work-lists.md)
			ArticleIndex.Viewer editor = ArticleIndex.Viewer.editor("editor-1");
			report("staff: editor work list, all, by change", i -> index.list(new ListQuery(Filters.NONE,
					ArticleIndex.Order.UPDATED, 20, null, editor)));
			Filters inReview = new Filters(null, null, null, null, null, null, java.util.Set.of("IN_REVIEW"), null,
					null, null, null);
			report("staff: editor review queue", i -> index.list(new ListQuery(inReview, ArticleIndex.Order.UPDATED,
					20, null, editor)));
			Filters scheduled = new Filters(null, null, null, null, null, null, java.util.Set.of("SCHEDULED"), null,
					null, null, null);
			report("staff: schedule, soonest first", i -> index.list(new ListQuery(scheduled,
					ArticleIndex.Order.SCHEDULED, 20, null, editor)));
			report("staff: journalist's own work (owner=me)", i -> {
				String owner = "journalist-" + (i % 50);
				index.list(new ListQuery(new Filters(null, null, null, null, null, null, null, owner, null, null, null),
						ArticleIndex.Order.UPDATED, 20, null, ArticleIndex.Viewer.journalist(owner)));
			});
			report("staff: counts, editor, all", i -> index.counts(editor, null));
			report("staff: counts, journalist, owner=me", i -> {
				String owner = "journalist-" + (i % 50);
				index.counts(ArticleIndex.Viewer.journalist(owner), owner);
			});
		}
		if (args.length < 2) {
			LuceneArticleIndex.deleteRecursively(directory);
		}
	}

	private static void report(String name, Round round) throws Exception {
		for (int i = 0; i < ROUNDS; i++) {
			round.run(i);
		}
		long[] nanos = new long[ROUNDS];
		for (int i = 0; i < ROUNDS; i++) {
			long started = System.nanoTime();
			round.run(i);
			nanos[i] = System.nanoTime() - started;
		}
		Arrays.sort(nanos);
		System.out.printf(Locale.ROOT, "%-40s p50 %6.2f ms   p99 %6.2f ms   max %6.2f ms%n", name,
				nanos[ROUNDS / 2] / 1e6, nanos[ROUNDS * 99 / 100] / 1e6, nanos[ROUNDS - 1] / 1e6);
	}

	private static Stream<SearchDocument> generate(int count, String[] words) {
		Instant start = Instant.parse("2023-01-01T00:00:00Z");
		String[] sections = { "vijesti", "svijet", "sport", "kultura", "biznis", "tehnologija", "zivot", "lokalno" };
		return LongStream.range(0, count).mapToObj(n -> {
			SplittableRandom random = new SplittableRandom(n);
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
			Instant publishedAt = start.plusSeconds(n * 900 + random.nextInt(600));
			String owner = "journalist-" + random.nextInt(50);
			String section = sections[random.nextInt(sections.length)];
			List<SearchDocument.Author> authors = List
				.of(new SearchDocument.Author("author-" + random.nextInt(50), "Autor " + random.nextInt(50)));
			if (n % 10 == 9) {
				// one in ten unpublished, as a newsroom's working set beside its archive
				String status = new String[] { "DRAFT", "IN_REVIEW", "SCHEDULED", "UNPUBLISHED" }[random.nextInt(4)];
				Instant scheduledAt = "SCHEDULED".equals(status) ? publishedAt.plus(Duration.ofDays(1200)) : null;
				return new SearchDocument("article-" + n, "clanak-" + n, "hr", headline, standfirst, body.toString(),
						section, tags, authors, "media-" + n, null, publishedAt, null, status, owner, scheduledAt,
						"DRAFT".equals(status) && random.nextInt(4) == 0);
			}
			return new SearchDocument("article-" + n, "clanak-" + n, "hr", headline, standfirst, body.toString(),
					section, tags, authors, "media-" + n, publishedAt, publishedAt, publishedAt, "PUBLISHED", owner,
					null, false);
		});
	}

	// Zipf-like: low indexes (frequent words in the sample) come up far more often.
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

	private static String[] vocabulary() throws Exception {
		String sample = Files.readString(Path.of("../demo/articles/sample-hr.txt"), StandardCharsets.UTF_8);
		if (!Files.exists(Path.of("../demo/articles/sample-hr.txt"))) {
			throw new IllegalStateException("run from the article-service directory");
		}
		LinkedHashSet<String> words = new LinkedHashSet<>();
		for (String word : sample.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
			if (word.length() >= 3 && !CroatianAnalyzer.STOP_WORDS.contains(word)) {
				words.add(word);
			}
		}
		// a long tail of made-up words from Croatian syllables, as a real archive's vocabulary has
		String[] syllables = { "ba", "vi", "ro", "ko", "za", "gra", "pre", "sti", "nje", "lju", "dra", "ve", "mo", "ri",
				"sla", "to", "no", "ce", "ži", "ša", "đe", "ča", "ka", "li", "pa", "ne", "tr", "ku" };
		SplittableRandom random = new SplittableRandom(11);
		while (words.size() < 20_000) {
			StringBuilder word = new StringBuilder();
			for (int i = 0; i < 2 + random.nextInt(3); i++) {
				word.append(syllables[random.nextInt(syllables.length)]);
			}
			word.append(new String[] { "a", "e", "i", "om", "ima", "ski", "ak", "ost" }[random.nextInt(8)]);
			words.add(word.toString());
		}
		return words.toArray(String[]::new);
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

	private static long size(Path directory) throws Exception {
		try (Stream<Path> files = Files.walk(directory)) {
			return files.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
		}
	}

	@FunctionalInterface
	private interface Round {

		void run(int i) throws Exception;

	}

}
