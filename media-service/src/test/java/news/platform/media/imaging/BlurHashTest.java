package news.platform.media.imaging;

import java.awt.Color;

import org.junit.jupiter.api.Test;

import news.platform.media.TestImages;

import static org.assertj.core.api.Assertions.assertThat;

class BlurHashTest {

	@Test
	void aHashHasTheLengthItsComponentsAskForAndEncodesTheAverageColour() {
		String hash = BlurHash.encode(TestImages.solid(32, 24, new Color(0x40, 0x80, 0xC0)), 4, 3);
		assertThat(hash).hasSize(1 + 1 + 4 + 2 * (4 * 3 - 1));
		// size flag (4-1) + (3-1)*9 = 21 -> 'L'
		assertThat(hash.charAt(0)).isEqualTo('L');
		assertThat(BlurHash.averageColour(hash)).isEqualTo("#4080c0");
	}

	@Test
	void differentPicturesGiveDifferentHashes() {
		String halves = BlurHash.encode(TestImages.halves(32, 24, Color.RED, Color.BLUE), 4, 3);
		String solid = BlurHash.encode(TestImages.solid(32, 24, Color.RED), 4, 3);
		assertThat(halves).isNotEqualTo(solid);
	}

	@Test
	void knownReferenceValueForASingleComponent() {
		// one component is just the average colour: size flag 0, quantised max 0, then the DC
		// 0xFFFFFF = 16777215 in base 83 = 29, 28, 30, 10 -> "TSUA"
		assertThat(BlurHash.encode(TestImages.solid(8, 8, Color.WHITE), 1, 1)).isEqualTo("00TSUA");
	}

}
