package news.platform.comment.moderation;

import java.util.List;

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
	void wordListsMatchWholeWordsOrPrefixes() {
		WordList list = new WordList(List.of("glup*", "kreten"));
		assertThat(list.firstMatch(CroatianFolding.words("baš si GLUPAČA"))).isEqualTo("glupaca");
		assertThat(list.firstMatch(CroatianFolding.words("k.r.e.t.e.n"))).isEqualTo("kreten");
		assertThat(list.firstMatch(CroatianFolding.words("kretenu"))).isNull();
		assertThat(list.firstMatch(CroatianFolding.words("lijep dan u Zagrebu"))).isNull();
	}

	@Test
	void countsLinks() {
		assertThat(AutoModeration.links("vidi https://x.example.com i www.y.org te z.hr")).isEqualTo(3);
		assertThat(AutoModeration.links("bez linkova. Samo tekst.")).isZero();
	}

}
