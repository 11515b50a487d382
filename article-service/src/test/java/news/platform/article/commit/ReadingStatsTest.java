package news.platform.article.commit;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadingStatsTest {

	@Test
	void readingTimeIsAtLeastOneMinute() {
		assertThat(ReadingStats.readingMinutes(0)).isEqualTo(1);
		assertThat(ReadingStats.readingMinutes(200)).isEqualTo(1);
		assertThat(ReadingStats.readingMinutes(201)).isEqualTo(2);
		assertThat(ReadingStats.wordCount("Dva-tri riječi", null, List.of())).isEqualTo(2);
	}

}
