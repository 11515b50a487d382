package news.platform.article.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PageCursorTest {

	@Test
	void roundTripsAsOpaqueUrlSafeText() {
		PageCursor cursor = new PageCursor(PageCursor.Kind.SEARCH, 3.25f, 1_764_000_000_000L, "člának-42");

		String text = cursor.encode();

		assertThat(text).matches("[A-Za-z0-9_-]+");
		assertThat(PageCursor.decode(text, PageCursor.Kind.SEARCH)).isEqualTo(cursor);
	}

	@Test
	void refusesWhatItDidNotMake() {
		String listCursor = new PageCursor(PageCursor.Kind.LIST, 0f, 1L, "a").encode();
		byte[] badUtf8 = { 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, (byte) 0xC3, (byte) 0x28 };
		for (String text : List.of("", "not base64!", "AAAA", "_-_-", Base64.getUrlEncoder().encodeToString(badUtf8),
				Base64.getUrlEncoder().encodeToString("x".repeat(300).getBytes(StandardCharsets.UTF_8)))) {
			assertThatIllegalArgumentException().as(text).isThrownBy(() -> PageCursor.decode(text, PageCursor.Kind.LIST));
		}
		assertThatIllegalArgumentException().as("a list cursor on search")
			.isThrownBy(() -> PageCursor.decode(listCursor, PageCursor.Kind.SEARCH));
	}

}
