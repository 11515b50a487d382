package news.platform.article.search;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ListItemCodecTest {

	@Test
	void keepsEveryListFieldWithNullsAndNonAsciiText() {
		SearchDocument document = new SearchDocument("id-1", "cacak-dak", "hr", "Čačak i Đakovo „uživo”", null, "body",
				"Svijet", Arrays.asList("Sirija", null), Arrays.asList(new SearchDocument.Author(null, "Ana Ćorić"),
						new SearchDocument.Author("u-2", null)),
				null, Instant.parse("2026-11-25T06:00:00.123Z"), null, null);

		ArticleIndex.Hit hit = ListItemCodec.decode(ListItemCodec.encode(document), Map.of());

		assertThat(hit).isEqualTo(new ArticleIndex.Hit("id-1", "cacak-dak", "Čačak i Đakovo „uživo”", null, "Svijet",
				List.of("Sirija"), List.of(new SearchDocument.Author(null, "Ana Ćorić"),
						new SearchDocument.Author("u-2", null)),
				"hr", Instant.parse("2026-11-25T06:00:00.123Z"), null, Map.of(), "PUBLISHED", null,
				Instant.parse("2026-11-25T06:00:00.123Z"), null, false));
	}

}
