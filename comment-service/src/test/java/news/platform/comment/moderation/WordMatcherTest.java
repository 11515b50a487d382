package news.platform.comment.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The word lists' matching: an entry with {@code *} meets the word's forms, those whose stem
 * changes included (palatalisation, sibilarisation, the fleeting a, a dropped final vowel,
 * augmentatives and diminutives), and nothing that merely contains its letters.
 */
class WordMatcherTest {

	private static String match(WordMatcher matcher, String text) {
		WordMatcher.Match match = matcher.firstMatch(CroatianFolding.foldedWords(text));
		return match == null ? null : match.entry();
	}

	private static void matchesAll(String entry, String... words) {
		WordMatcher matcher = WordMatcher.of(List.of(entry));
		for (String word : words) {
			assertThat(match(matcher, word)).as("%s should match %s", entry, word).isEqualTo(entry);
		}
	}

	private static void matchesNone(String entry, String... words) {
		WordMatcher matcher = WordMatcher.of(List.of(entry));
		for (String word : words) {
			assertThat(match(matcher, word)).as("%s should not match %s", entry, word).isNull();
		}
	}

	@Test
	void palatalisationBeforeASuffixAndInTheVocative() {
		// k → č: seljak → seljače (vocative), seljačina (augmentative), seljačić (diminutive)
		matchesAll("seljak*", "seljak", "seljaka", "seljače", "seljačina", "seljačinu", "seljačić", "seljačića");
		// g → ž: vrag → vraže, vražić
		matchesAll("vrag*", "vrag", "vraga", "vraže", "vražić", "vražiću");
		// c → č after the fleeting a: kurac → kurčina, kurčić, kurčev
		matchesAll("kurac*", "kurčina", "kurčine", "kurčić", "kurčevi", "kurče");
		// as commenters type it, without diacritics
		matchesAll("seljak*", "seljace", "seljacina", "seljacic");
	}

	@Test
	void sibilarisationBeforeI() {
		// k → c, g → z before -i: seljaci, glupaci, vrazi
		matchesAll("seljak*", "seljaci", "seljacima");
		matchesAll("glupak*", "glupaci", "glupacima");
		matchesAll("vrag*", "vrazi", "vrazima");
	}

	@Test
	void theFleetingA() {
		matchesAll("kurac*", "kurac", "kurca", "kurcu", "kurcem", "kurci", "kurcima", "kuraca");
		matchesAll("Čačak*", "Čačak", "Čačka", "Čačku", "Čačkom", "cacku");
	}

	@Test
	void aDroppedFinalVowelAugmentativesAndDiminutives() {
		matchesAll("budala*", "budala", "budale", "budali", "budalu", "budalo", "budalom", "budalama", "budalica",
				"budalicu", "budaletina", "budaletine");
		matchesAll("pička*", "pička", "pičke", "pički", "pičku", "pičko", "pičkom", "pičaka", "pičkica", "pičketina",
				"pičkin");
		matchesAll("majmun*", "majmunčić", "majmunčića", "majmunica", "majmunčina");
		matchesAll("kreten*", "kretenčina", "kretenka", "kretenu");
	}

	@Test
	void anEntryWithoutAStarIsThatWordOnly() {
		matchesAll("glupan", "glupan", "GLUPAN", "g.l.u.p.a.n", "glupaaan", "g l u p a n");
		matchesNone("glupan", "glupana", "glupanu", "glup");
	}

	@Test
	void nearMissesThatMerelyContainAListedWordsLetters() {
		matchesNone("krava*", "kravata", "kravate", "krvi", "krv");
		matchesNone("kurac*", "kurir", "kurira", "kuraž", "kuraže", "kurikulum", "kurva", "skurac");
		matchesNone("seljak*", "seljakati", "seljakaju", "seljački", "seljačka", "selo");
		matchesNone("vrag*", "vragolan", "vražji", "vrzino", "vrt");
		matchesNone("kreten*", "kretanje", "kretnja", "kretati", "kreda");
		matchesNone("debil*", "debljina", "debeo", "debata");
		matchesNone("idiot*", "idila", "idiom", "idiomi");
		matchesNone("lopov*", "lopata", "lopta", "loptu");
		matchesNone("ološ*", "olovka", "olovo", "olosh");
		matchesNone("smeće*", "smeđ", "smeđi", "smećkast", "smetnja", "smeč", "smečom");
		matchesNone("pička*", "piće", "pića", "pice", "pica", "picerija", "pijesak");
		matchesNone("šiptar*", "šipak", "šipka", "šipke");
		matchesNone("budala*", "budilica", "buđenje", "budan");
		matchesNone("glup*", "gluh", "glumac", "gluma");
	}

