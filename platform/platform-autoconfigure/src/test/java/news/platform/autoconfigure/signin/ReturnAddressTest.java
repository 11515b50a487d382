package news.platform.autoconfigure.signin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnAddressTest {

	private final ReturnAddress desk = new ReturnAddress("/desk");

	private final ReturnAddress site = new ReturnAddress("");

	@ParameterizedTest
	@ValueSource(strings = { "//evil.example", "https://evil.example/", "/\\evil.example", "evil", "/a b",
			"/a\u0000b", "/..", "/../x", "" })
	void anAddressOffTheApplicationLeadsToItsStartPage(String candidate) {
		assertThat(this.site.safe(candidate)).isEqualTo("/");
		assertThat(this.desk.safe(candidate)).isEqualTo("/desk/");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/vijesti/hrvatska/prica", "/trazi?q=most", "/" })
	void aPathOfTheSiteIsKept(String candidate) {
		assertThat(this.site.safe(candidate)).isEqualTo(candidate);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/site-page", "/desk/../site", "/deskx" })
	void theDeskKeepsOnlyItsOwnPaths(String candidate) {
		assertThat(this.desk.safe(candidate)).isEqualTo("/desk/");
		assertThat(this.desk.safe("/desk/popis/nacrti")).isEqualTo("/desk/popis/nacrti");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/" })
	void nothingGivenIsTheStartPage(String ignored) {
		assertThat(this.site.safe(null)).isEqualTo("/");
		assertThat(this.site.home()).isEqualTo("/");
	}

	@Test
	void aKeptAddressIsCheckedAndTakenOnce() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		assertThat(this.site.take(request)).isNull();
		this.site.keep(request, "//evil.example");
		assertThat(this.site.take(request)).isEqualTo("/");
		this.site.keep(request, "/sport/utakmica");
		assertThat(this.site.take(request)).isEqualTo("/sport/utakmica");
		assertThat(this.site.take(request)).isNull();
	}

}
