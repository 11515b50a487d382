import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import news.platform.article.naming.PrefixIndex;

/**
 * The autocomplete structure alone, in one JVM, without HTTP, security or the load generator: the
 * part of a request autocomplete.sh cannot separate on a loaded machine. Builds a PrefixIndex of
 * TAGS names shaped as AutocompleteSeed's, then times LOOKUPS lookups of 2-4 letter prefixes
 * (limit 10) after a warm-up and prints p50/p99/max in microseconds.
 *
 *   java -cp article-service/target/classes:platform/text-analysis/target/classes:<lucene-core>:<lucene-analysis-common> \
 *     bench/article/AutocompleteLookup.java [tags] [lookups]
 */
public class AutocompleteLookup {

	public static void main(String[] args) {
		int tags = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
		int lookups = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
		String[] words = { "Zagreb", "Čačak", "Split", "Rijeka", "Osijek", "Šibenik", "Đakovo", "Požega", "izbori",
				"proračun", "poplave", "škole", "cijene", "željeznica", "Ivan Horvat", "Željka Šarić", "Đuro Đurić" };
		PrefixIndex index = new PrefixIndex();
		List<String> names = new ArrayList<>();
		long built = System.nanoTime();
		for (int i = 0; i < tags; i++) {
			String name = words[i % words.length] + (i < words.length ? "" : " " + i / words.length);
			names.add(name);
			index.put(Integer.toString(i), name);
		}
		double buildMs = (System.nanoTime() - built) / 1e6;
		Random random = new Random(16);
		String[] prefixes = new String[2000];
		for (int i = 0; i < prefixes.length; i++) {
			String[] parts = names.get(random.nextInt(names.size())).split(" ");
			String word = parts[random.nextInt(parts.length)];
			String prefix = word.substring(0, Math.min(word.length(), 2 + random.nextInt(3)));
			prefixes[i] = i % 2 == 0 ? prefix : prefix.toLowerCase(Locale.ROOT);
		}
		long sink = 0;
		for (int i = 0; i < 200_000; i++) {
			sink += index.find(prefixes[i % prefixes.length], 10).size();
		}
		long[] times = new long[lookups];
		for (int i = 0; i < lookups; i++) {
			long start = System.nanoTime();
			sink += index.find(prefixes[i % prefixes.length], 10).size();
			times[i] = System.nanoTime() - start;
		}
		Arrays.sort(times);
		System.out.printf(Locale.ROOT,
				"%d names indexed in %.0f ms; %d lookups (limit 10): p50 %.1f µs, p99 %.1f µs, max %.1f µs (%d)%n", tags,
				buildMs, lookups, times[lookups / 2] / 1e3, times[(int) (lookups * 0.99)] / 1e3, times[lookups - 1] / 1e3,
				sink % 10);
	}

}
