package news.platform.media.library;

import java.util.Base64;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.media.MediaApi;
import news.platform.media.item.MediaItems;
import news.platform.testsupport.ServiceIntegrationTest;

import static news.platform.media.MediaApi.EDITOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input to the photo library: a 400 problem naming the parameter, and nothing written.
 */
@ServiceIntegrationTest
class LibraryBadInputTest {

	@LocalServerPort
	int port;

	@Autowired
	MediaItems items;

	Library library;

	@BeforeEach
	void setUp() {
		this.library = new Library(new MediaApi(this.port));
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', value = { "type=tiff | type", "type=svg&q=most | type", "cursor=not-a-cursor | cursor",
			"cursor=AQAAAAAAAAAAenp6enp6enp6enp6enp6enp6enp6 | cursor", "from=yesterday | from",
			"to=2026-13-01 | to", "from=2026-11-20&to=2026-11-19 | from", "limit=0 | limit", "limit=101 | limit",
			"limit=ten | limit", "unused=yes | unused", "ids= | ids", "ids=,, | ids",
			"ids=0123456789abcdef01234567&q=most | q", "ids=0123456789abcdef01234567&cursor=x | cursor",
			"tag=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | tag" })
	void answersAProblemNamingTheParameter(String query, String field) {
		long before = this.items.count();
		MediaApi.Response response = this.library.get(query, EDITOR);
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().path("type").asString()).isEqualTo("/problems/invalid-parameter");
		assertThat(response.json().path("errors").path(0).path("field").asString()).isEqualTo(field);
		assertThat(response.json().path("traceId").asString()).isNotBlank();
		assertThat(this.items.count()).isEqualTo(before);
	}

	@Test
	void moreThanAHundredIdsAreRefusedForAnyone() {
		String ids = IntStream.range(0, 101)
			.mapToObj(i -> String.format("%024x", i))
			.collect(Collectors.joining(","));
		MediaApi.Response anonymous = this.library.get("ids=" + ids, null);
		assertThat(anonymous.status()).isEqualTo(400);
		assertThat(anonymous.json().path("type").asString()).isEqualTo("/problems/invalid-parameter");
		assertThat(anonymous.json().path("errors").path(0).path("field").asString()).isEqualTo("ids");
		assertThat(anonymous.json().path("detail").asString()).contains("100");
		// a hundred are fine (none of them exists)
		String hundred = ids.substring(0, ids.lastIndexOf(','));
		MediaApi.Response ok = this.library.get("ids=" + hundred, null);
		assertThat(ok.status()).isEqualTo(200);
		assertThat(ok.json().path("missing").size()).isEqualTo(100);
	}

	@Test
	void aCursorIsRefusedWhenTamperedWith() {
		JsonCursor cursor = new JsonCursor(new LibraryCursor(1_700_000_000_000L, "0123456789abcdef01234567").encode());
		assertThat(this.library.get("cursor=" + cursor.value(), EDITOR).status()).isEqualTo(200);
		byte[] bytes = Base64.getUrlDecoder().decode(cursor.value());
		bytes[0] = 2;
		String otherVersion = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		assertThat(this.library.get("cursor=" + otherVersion, EDITOR).status()).isEqualTo(400);
		bytes[0] = 1;
		bytes[20] = '!';
		String badId = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		assertThat(this.library.get("cursor=" + badId, EDITOR).status()).isEqualTo(400);
	}

	private record JsonCursor(String value) {
	}

}
