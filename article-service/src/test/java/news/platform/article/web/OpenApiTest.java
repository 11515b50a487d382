package news.platform.article.web;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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
	void theApiIsDocumentedWithIfMatchAndProblemTypes() {
		Http.Response docs = Http.get("http://localhost:" + this.port + "/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		JsonNode paths = docs.json().path("paths");
		assertThat(paths.has("/api/v1/articles/{id}")).isTrue();
		assertThat(paths.has("/api/v1/articles/{id}/publish")).isTrue();
		// the feed is served by the shared endpoint, one mapping for every feed the service publishes
		assertThat(paths.has("/internal/v1/{feed}/events")).isTrue();
		assertThat(paths.has("/internal/v1/articles/state")).isTrue();
		assertThat(paths.path("/api/v1/articles/{id}").path("put").path("parameters").toString()).contains("If-Match");
		assertThat(docs.body()).contains("/problems/stale-version").contains("/problems/busy");
	}

	/**
	 * The README and the OpenAPI document name only catalogue types, and every type this service
	 * can answer: its own (from the code) in both, the shared handlers' common ones in the document.
	 */
	@Test
	void theReadmeAndTheDocumentNameEveryProblemTypeOfTheCatalogueTheServiceAnswers() {
		Http.Response docs = Http.get("http://localhost:" + this.port + "/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		ProblemCatalogueCheck.verify("news.platform.article", Path.of("README.md"), docs.body(), true);
	}

}
