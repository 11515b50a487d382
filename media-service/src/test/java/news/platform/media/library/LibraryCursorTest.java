package news.platform.media.library;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LibraryCursorTest {

	@Test
	void aCursorComesBackAsItWasMade() {
		LibraryCursor cursor = new LibraryCursor(1_764_000_000_123L, "65a1b2c3d4e5f60718293a4b");
		assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
		assertThat(LibraryCursor.decode(cursor.encode())).isEqualTo(cursor);
	}

	@Test
	void anythingElseIsRefused() {
		for (String text : new String[] { "", "x", "not a cursor", "AQ", "%%%", "A".repeat(100) }) {
			assertThatIllegalArgumentException().isThrownBy(() -> LibraryCursor.decode(text));
		}
	}

}
