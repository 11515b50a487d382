package news.platform.media.imaging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResizingTest {

	@Test
	void containFitsInsideWithoutEnlarging() {
		assertThat(Resizing.plan(4000, 3000, 1200, 0, false, 0.5, 0.5))
			.isEqualTo(new Resizing.Plan(0, 0, 4000, 3000, 1200, 900));
		assertThat(Resizing.plan(4000, 3000, 1200, 600, false, 0.5, 0.5))
			.isEqualTo(new Resizing.Plan(0, 0, 4000, 3000, 800, 600));
		assertThat(Resizing.plan(300, 200, 1600, 0, false, 0.5, 0.5))
			.isEqualTo(new Resizing.Plan(0, 0, 300, 200, 300, 200));
	}

	@Test
	void coverCropsAroundTheFocalPointAndStaysInside() {
		Resizing.Plan centre = Resizing.plan(4000, 3000, 1200, 675, true, 0.5, 0.5);
		assertThat(centre.width()).isEqualTo(1200);
		assertThat(centre.height()).isEqualTo(675);
		assertThat(centre.cropWidth()).isEqualTo(4000);
		assertThat(centre.cropHeight()).isEqualTo(2250);
		assertThat(centre.cropY()).isEqualTo(375);
		Resizing.Plan top = Resizing.plan(4000, 3000, 1200, 675, true, 0.5, 0.0);
		assertThat(top.cropY()).isZero();
		Resizing.Plan bottom = Resizing.plan(4000, 3000, 1200, 675, true, 0.5, 1.0);
		assertThat(bottom.cropY() + bottom.cropHeight()).isEqualTo(3000);
	}

	@Test
	void aCoverBoxLargerThanTheOriginalShrinksKeepingItsShape() {
		Resizing.Plan plan = Resizing.plan(300, 200, 1200, 675, true, 0.5, 0.5);
		assertThat(plan.width()).isLessThanOrEqualTo(300);
		assertThat(plan.height()).isLessThanOrEqualTo(200);
		assertThat(plan.width() / (double) plan.height()).isCloseTo(1200 / 675.0, org.assertj.core.data.Offset.offset(0.02));
	}

	@Test
	void decodeSkipsPixelsOnlyWhereThereAreEnough() {
		assertThat(Resizing.plan(4000, 3000, 1200, 0, false, 0.5, 0.5).subsampling()).isEqualTo(2);
		assertThat(Resizing.plan(4000, 3000, 320, 180, true, 0.5, 0.5).subsampling()).isEqualTo(8);
		assertThat(Resizing.plan(800, 600, 640, 360, true, 0.5, 0.5).subsampling()).isEqualTo(1);
	}

}
