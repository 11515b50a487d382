package news.platform.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import news.platform.testsupport.Http;
import news.platform.testsupport.TestIssuer;
import news.platform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway at the foundation level: routes come from the shared configuration, the actuator
 * answers only on the management port, {@code /internal}, {@code /actuator} and unknown API paths
 * are 404 problems from the gateway itself, and every other path is the site's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.cloud.config.enabled=false",
				"platform.test.shared-config-directory=../config/src/main/resources/config-repo",
				"spring.profiles.active=test", "management.server.port=0",
				"spring.autoconfigure.exclude=" + GatewayTest.NO_DATABASE, "platform.mongodb.embedded.enabled=false" })
class GatewayFoundationTest {

	private static final HttpServer articleUpstream = startUpstream();

	private static final int closedPort = closedPort();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void upstreams(DynamicPropertyRegistry registry) {
		registry.add("platform.upstreams.article-service",
				() -> "http://localhost:" + articleUpstream.getAddress().getPort());
		registry.add("platform.upstreams.media-service", () -> "http://localhost:" + closedPort);
		registry.add("platform.upstreams.comment-service", () -> "http://localhost:" + closedPort);
		registry.add("platform.upstreams.site", () -> "http://localhost:" + closedPort);
		registry.add("platform.upstreams.desk", () -> "http://localhost:" + closedPort);
		// the production code path: keys from the issuer's JWKS, as from identity's in a run
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> TestIssuer.get().jwkSetUri());
		registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> TestTokens.AUDIENCE);
		registry.add("platform.security.issuer", () -> TestTokens.ISSUER);
	}

	@AfterAll
	static void stopUpstream() {
		articleUpstream.stop(0);
	}

	@Test
	void healthAnswersOnTheManagementPortOnly() {
		Http.Response health = Http.get("http://localhost:" + this.managementPort + "/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().path("status").asString()).isEqualTo("UP");
		assertThat(Http.get("http://localhost:" + this.managementPort + "/actuator/health/readiness").status())
			.isEqualTo(200);
		assertProblem(Http.get(gateway("/actuator/health")), 404, "/problems/not-found");
	}

	@Test
	void routesThePublicArticleApiToTheArticleService() {
		Http.Response response = Http.get(gateway("/api/v1/articles?limit=1"));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"path\":\"/api/v1/articles\"}");
	}

	@Test
	void internalActuatorAndUnknownPathsAreNotRouted() {
		assertProblem(Http.get(gateway("/internal/v1/articles/events?after=0")), 404, "/problems/not-found");
		assertProblem(Http.get(gateway("/actuator/prometheus")), 404, "/problems/not-found");
		assertProblem(Http.get(gateway("/api/no/such/path")), 404, "/problems/not-found");
	}

	@Test
	void everyOtherPathIsTheSites() {
		// the site is not running here: its route answers a fast 503, not the gateway's own 404; a
		// client asking for JSON gets the problem, a browser a page saying the same
		assertProblem(Http.get(gateway("/no/such/path"), "Accept", "application/json"), 503,
				"/problems/upstream-unavailable");
		Http.Response page = Http.get(gateway("/no/such/path"), "Accept", "text/html,*/*;q=0.8");
		assertThat(page.status()).isEqualTo(503);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.header("Retry-After")).isNotBlank();
		assertThat(page.body()).contains("Stranica trenutačno nije dostupna", "lang=\"en\"")
			.doesNotContain("<script");
	}

	@Test
	void anUnreachableServiceIsAFast503Problem() {
		Http.Response response = Http.get(gateway("/api/v1/media/123"));
		assertProblem(response, 503, "/problems/upstream-unavailable");
		assertThat(response.header("Retry-After")).isNotBlank();
	}

	private String gateway(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static JsonNode assertProblem(Http.Response response, int status, String type) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.path("type").asString()).isEqualTo(type);
		assertThat(problem.path("traceId").asString()).matches("[0-9a-f]{32}");
		return problem;
	}

	private static HttpServer startUpstream() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			server.createContext("/api/v1/articles", exchange -> {
				byte[] body = ("{\"path\":\"" + exchange.getRequestURI().getPath() + "\"}")
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
