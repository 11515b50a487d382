package news.platform.comment.moderation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CroatianFoldingTest {

	@Test
	void foldsCaseDiacriticsAndEvasions() {
		assertThat(CroatianFolding.fold("ČAČAK Đurđevac ŠŽ")).isEqualTo("cacak durdevac sz");
		assertThat(CroatianFolding.word("Đ.A.K")).isEqualTo("dak");
		assertThat(CroatianFolding.word("djak")).isEqualTo("dak");
		assertThat(CroatianFolding.word("g-l-u-u-u-p-a-n")).isEqualTo("glupan");
		assertThat(CroatianFolding.word("1d10t")).isEqualTo("idiot");
		assertThat(CroatianFolding.words("ti si g l u p a n, zar ne")).containsExactly("ti", "si", "glupan", "zar", "ne");
	}

	@Test
	void keepsWhichCroatianLetterTheWriterChose() {
		CroatianFolding.Folded folded = CroatianFolding.folded("Smeće");
		assertThat(folded.letters()).isEqualTo("smece");
		assertThat(new String(folded.marks())).isEqualTo("\0\0\0ć\0");
		assertThat(CroatianFolding.folded("smece").agreesWith(folded, 5)).isTrue();
		assertThat(CroatianFolding.folded("smeče").agreesWith(folded, 5)).isFalse();
		assertThat(CroatianFolding.folded("ku.u.u.rčina").letters()).isEqualTo("kurcina");
	}

	@Test
	void countsLinks() {
		assertThat(AutoModeration.links("vidi https://x.example.com i www.y.org te z.hr")).isEqualTo(3);
		assertThat(AutoModeration.links("bez linkova. Samo tekst.")).isZero();
	}

}
