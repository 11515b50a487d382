package news.platform.media.web;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;
import news.platform.testsupport.problems.ProblemCatalogueCheck;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceIntegrationTest
class OpenApiTest {

	@LocalServerPort
	int port;

	@Test
	void theApiIsDescribed() {
		Http.Response docs = Http.get("http://localhost:" + this.port + "/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().path("paths").has("/api/v1/media")).isTrue();
		assertThat(docs.json().path("paths").has("/api/v1/media/{id}/rendition")).isTrue();
		assertThat(docs.json().path("paths").has("/api/v1/media/{id}/original")).isTrue();
		assertThat(docs.body()).contains("/problems/too-many-pixels");
	}

	@Test
	void theProblemTypesAreTheCataloguesInTheCodeTheDocumentAndTheReadme() {
		Http.Response docs = Http.get("http://localhost:" + this.port + "/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		ProblemCatalogueCheck.verify("news.platform.media", Path.of("README.md"), docs.body(), true);
	}

}
