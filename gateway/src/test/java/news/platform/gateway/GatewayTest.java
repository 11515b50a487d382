package news.platform.gateway;

import java.util.UUID;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

import news.platform.testsupport.Http;
import news.platform.testsupport.TestIssuer;
import news.platform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway with the shared configuration, the test issuer's JWKS and one stub upstream behind
 * every route. Test classes extending this share one application context (same properties) and
 * one stub; each test uses its own paths and its own users, so they do not see each other.
 * Limits and timeouts are lowered so that refusals and timeouts happen quickly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.cloud.config.enabled=false",
				"platform.test.shared-config-directory=../config/src/main/resources/config-repo",
				"spring.profiles.active=test", "management.server.port=0",
				"spring.autoconfigure.exclude=" + GatewayTest.NO_DATABASE,
				"platform.mongodb.embedded.enabled=false",
				"platform.gateway.timeouts.articles=500", "platform.gateway.timeouts.media=200",
				"platform.gateway.timeouts.comments=500",
				"platform.gateway.resilience.sliding-window=4", "platform.gateway.resilience.minimum-calls=4",
				"platform.gateway.resilience.open-wait=1s", "platform.gateway.resilience.time-limit=3s",
				"platform.gateway.rate-limits.write.capacity=3", "platform.gateway.rate-limits.write.period=1h",
				"platform.gateway.rate-limits.anonymous-comment-read.capacity=5",
				"platform.gateway.rate-limits.anonymous-comment-read.period=1h",
				"platform.gateway.rate-limits.read.capacity=100000",
				"platform.gateway.rate-limits.session.capacity=4", "platform.gateway.rate-limits.session.period=1h",
				"platform.gateway.rate-limits.session-address-ceiling.capacity=10",
				"platform.gateway.rate-limits.session-address-ceiling.period=1h",
				"platform.gateway.cache.micro-cache=1h",
				"platform.gateway.cors.allowed-origins=https://app.example" })
abstract class GatewayTest {

	/**
	 * test-support brings the MongoDB driver for the services' tests; the gateway owns no database
	 * and its runtime classpath has no driver (the build's enforcer rule keeps it so), so Boot's
	 * and the platform's MongoDB and feed auto-configurations stay off here as they do in
	 * production.
	 */
	static final String NO_DATABASE = "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration,"
			+ "news.platform.autoconfigure.mongodb.ServiceMongoAutoConfiguration,"
			+ "news.platform.autoconfigure.feed.config.FeedAutoConfiguration";

	static final StubUpstream upstream = new StubUpstream();

	/** The site's stub: every path that is not the API's, the gateway's own or refused goes here. */
	static final StubUpstream site = new StubUpstream();

	/** The desk's stub: /desk and everything under it. */
	static final StubUpstream desk = new StubUpstream();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void gatewayProperties(DynamicPropertyRegistry registry) {
		registry.add("platform.upstreams.article-service", upstream::uri);
		registry.add("platform.upstreams.media-service", upstream::uri);
		registry.add("platform.upstreams.comment-service", upstream::uri);
		registry.add("platform.upstreams.site", site::uri);
		registry.add("platform.upstreams.desk", desk::uri);
		// the production code path: keys from the issuer's JWKS, as from identity's in a run
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> TestIssuer.get().jwkSetUri());
		registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> TestTokens.AUDIENCE);
		registry.add("platform.security.issuer", () -> TestTokens.ISSUER);
	}

	String gateway(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** A path of its own for one test, under the given route prefix. */
	static String unique(String prefix) {
		return prefix + "/" + UUID.randomUUID();
	}

	/** A token for a user of its own, so that per-user budgets of other tests do not interfere. */
	static String freshUserToken(String... roles) {
		return TestTokens.token("user-" + UUID.randomUUID(), roles.length == 0 ? new String[] { "reader" } : roles);
	}

	static JsonNode assertProblem(Http.Response response, int status, String type) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.path("type").asString()).isEqualTo(type);
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("traceId").asString()).matches("[0-9a-f]{32}");
		return problem;
	}

}
