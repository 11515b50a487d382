package news.platform.textanalysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CroatianAnalyzerTest {

	private final Analyzer analyzer = new CroatianAnalyzer();

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({
			// nouns, feminine -a
			"evakuacija, evakuacij", "evakuacije, evakuacij", "evakuaciju, evakuacij", "evakuacijom, evakuacij",
			"evakuaciji, evakuacij", "evakuacijama, evakuacij",
			// nouns, masculine
			"grad, grad", "grada, grad", "gradu, grad", "gradom, grad", "gradovi, grad", "gradova, grad",
			"gradovima, grad",
			// the k/c alternation evened out
			"pobunjenik, pobunjenic", "pobunjenika, pobunjenic", "pobunjenici, pobunjenic", "pobunjenike, pobunjenic",
			"pobunjenicima, pobunjenic", "pobunjeniku, pobunjenic",
			// adjectives
			"sirijski, sirijsc", "sirijskog, sirijsc", "sirijskoj, sirijsc", "sirijskih, sirijsc",
			"sirijskom, sirijsc", "sirijska, sirijsc", "sirijskoga, sirijsc", "sirijskima, sirijsc",
			// folded forms as they reach the stemmer
			"cacak, cacc", "zivot, zivot", "zivota, zivot", "zene, zen", "zena, zen", "obitelji, obitelj",
			"civila, civil", "civilima, civil",
			// short words survive whole, and no stem is shorter than three letters
			"rat, rat", "rata, rat", "dan, dan", "novi, nov", "ovi, ovi", "sat, sat",
			// numbers and codes are not stemmed
			"2016, 2016", "tu154, tu154" })
	void stemsWordForms(String word, String stem) {
		assertThat(CroatianStemmer.stem(word)).isEqualTo(stem);
	}

	@Test
	void foldsCaseAndDiacriticsSoPlainLettersFindCroatianOnes() {
		assertThat(terms("Čačak")).isEqualTo(terms("cacak"));
		assertThat(terms("život")).isEqualTo(terms("zivot"));
		assertThat(terms("ĐAK")).isEqualTo(terms("dak"));
		// đ folds to d, and the fleeting a goes (Đurđevac, Đurđevca)
		assertThat(terms("Đurđevac")).containsExactly("durdevc");
		assertThat(terms("Đurđevca")).isEqualTo(terms("Đurđevac"));
		assertThat(terms("Šibenik ŽUPANIJA")).isEqualTo(terms("sibenik zupanija"));
	}

	@Test
	void dropsStopWordsInTheirCroatianAndFoldedForms() {
		assertThat(terms("i u je se na da za od s sa su a o koji što to iz kao će bi ili")).isEmpty();
		assertThat(terms("sto ce")).as("folded što and će").isEmpty();
		assertThat(terms("evakuacija iz Alepa")).containsExactly("evakuacij", "alep");
	}

	@Test
	void matchesTheFormsOfOneWordToOneTerm() {
		assertThat(terms("evakuacija evakuacije evakuaciju evakuacijom")).containsOnly("evakuacij");
		assertThat(terms("pobunjenik pobunjenika pobunjenici pobunjenike")).containsOnly("pobunjenic");
		assertThat(terms("sirijski sirijskog sirijskoj sirijskih")).containsOnly("sirijsc");
	}

	@Test
	void analysesTheSampleArticleSensibly() throws IOException {
		String sample = Files.readString(Path.of("../../demo/articles/sample-hr.txt"), StandardCharsets.UTF_8);
		List<String> terms = terms(sample);

		assertThat(terms).hasSizeGreaterThan(200)
			.contains("alep", "evakuacij", "pobunjenic", "sirijsc", "civil", "koridor", "idlib", "putin", "rusc")
			.doesNotContain("je", "i", "u", "se", "na", "da", "za", "od", "sto", "ce", "koji")
			.allSatisfy(term -> assertThat(term).as("lower-case ASCII or digits").matches("[a-z0-9._]+"));
		// every inflected form of the recurring words lands on one term
		assertThat(terms.stream().filter(term -> term.startsWith("evakuac")).distinct()).containsExactly("evakuacij");
		// (pobunjenički, the adjective, is another word and keeps its own stem)
		assertThat(terms.stream().filter(term -> term.startsWith("pobunjeni")).distinct()).contains("pobunjenic");
	}

	private List<String> terms(String text) {
		List<String> terms = new ArrayList<>();
		try (TokenStream stream = this.analyzer.tokenStream("body", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				terms.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return terms;
	}

}
