package news.platform.config;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.context.config.annotation.RefreshScope;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The config server serves the repository's configuration files, decrypts {cipher} values with a
 * key from the environment, and a value edited in a file reaches a running client through
 * {@code POST /actuator/refresh}, for {@code @ConfigurationProperties} and {@code @RefreshScope}
 * beans alike, without a restart.
 */
class ConfigRefreshTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@TempDir
	static Path repository;

	static ConfigurableApplicationContext configServer;

	static int configServerPort;

	@BeforeAll
	static void startConfigServerOnACopyOfTheRepository() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/config-repo"))) {
			for (Path file : files.toList()) {
				Files.copy(file, repository.resolve(file.getFileName()));
			}
		}
		configServer = new SpringApplicationBuilder(ConfigServerApplication.class).run("--server.port=0",
				"--management.server.port=0",
				"--spring.cloud.config.server.native.search-locations=" + repository.toUri(),
				"--encrypt.key=a-test-key-that-only-lives-in-the-environment");
		configServerPort = Integer.parseInt(configServer.getEnvironment().getProperty("local.server.port"));
	}

	@AfterAll
	static void stopConfigServer() {
		configServer.close();
	}

	@Test
	void exportsItsMetricsForPrometheusOnTheManagementPort() throws Exception {
		String managementPort = configServer.getEnvironment().getProperty("local.management.port");
		getJson("/article-service/local");
		HttpResponse<String> scrape = HTTP.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/actuator/prometheus")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains("application=\"config-server\"").contains("http_server_requests_seconds_count");
		// for the k8s module's check that dashboards and alerts read only metrics that exist
		Path scrapes = Path.of(System.getProperty("platform.build.directory", "target"), "prometheus");
		Files.createDirectories(scrapes);
		Files.writeString(scrapes.resolve("config-server.prom"), scrape.body());
	}

	@Test
	void servesEachServiceItsOwnFileAndTheSharedOnePerProfile() throws Exception {
		JsonNode local = getJson("/article-service/local");
		assertThat(local.path("propertySources").toString()).contains("article-service.yml")
			.contains("application.yml")
			.contains("readinessState,mongo")
			// tokens are checked against identity's JWKS, service tokens come from its token endpoint
			.contains("http://localhost:8086/oauth2/jwks")
			.contains("http://localhost:8086/oauth2/token");

		JsonNode identity = getJson("/identity/local");
		assertThat(identity.path("propertySources").toString()).contains("identity.yml")
			.contains("application.yml")
			.contains("\"platform.identity.issuer\":\"http://localhost:8086\"");

		JsonNode k8s = getJson("/gateway/k8s");
		assertThat(k8s.path("propertySources").toString()).contains("http://article-service:8081")
			.doesNotContain("http://localhost:8081");
	}

	@Test
	void aValueEditedInTheRepositoryReachesARunningServiceThroughRefresh() throws Exception {
		String cipher = post("/encrypt", "s3cret-value");
		Files.writeString(repository.resolve("refresh-probe.yml"), """
				probe:
				  greeting: dobar dan
				  secret: '{cipher}%s'
				""".formatted(cipher));

		try (ConfigurableApplicationContext client = new SpringApplicationBuilder(RefreshProbeApplication.class)
			.run("--spring.application.name=refresh-probe", "--server.port=0", "--management.server.port=0",
					"--spring.config.import=configserver:http://localhost:" + configServerPort,
					// the config server on this test classpath switches the client off by default
					"--spring.cloud.config.enabled=true",
					"--management.endpoints.web.exposure.include=refresh")) {
			ProbeProperties properties = client.getBean(ProbeProperties.class);
			GreetingHolder holder = client.getBean(GreetingHolder.class);
			assertThat(properties.getGreeting()).isEqualTo("dobar dan");
			assertThat(holder.greeting()).isEqualTo("dobar dan");
			assertThat(client.getEnvironment().getProperty("probe.secret"))
				.as("{cipher} values arrive decrypted")
				.isEqualTo("s3cret-value");

			Files.writeString(repository.resolve("refresh-probe.yml"), """
					probe:
					  greeting: laku noć
					  secret: '{cipher}%s'
					""".formatted(cipher));
			int managementPort = Integer
				.parseInt(client.getEnvironment().getRequiredProperty("local.management.port"));
			HttpResponse<String> refreshed = HTTP.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort + "/actuator/refresh"))
						.POST(HttpRequest.BodyPublishers.noBody())
						.build(),
					HttpResponse.BodyHandlers.ofString());

			assertThat(refreshed.statusCode()).isEqualTo(200);
			assertThat(refreshed.body()).contains("probe.greeting");
			assertThat(properties.getGreeting()).isEqualTo("laku noć");
			assertThat(holder.greeting()).isEqualTo("laku noć");
		}
	}

	private static JsonNode getJson(String path) throws Exception {
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + configServerPort + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static String post(String path, String body) throws Exception {
		HttpResponse<String> response = HTTP.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + configServerPort + path))
					.header("Content-Type", "text/plain")
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	@SpringBootApplication
	@EnableConfigurationProperties(ProbeProperties.class)
	static class RefreshProbeApplication {

		@Bean
		@RefreshScope
		GreetingHolder greetingHolder(@Value("${probe.greeting}") String greeting) {
			return new GreetingHolder(greeting);
		}

	}

	@ConfigurationProperties("probe")
	static class ProbeProperties {

		private String greeting;

		public String getGreeting() {
			return this.greeting;
		}

		public void setGreeting(String greeting) {
			this.greeting = greeting;
		}

	}

	static class GreetingHolder {

		private final String greeting;

		GreetingHolder(String greeting) {
			this.greeting = greeting;
		}

		String greeting() {
			return this.greeting;
		}

	}

}