	@Test
	void whereTheWriterChoseACroatianLetterItMustBeTheListedOne() {
		// smeće (rubbish) typed without diacritics matches; smeč (a smash in tennis) does not
		matchesAll("smeće*", "smeće", "smece", "smeća", "smeca", "smećem");
		matchesNone("smeće*", "smeče", "smeča");
		// a sibilarised stem has a plain c: glupaci is glupak's, glupači is another word's
		matchesNone("glupak*", "glupači");
	}

	@Test
	void newsSentencesMatchNothing() {
		WordMatcher defaults = WordMatcher.of(List.of("jebem*", "jebemti*", "pička*", "kurac*", "pederčina*",
				"cigančina*", "šiptar*", "idiot*", "kreten*", "debil*", "glup*", "glupan*", "budala*", "lopov*", "ološ*"));
		for (String sentence : List.of(
				"Kurir je jutros donio pošiljku u Čačak, a kretanje cijena goriva i dalje zabrinjava prijevoznike.",
				"Nakon utakmice navijači su otišli na piće; lopta je završila u mreži nakon kuraže napadača.",
				"Vlada je predstavila mjere za smanjenje debljine kod djece i kurikulum zdravstvenog odgoja.",
				"Olovka, lopata i budilica našle su se na popisu najprodavanijih proizvoda u studenome.",
				"Idemo na pice nakon sjednice, rekao je gradonačelnik uz osmijeh.",
				"Šipak i šipke za ogradu stigli su u Kuršanec, gdje se gradi nova škola.",
				"Dubrovačka idila narušena je gužvom, a glumac je dobio nagradu za ulogu gluhog starca.")) {
			assertThat(match(defaults, sentence)).as(sentence).isNull();
		}
		assertThat(match(defaults, "Ti si obična kurčina")).isEqualTo("kurac*");
		assertThat(match(defaults, "Kakva BUDALETINA od političara")).isEqualTo("budala*");
		assertThat(match(defaults, "ma j.e.b.e.m ti")).isEqualTo("jebem*");
	}

	@Test
	void theChangedStemsOfAnEntryAreVisible() {
		Map<String, WordMatcher.Continuation> kurac = WordMatcher.stems("kurac");
		assertThat(kurac).containsEntry("kurac", WordMatcher.Continuation.FORMS)
			.containsEntry("kurc", WordMatcher.Continuation.DERIVED)
			.containsEntry("kurč", WordMatcher.Continuation.PALATAL);
		assertThat(WordMatcher.stems("seljak")).containsEntry("seljač", WordMatcher.Continuation.PALATAL)
			.containsEntry("seljac", WordMatcher.Continuation.SIBILANT);
		assertThat(WordMatcher.stems("pička")).containsEntry("pičk", WordMatcher.Continuation.A_NOUN)
			.containsEntry("pičak", WordMatcher.Continuation.GENITIVE_PLURAL)
			.doesNotContainKey("pičč");
	}

	@Test
	void matchingWorkGrowsWithTheTextNotWithTheList() {
		List<String> entries = new ArrayList<>();
		for (int i = 0; i < WordPatterns.MAX_WORDS; i++) {
			entries.add("riječ" + Integer.toString(i, 26).replace('0', 'x') + "*");
		}
		// words that walk deep into the list without matching: the worst case for a trie
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 300; i++) {
			text.append("riječ").append(Integer.toString(i * 7 + 3, 26).replace('0', 'x')).append("qq ");
		}
		List<CroatianFolding.Folded> once = CroatianFolding.foldedWords(text.toString());
		List<CroatianFolding.Folded> twice = CroatianFolding.foldedWords(text.toString() + text);
		long letters = once.stream().mapToLong(CroatianFolding.Folded::length).sum();
		WordMatcher big = WordMatcher.of(entries);
		WordMatcher one = WordMatcher.of(List.of("riječ*"));
		assertThat(big.firstMatch(once)).isNull();
		// counted work (trie steps and candidate checks), not time: the same on any machine
		long bigOnce = work(big, once);
		assertThat(work(big, twice)).isEqualTo(2 * bigOnce);
		// 5,000 entries cost a few steps per letter of text (the stems that end at a letter are
		// checked there), as one entry does; a scan of the list would be 5,000 per word
		assertThat(bigOnce).isLessThanOrEqualTo(10 * letters);
		assertThat(work(one, once)).isLessThanOrEqualTo(10 * letters);
		assertThat(bigOnce).isLessThan((long) once.size() * WordPatterns.MAX_WORDS / 100);
	}

	private static long work(WordMatcher matcher, List<CroatianFolding.Folded> words) {
		long[] steps = new long[1];
		for (CroatianFolding.Folded word : words) {
			matcher.match(word, steps);
		}
		return steps[0];
	}

}
