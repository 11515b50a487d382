package news.platform.article.web;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.testsupport.Http;
import news.platform.testsupport.ServiceIntegrationTest;

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
		assertThat(paths.has("/internal/v1/articles/events")).isTrue();
		assertThat(paths.path("/api/v1/articles/{id}").path("put").path("parameters").toString()).contains("If-Match");
		assertThat(docs.body()).contains("/problems/stale-version");
	}

}
