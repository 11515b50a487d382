package news.platform.article.slug;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsTest {

	@Test
	void croatianLettersAreTransliterated() {
		assertThat(Slugs.fromHeadline("Čačak đak šuma žena")).isEqualTo("cacak-dak-suma-zena");
		assertThat(Slugs.fromHeadline("ĆEVAPI i ĐURĐEVAC")).isEqualTo("cevapi-i-durdevac");
	}

	@Test
	void otherAccentsArePunctuationCollapsesAndEndsAreTrimmed() {
		assertThat(Slugs.fromHeadline("  Crème brûlée — 100% naïve!  ")).isEqualTo("creme-brulee-100-naive");
		assertThat(Slugs.fromHeadline("Straße & Smørrebrød")).isEqualTo("strasse-smorrebrod");
		assertThat(Slugs.fromHeadline("!!!")).isEmpty();
	}

	@Test
	void longHeadlinesAreCutAtAWordBoundary() {
		String slug = Slugs.fromHeadline("riječ ".repeat(30));
		assertThat(slug.length()).isLessThanOrEqualTo(Slugs.MAX_LENGTH);
		assertThat(slug).endsWith("rijec").doesNotEndWith("-");
	}

	@Test
	void validSlugs() {
		assertThat(Slugs.isValid("a-b-1")).isTrue();
		assertThat(Slugs.isValid("A-b")).isFalse();
		assertThat(Slugs.isValid("a--b")).isFalse();
		assertThat(Slugs.isValid("$ne")).isFalse();
	}

}
