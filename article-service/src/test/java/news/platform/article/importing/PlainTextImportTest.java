package news.platform.article.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import news.platform.article.story.Block;
import news.platform.autoconfigure.problem.ApiProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlainTextImportTest {

	/** The repository's sample: one line, paragraphs as runs of (no-break) spaces. */
	private static final Path SAMPLE = Path.of("../demo/articles/sample-hr.txt");

	@Test
	void sampleArticleImportsIntoParagraphsHeadingsAndATeaser() throws IOException {
		String text = Files.readString(SAMPLE, StandardCharsets.UTF_8);

		ImportedDraft draft = PlainTextImport.parse(text, null);

		assertThat(draft.blocks()).extracting((block) -> block.getClass().getSimpleName())
			.containsExactly("Paragraph", "Paragraph", "Heading", "Paragraph", "Paragraph", "Paragraph", "Paragraph",
					"Paragraph", "Heading", "Paragraph", "Paragraph", "Paragraph", "Paragraph", "RelatedLink");
		assertThat(draft.blocks()).filteredOn(Block.Heading.class::isInstance)
			.containsExactly(
					new Block.Heading(2, "\"Evakuacija pobunjenika izvest će se s 20 autobusa i 10 ambulantnih kola\""),
					new Block.Heading(2, "Tisuće ljudi uzalud su čekale da se ukrcaju u autobuse"));
		assertThat(draft.blocks().get(draft.blocks().size() - 1)).isEqualTo(new Block.RelatedLink(null, null,
				"Kaos Alepa se nastavlja: Blokirali su evakuaciju, primirje je propalo i ponovno se čuje granatiranje"));
		assertThat(draft.blocks().get(3).plainText()).startsWith("Sirijski i ruski vojnici pripremali su");
		assertThat(draft.blocks().get(9).plainText()).startsWith("Dvadesetak autobusa koji su stanovnike");
		assertThat(draft.headline())
			.isEqualTo("Sirijski dužnosnik je kazao da je gotovo tisuću ljudi napustilo Alep, objavio je Reuters");
		assertThat(draft.standfirst()).isNull();
		assertThat(draft.source()).isEqualTo("Reuters, TASS, AFP");
	}

	@Test
	void sampleArticleKeepsEveryWordAndNoNoBreakSpace() throws IOException {
		String text = Files.readString(SAMPLE, StandardCharsets.UTF_8);
		assertThat(text).contains("\u00A0");

		ImportedDraft draft = PlainTextImport.parse(text, null);

		String out = output(draft);
		assertThat(out).doesNotContain("\u00A0", "\u202F", "  ", ">>");
		assertThat(words(out)).containsAll(words(text));
		for (Block block : draft.blocks()) {
			if (block instanceof Block.Paragraph paragraph) {
				assertThat(paragraph.text()).as("a paragraph ends where a sentence ends")
					.matches("(?s).*[.!?…][\"“”]?|.*[\"“”][.!?]");
				assertThat(paragraph.text().length()).isLessThanOrEqualTo(PlainTextImport.PARAGRAPH_TARGET);
			}
		}
		// the pull-quote heading is not a second copy of a paragraph
		assertThat(draft.blocks().stream().map(Block::plainText).distinct().count())
			.isEqualTo(draft.blocks().size());
	}

	@Test
	void emptyOrInvisibleTextIsRefusedNamingTheField() {
		for (String text : Arrays.asList(null, "", "   \n\t \r\n ", "\u00A0\u202F\u200B\uFEFF")) {
			assertThatThrownBy(() -> PlainTextImport.parse(text, null)).isInstanceOf(ApiProblem.class)
				.satisfies((ex) -> assertThat(((ApiProblem) ex).fieldErrors())
					.extracting(ApiProblem.FieldError::field)
					.containsExactly("text"));
		}
	}

	@Test
	void textWithOnlyATeaserIsRefused() {
		assertThatThrownBy(() -> PlainTextImport.parse(">>Pročitajte i ovo", null))
			.isInstanceOfSatisfying(ApiProblem.class,
					(ex) -> assertThat(ex.fieldErrors()).extracting(ApiProblem.FieldError::field).containsExactly("text"));
	}

	@Test
	void windowsLineEndingsAndBlankLineParagraphs() {
		String text = "Vlada je danas usvojila proračun. Ministar je rekao da je\r\nto dobar dan.\r\n\r\n"
				+ "Reakcije oporbe\r\n\r\nOporba je najavila glasanje protiv. \"Ovo je loše\", rekla je zastupnica.\r\n";

		ImportedDraft draft = PlainTextImport.parse(text, null);

		assertThat(draft.blocks()).containsExactly(
				new Block.Paragraph("Vlada je danas usvojila proračun. Ministar je rekao da je to dobar dan."),
				new Block.Heading(2, "Reakcije oporbe"),
				new Block.Paragraph("Oporba je najavila glasanje protiv. \"Ovo je loše\", rekla je zastupnica."));
		assertThat(output(draft)).doesNotContain("\r");
		assertThat(draft.headline()).isEqualTo("Vlada je danas usvojila proračun");
		assertThat(draft.source()).isNull();
	}

	@Test
	void singleNewlinesAreParagraphsWhenThereAreNoBlankLines() {
		String text = "Prvi odlomak ima jednu rečenicu.\nDrugi odlomak ima drugu.\nsvršetak prelomljene rečenice.";

		ImportedDraft draft = PlainTextImport.parse(text, "Naslov");

		assertThat(draft.blocks()).containsExactly(new Block.Paragraph("Prvi odlomak ima jednu rečenicu."),
				new Block.Paragraph("Drugi odlomak ima drugu. svršetak prelomljene rečenice."));
	}

	@Test
	void aDoubleSpaceBeforeALowerCaseWordIsNotAParagraphBreak() {
		ImportedDraft draft = PlainTextImport.parse("Ovo je  rečenica koja se nastavlja.  Ovo je nova.", null);

		assertThat(draft.blocks()).containsExactly(new Block.Paragraph("Ovo je rečenica koja se nastavlja."),
				new Block.Paragraph("Ovo je nova."));
	}

	@Test
	void aTeaserInsideTheLastParagraphBecomesARelatedLink() {
		ImportedDraft draft = PlainTextImport.parse("Tekst članka. >> Pročitajte i: drugi članak", null);

		assertThat(draft.blocks()).containsExactly(new Block.Paragraph("Tekst članka."),
				new Block.RelatedLink(null, null, "Pročitajte i: drugi članak"));
	}

	@Test
	void aMissingFullStopWithoutARepetitionIsNotAHeading() {
		String text = "Vijeće je zasjedalo u Zagrebu uz mjere opreza Ministar je potom rekao da je sve u redu.";

		ImportedDraft draft = PlainTextImport.parse(text, null);

		assertThat(draft.blocks()).containsExactly(new Block.Paragraph(text));
	}

	@Test
	void namesRepeatedLaterDoNotMakeAHeading() {
		String text = "Ruski predsjednik Vladimir Putin kazao je da je sve dogovoreno. Kasnije je Ruski predsjednik Vladimir Putin otputovao.";

		ImportedDraft draft = PlainTextImport.parse(text, null);

		assertThat(draft.blocks()).containsExactly(new Block.Paragraph(text));
	}

	@Test
	void invisibleCharactersAreRemovedAndSpacesNormalised() {
		ImportedDraft draft = PlainTextImport.parse("Ži\u00ADvot\u200B u\u202FZagrebu\u00A0je lijep.\u0007", null);

		assertThat(draft.blocks()).containsExactly(new Block.Paragraph("Život u Zagrebu je lijep."));
		assertThat(draft.headline()).isEqualTo("Život u Zagrebu je lijep");
	}

	@Test
	void lineBreakLikeControlsSeparateWordsInsteadOfJoiningThem() {
		ImportedDraft draft = PlainTextImport.parse("Prvi odlomak.\fDrugi\u0085odlomak.", null);

		assertThat(draft.blocks()).containsExactly(new Block.Paragraph("Prvi odlomak."),
				new Block.Paragraph("Drugi odlomak."));
	}

	@Test
	void aGivenHeadlineIsUsedCleaned() {
		ImportedDraft draft = PlainTextImport.parse("Prvi odlomak.", "  Naslov\u00A0s\u00A0razmacima ");

		assertThat(draft.headline()).isEqualTo("Naslov s razmacima");
	}

	@Test
	void aBlankGivenHeadlineIsProposedFromTheText() {
		ImportedDraft draft = PlainTextImport.parse("Prvi odlomak je ovdje. Drugi nije.", " ");

		assertThat(draft.headline()).isEqualTo("Prvi odlomak je ovdje");
	}

	@Test
	void aTooLongGivenHeadlineIsRefusedNamingTheField() {
		assertThatThrownBy(() -> PlainTextImport.parse("Tekst.", "x".repeat(301)))
			.isInstanceOfSatisfying(ApiProblem.class, (ex) -> assertThat(ex.fieldErrors())
				.extracting(ApiProblem.FieldError::field)
				.containsExactly("headline"));
	}

	@Test
	void aLongFirstSentenceIsCutAtAWordBoundaryForTheHeadline() {
		String sentence = "Predsjednik Vlade i ministri danas su u Banskim dvorima dugo raspravljali o izmjenama zakona "
				+ "o porezu i o novim mjerama za mlade obitelji.";

		String headline = PlainTextImport.parse(sentence, null).headline();

		assertThat(headline).hasSizeLessThanOrEqualTo(PlainTextImport.HEADLINE_MAX)
			.isEqualTo("Predsjednik Vlade i ministri danas su u Banskim dvorima dugo raspravljali o izmjenama zakona o porezu");
		assertThat(sentence).startsWith(headline + " ");
	}

	@Test
	void sentencesDoNotEndAfterOrdinalsAbbreviationsOrInsideQuotes() {
		String body = "Sastanak je 27. prosinca. Govorio je dr. Horvat. \"Prva. Druga.\" Treća rečenica. J. Kerry je stigao.";

		List<String> sentences = PlainTextImport.sentences(body, PlainTextImport.quoted(body))
			.stream()
			.map((span) -> body.substring(span[0], span[1]))
			.toList();

		assertThat(sentences).containsExactly("Sastanak je 27. prosinca.", "Govorio je dr. Horvat.",
				"\"Prva. Druga.\"", "Treća rečenica.", "J. Kerry je stigao.");
	}

	@Test
	void agenciesAreCreditedInTheOrderNamedWithCaseEndings() {
		assertThat(PlainTextImport.agencies("Prema pisanju Reutersa i agencije HINA-e, a javlja i AFP.")).isEqualTo(
				"Reuters, HINA, AFP");
		assertThat(PlainTextImport.agencies("APPLE i STAR nisu agencije.")).isNull();
	}

	@Test
	void aLongTextIsParsedWithoutBlowingUp() {
		String paragraph = "Ovo je rečenica broj jedan o Zagrebu i Splitu. Druga rečenica govori o Rijeci i Osijeku. ";
		String text = (paragraph.repeat(20) + "  ").repeat(300);

		ImportedDraft draft = PlainTextImport.parse(text, null);

		assertThat(draft.blocks()).allMatch(Block.Paragraph.class::isInstance);
		assertThat(words(output(draft))).containsAll(words(text));
	}

	private static String output(ImportedDraft draft) {
		return draft.headline() + "\n" + draft.blocks()
			.stream()
			.map((block) -> (block instanceof Block.RelatedLink link) ? link.title() : block.plainText())
			.collect(Collectors.joining("\n"));
	}

	private static Set<String> words(String text) {
		return Arrays.stream(text.split("[^\\p{L}\\p{N}]+"))
			.filter((word) -> !word.isEmpty())
			.collect(Collectors.toSet());
	}

}
