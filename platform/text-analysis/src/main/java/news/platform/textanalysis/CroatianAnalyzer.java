package news.platform.textanalysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analysis chain for Croatian text, the same at index and at query time: standard tokenizer,
 * lower-casing, Croatian stop words, diacritic folding (people type {@code cacak} for
 * {@code Čačak}; Lucene folds đ to d), the stop words again on the folded form (so {@code sto}
 * typed for {@code što} is dropped too), and the light {@link CroatianStemmer}, which evens out
 * case endings, the velar alternation and the fleeting a ({@code Čačak}, {@code Čačku}).
 *
 * <p>Thread-safe and reusable, as every Lucene {@link Analyzer}: one instance per index.
 */
public final class CroatianAnalyzer extends Analyzer {

	/** The stop words as listed (lower case, with diacritics). */
	public static final CharArraySet STOP_WORDS = loadStopWords();

	private static final CharArraySet FOLDED_STOP_WORDS = folded(STOP_WORDS);

	@Override
	protected TokenStreamComponents createComponents(String fieldName) {
		StandardTokenizer tokenizer = new StandardTokenizer();
		TokenStream stream = new LowerCaseFilter(tokenizer);
		stream = new StopFilter(stream, STOP_WORDS);
		stream = new ASCIIFoldingFilter(stream);
		stream = new StopFilter(stream, FOLDED_STOP_WORDS);
		stream = new CroatianStemFilter(stream);
		return new TokenStreamComponents(tokenizer, stream);
	}

	@Override
	protected TokenStream normalize(String fieldName, TokenStream in) {
		return new ASCIIFoldingFilter(new LowerCaseFilter(in));
	}

	/**
	 * Lower-cased and diacritic-folded, not stemmed: for keyword fields (sections, tags, author
	 * names), so a filter matches however the value is cased or accented.
	 */
	public static String fold(String value) {
		String lower = value.strip().toLowerCase(Locale.ROOT);
		char[] out = new char[lower.length() * 4];
		int length = ASCIIFoldingFilter.foldToASCII(lower.toCharArray(), 0, out, 0, lower.length());
		return new String(out, 0, length);
	}

	/**
	 * The distinct terms of {@code text} as this analyser makes them, in order of first
	 * occurrence, at most {@code max}: what a query built of term queries needs (so no query
	 * syntax ever reaches Lucene).
	 */
	public List<String> terms(String field, String text, int max) {
		Set<String> terms = new LinkedHashSet<>();
		try (TokenStream stream = tokenStream(field, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken() && terms.size() < max) {
				terms.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new ArrayList<>(terms);
	}

	private static CharArraySet loadStopWords() {
		InputStream in = CroatianAnalyzer.class.getResourceAsStream("croatian-stopwords.txt");
		if (in == null) {
			throw new IllegalStateException("croatian-stopwords.txt is missing from the classpath");
		}
		List<String> words = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				String word = line.strip();
				if (!word.isEmpty() && !word.startsWith("#")) {
					words.add(word);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return CharArraySet.unmodifiableSet(new CharArraySet(words, false));
	}

	private static CharArraySet folded(CharArraySet words) {
		CharArraySet folded = new CharArraySet(words.size(), false);
		for (Object word : words) {
			folded.add(fold(new String((char[]) word)));
		}
		return CharArraySet.unmodifiableSet(folded);
	}

}
