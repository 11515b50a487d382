package news.platform.article.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.BytesRef;

import news.platform.textanalysis.CroatianAnalyzer;

/**
 * Which analysis an article's text gets, by its language: {@code hr} the platform's Croatian
 * analysis, {@code en} Lucene's {@link EnglishAnalyzer} (possessives, stop words, Porter stemming),
 * any other language the standard tokenizer with lower-casing and ASCII folding (no stop words or
 * stemming: we do not know the language's rules, and folding alone never conflates two words of
 * it). An article without a language is Croatian, the platform's default.
 *
 * <p>Each analysis has its own ranked field ({@code ranked}, {@code ranked_en},
 * {@code ranked_std}), so a term's statistics (idf, average length) are those of its language and
 * an English stem never matches a Croatian word spelt the same. {@link #croatianOnly()} is the
 * analysis before languages (every article Croatian, one field): kept for the benchmark that
 * compares the two on the same data.
 */
final class LanguageAnalysis {

	static final String CROATIAN = "hr";

	static final String ENGLISH = "en";

	static final String STANDARD = "std";

	private final Map<String, Analyzer> analyzers;

	private final boolean perLanguage;

	private LanguageAnalysis(boolean perLanguage) {
		this.perLanguage = perLanguage;
		this.analyzers = perLanguage ? Map.of(CROATIAN, new CroatianAnalyzer(), ENGLISH, new EnglishAnalyzer(),
				STANDARD, new FoldingAnalyzer()) : Map.of(CROATIAN, new CroatianAnalyzer());
	}

	/** Each article with its own language's analysis: what the service runs. */
	static LanguageAnalysis perLanguage() {
		return new LanguageAnalysis(true);
	}

	/** Every article analysed as Croatian (schema 4 and before): for comparisons only. */
	static LanguageAnalysis croatianOnly() {
		return new LanguageAnalysis(false);
	}

	/** Part of the index schema: an index written with the other choice is rebuilt. */
	String schemaSuffix() {
		return this.perLanguage ? "" : "-hr-only";
	}

	/** The analysis of a language tag ({@code hr}, {@code en-GB}, {@code de} …). */
	String key(String language) {
		if (!this.perLanguage) {
			return CROATIAN;
		}
		String primary = primary(language);
		if (primary == null || primary.equals(CROATIAN)) {
			return CROATIAN;
		}
		return primary.equals(ENGLISH) ? ENGLISH : STANDARD;
	}

	/**
	 * Whether the analysis's field holds exactly one language's articles (Croatian, English when
	 * each article has its own analysis), so a language filter on it is implied by the field.
	 */
	boolean fieldIsLanguage(String key) {
		return this.perLanguage && !STANDARD.equals(key);
	}

	/** The analyses in use, Croatian first. */
	List<String> keys() {
		return this.perLanguage ? List.of(CROATIAN, ENGLISH, STANDARD) : List.of(CROATIAN);
	}

	Analyzer analyzer(String key) {
		return this.analyzers.get(key);
	}

	/** The field holding an article's weighted terms for this analysis. */
	static String rankedField(String key) {
		return CROATIAN.equals(key) ? LuceneArticleIndex.RANKED : LuceneArticleIndex.RANKED + "_" + key;
	}

	/** The primary language subtag, lower case ({@code en-GB} → {@code en}); null for none. */
	static String primary(String language) {
		if (language == null || language.isBlank()) {
			return null;
		}
		String tag = language.strip().toLowerCase(Locale.ROOT);
		int dash = tag.indexOf('-');
		int underscore = tag.indexOf('_');
		int end = dash < 0 ? underscore : underscore < 0 ? dash : Math.min(dash, underscore);
		return end < 0 ? tag : tag.substring(0, end);
	}

	/** The distinct terms of {@code text} in this analysis, in order, at most {@code max}. */
	List<BytesRef> terms(String key, String text, int max) {
		Set<String> terms = new LinkedHashSet<>();
		// a field name of its own: components are reused per thread, never while another stream is open
		try (TokenStream stream = analyzer(key).tokenStream("query", text)) {
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
		return terms.stream().map(BytesRef::new).toList();
	}

	/** Standard tokenizer, lower case, ASCII folding: for languages without an analysis of their own. */
	static final class FoldingAnalyzer extends Analyzer {

		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			StandardTokenizer tokenizer = new StandardTokenizer();
			return new TokenStreamComponents(tokenizer, new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
		}

		@Override
		protected TokenStream normalize(String fieldName, TokenStream in) {
			return new ASCIIFoldingFilter(new LowerCaseFilter(in));
		}

	}

}
