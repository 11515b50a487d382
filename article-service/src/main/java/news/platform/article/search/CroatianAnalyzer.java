package news.platform.article.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis chain for article text, the same at index and at query time: standard tokenizer,
 * lower-casing, Croatian stop words, diacritic folding (readers type {@code cacak} for
 * {@code Čačak}; Lucene folds đ to d), the stop words again on the folded form (so {@code sto}
 * typed for {@code što} is dropped too), and the light {@link CroatianStemmer}.
 */
final class CroatianAnalyzer extends Analyzer {

	static final CharArraySet STOP_WORDS = loadStopWords();

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

	/** Lower-cased and diacritic-folded, for keyword fields (sections, tags, author names). */
	static String fold(String value) {
		String lower = value.strip().toLowerCase(java.util.Locale.ROOT);
		char[] out = new char[lower.length() * 4];
		int length = ASCIIFoldingFilter.foldToASCII(lower.toCharArray(), 0, out, 0, lower.length());
		return new String(out, 0, length);
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
