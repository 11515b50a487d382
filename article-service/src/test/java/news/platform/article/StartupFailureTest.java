package news.platform.article;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import news.platform.testsupport.TestIssuer;
import news.platform.testsupport.TestMongo;
import news.platform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mistakes an operator makes at start-up end the process with one log line that says what is
 * wrong and what to do, not a stack trace. Starts the real application in-process.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

	@Test
	void anUnknownProfileStopsTheStartWithOneLine(CapturedOutput output) {
		assertThatThrownBy(() -> start("--spring.profiles.active=k8s,prdo", "--spring.cloud.config.enabled=false"))
			.isNotNull();
		assertOneLineReport(output, "the active profile 'prdo' is unknown");
	}

	@Test
	void anInvalidMongoUriStopsTheStartWithOneLine(CapturedOutput output) {
		assertThatThrownBy(() -> start("--spring.cloud.config.enabled=false", "--spring.profiles.active=test",
				"--spring.mongodb.uri=mongo://db.example:27017/articles"))
			.isNotNull();
		assertOneLineReport(output, "the MongoDB URI is invalid");
	}

	@Test
	void aTakenPortStopsTheStartWithOneLine(CapturedOutput output) throws IOException {
		try (ServerSocket taken = new ServerSocket(0)) {
			assertThatThrownBy(() -> start("--spring.cloud.config.enabled=false", "--spring.profiles.active=test",
					"--server.port=" + taken.getLocalPort()))
				.isNotNull();
			assertOneLineReport(output, "Port " + taken.getLocalPort() + " was already in use");
		}
	}

	@Test
	void anUnreachableConfigServerOutsideLocalStopsTheStartWithOneLine(CapturedOutput output) throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		// the k8s profile of the service's own application.yml makes the config server mandatory
		assertThatThrownBy(() -> start("--spring.profiles.active=k8s",
				"--CONFIG_SERVER_URL=http://localhost:" + closedPort, "--spring.cloud.config.retry.max-attempts=2",
				"--spring.cloud.config.retry.initial-interval=50"))
			.isNotNull();
		assertOneLineReport(output, "the config server could not be reached");
	}

	private static void assertOneLineReport(CapturedOutput output, String description) {
		List<String> reports = output.getAll().lines().filter(line -> line.contains("Cannot start:")).toList();
		assertThat(reports).hasSize(1);
		assertThat(reports.get(0)).contains(description).contains("Action:");
		assertThat(output.getAll()).doesNotContain("APPLICATION FAILED TO START").doesNotContain("\tat ");
	}

	private static void start(String... args) {
		List<String> all = new ArrayList<>(List.of("--management.server.port=0",
				"--spring.mongodb.uri=" + TestMongo.connectionString(),
				"--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestIssuer.get().jwkSetUri(),
				"--platform.security.issuer=" + TestTokens.ISSUER));
		all.addAll(List.of(args));
		if (all.stream().noneMatch(arg -> arg.startsWith("--server.port="))) {
			all.add("--server.port=0");
		}
		new SpringApplicationBuilder(ArticleServiceApplication.class).run(all.toArray(String[]::new)).close();
	}

}
