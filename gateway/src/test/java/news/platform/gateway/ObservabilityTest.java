package news.platform.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import news.platform.testsupport.Http;
import news.platform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Metrics on the management port, and one API document over the services' OpenAPI documents. */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTest extends GatewayTest {

	@Test
	void perRouteRequestMetricsWithHistogramsAndBreakerStatesAreOnPrometheus() throws IOException {
		Client.get(gateway(unique("/api/v1/articles/metrics")));
		String metrics = Client.get("http://localhost:" + this.managementPort + "/actuator/prometheus").body();
		assertThat(metrics).containsPattern("spring_cloud_gateway_requests_seconds_bucket\\{[^}]*routeId=\"articles\"");
		assertThat(metrics).containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"articles\"");
		// for the k8s module's check that dashboards and alerts read only metrics that exist
		Path scrapes = Path.of(System.getProperty("platform.build.directory", "target"), "prometheus");
		Files.createDirectories(scrapes);
		Files.writeString(scrapes.resolve("gateway.prom"), metrics);
	}

	@Test
	void oneAccessLogLinePerRequestWithoutTokensOrCookies(CapturedOutput output) {
		String path = unique("/api/v1/articles/logged");
		String token = TestTokens.token("logged-user", "reader");
		Client.get(gateway(path), "Authorization", Http.bearer(token), "Cookie", "session=secret-cookie",
				"traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(output.getOut()).contains(path));
		List<String> lines = output.getOut().lines().filter(line -> line.contains(path)).toList();
		assertThat(lines).singleElement().satisfies(line -> {
			assertThat(line).contains("gateway.access", "GET " + path, "route=articles", "status=200",
					"upstream=http://localhost:", "user=logged-user", "traceId=0af7651916cd43dd8448eb211c80319c");
			assertThat(line).doesNotContain(token).doesNotContain("secret-cookie");
		});
	}

	@Test
	void swaggerUiListsTheServicesDocumentsFetchedThroughTheGateway() {
		Http.Response config = Client.get(gateway("/v3/api-docs/swagger-config"));
		assertThat(config.status()).as(config.body()).isEqualTo(200);
		assertThat(config.body()).contains("/v3/api-docs/articles", "/v3/api-docs/media", "/v3/api-docs/comments");
		assertThat(Client.get(gateway("/swagger-ui/index.html")).status()).isEqualTo(200);

		Http.Response articles = Client.get(gateway("/v3/api-docs/articles"));
		assertThat(articles.status()).isEqualTo(200);
		assertThat(articles.body()).contains("\"path\":\"/v3/api-docs\"");
	}

}
