package news.platform.testsupport;

import java.time.Duration;
import java.util.List;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every service promises at the platform level (the contracts' ports, actuator, errors and
 * identity rules), checked over HTTP. A service's test extends it, annotated with
 * {@link ServiceIntegrationTest}.
 */
public abstract class ServiceFoundationContract {

	@LocalServerPort
	protected int port;

	@LocalManagementPort
	protected int managementPort;

	@Value("${spring.application.name}")
	protected String applicationName;

	@Autowired
	private MongoDatabase database;

	protected String api(String path) {
		return "http://localhost:" + this.port + path;
	}

	protected String management(String path) {
		return "http://localhost:" + this.managementPort + path;
	}

	@Test
	void healthIsUpOnTheManagementPortWithLivenessAndReadinessGroups() {
		Http.Response health = Http.get(management("/actuator/health"));
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().path("status").asString()).isEqualTo("UP");

		Http.Response readiness = Http.get(management("/actuator/health/readiness"));
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.json().path("components").has("mongo"))
			.as("readiness includes MongoDB: %s", readiness.body())
			.isTrue();

		Http.Response liveness = Http.get(management("/actuator/health/liveness"));
		assertThat(liveness.status()).isEqualTo(200);
		assertThat(liveness.json().path("components").has("mongo"))
			.as("liveness must not depend on MongoDB: %s", liveness.body())
			.isFalse();
	}

	/**
	 * A public path whose answer reads MongoDB (a lookup that finds nothing is enough), for the
	 * tracing check; {@code null} checks the request's own spans only.
	 */
	protected String pathThatReadsMongoDb() {
		return null;
	}

	@Test
	void aSampledTraceContinuesIntoTheServiceAndItsMongoDbCommands() {
		String traceId = "0af7651916cd43dd8448eb211c80319c";
		String path = pathThatReadsMongoDb();
		Http.get(api(path != null ? path : "/api/v1/no-such-thing"), "traceparent",
				"00-" + traceId + "-b7ad6b7169203331-01");
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			List<SpanData> spans = TestSpans.ofTrace(traceId);
			assertThat(spans).as("the server span of the request continues the caller's trace")
				.anySatisfy(span -> assertThat(span.getName()).startsWith("http "));
			if (path != null) {
				assertThat(spans).as("a span per MongoDB command: %s", spans)
					.anySatisfy(span -> assertThat(span.getAttributes().get(AttributeKey.stringKey("db.system")))
						.isEqualTo("mongodb"));
			}
		});
	}

	@Test
	void readinessStaysUpOnceTheDatabaseHoldsData() {
		// the embedded server refused Boot's own MongoDB health check once a database existed
		this.database.getCollection("readiness_probe").insertOne(new Document("probe", true));
		Http.Response readiness = Http.get(management("/actuator/health/readiness"));
		assertThat(readiness.status()).as(readiness.body()).isEqualTo(200);
		assertThat(readiness.json().path("components").path("mongo").path("status").asString()).isEqualTo("UP");
	}

	@Test
	void actuatorDoesNotAnswerOnTheApplicationPort() {
		Http.Response response = Http.get(api("/actuator/health"));
		assertProblem(response, 404, "/problems/not-found");
	}

	@Test
	void prometheusMetricsCarryTheApplicationTag() {
		Http.Response metrics = Http.get(management("/actuator/prometheus"));
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("application=\"" + this.applicationName + "\"");
		assertThat(metrics.body()).contains("mongodb_driver_pool_size");
	}

	@Test
	void unknownPathsAnswerProblemJsonWithTheTraceIdOfTheRequest() {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
		Http.Response response = Http.get(api("/api/v1/no-such-thing"), "traceparent",
				"00-" + traceId + "-00f067aa0ba902b7-01");
		JsonNode problem = assertProblem(response, 404, "/problems/not-found");
		assertThat(problem.path("traceId").asString()).isEqualTo(traceId);
		assertThat(problem.path("instance").asString()).isEqualTo("/api/v1/no-such-thing");
	}

	@Test
	void writesWithoutAValidTokenAreRefusedWith401() {
		String url = api("/api/v1/anything");
		assertProblem(Http.post(url, "{}", "Content-Type", "application/json"), 401, "/problems/unauthorized");
		assertProblem(Http.post(url, "{}", "Content-Type", "application/json", "Authorization",
				Http.bearer(TestTokens.expiredToken("u1", "editor"))), 401, "/problems/unauthorized");
		assertProblem(Http.post(url, "{}", "Content-Type", "application/json", "Authorization",
				Http.bearer(TestTokens.unsignedToken("u1", "admin"))), 401, "/problems/unauthorized");
		assertProblem(Http.post(url, "{}", "Content-Type", "application/json", "Authorization",
				Http.bearer(TestTokens.signWithUntrustedKey(TestTokens.claims("u1", "admin").build()))), 401,
				"/problems/unauthorized");
		assertProblem(Http.post(url, "{}", "Content-Type", "application/json", "Authorization",
				Http.bearer(TestTokens.sign(TestTokens.claims("u1", "admin").issuer("https://evil.example").build()))),
				401, "/problems/unauthorized");
		assertProblem(Http.post(url, "{}", "Content-Type", "application/json", "Authorization",
				Http.bearer(TestTokens.sign(TestTokens.claims("u1", "admin").audience("another-api").build()))),
				401, "/problems/unauthorized");
	}

	@Test
	void internalApiNeedsTheServiceRole() {
		Http.Response asReader = Http.get(api("/internal/v1/anything"), "Authorization",
				Http.bearer(TestTokens.token("reader-1", "reader")));
		assertProblem(asReader, 403, "/problems/forbidden");
		Http.Response anonymous = Http.get(api("/internal/v1/anything"));
		assertProblem(anonymous, 401, "/problems/unauthorized");
	}

	protected static JsonNode assertProblem(Http.Response response, int status, String type) {
		assertThat(response.status()).as("status of %s", response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.path("type").asString()).isEqualTo(type);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("traceId").asString()).matches("[0-9a-f]{32}");
		return problem;
	}

}
