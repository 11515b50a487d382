package news.platform.gateway;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import news.platform.testsupport.Http;
import news.platform.testsupport.TestIssuer;
import news.platform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code local} profile as {@code ./run-local.sh} runs it: the gateway validates tokens against
 * identity's JWKS and expects identity's issuer (identity's place is taken by {@link TestIssuer}
 * here, whose port is not 8086, so only the JWKS address is replaced), makes no token itself and
 * answers nothing of its own but the API document; a route change reaches the running gateway
 * through {@code /actuator/refresh}. HSTS is switched on here as {@code k8s} does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.cloud.config.enabled=false",
				"platform.test.shared-config-directory=" + LocalProfileTest.SHARED_CONFIG,
				"spring.profiles.active=local", "management.server.port=0",
				// as the k8s section sets it; tested here to avoid another application context
				"platform.gateway.hsts=true",
				"spring.autoconfigure.exclude=" + GatewayTest.NO_DATABASE, "platform.mongodb.embedded.enabled=false" })
class LocalProfileTest {

	static final String SHARED_CONFIG = "../config/src/main/resources/config-repo";

	private static final StubUpstream upstream = new StubUpstream();

	private static final StubUpstream replacement = new StubUpstream();

	private static final StubUpstream site = new StubUpstream();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	ConfigurableEnvironment environment;

	@Autowired
	ApplicationContext context;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("platform.upstreams.article-service", upstream::uri);
		registry.add("platform.upstreams.media-service", upstream::uri);
		registry.add("platform.upstreams.comment-service", upstream::uri);
		registry.add("platform.upstreams.site", site::uri);
		registry.add("platform.upstreams.desk", site::uri);
		// identity's JWKS, served by the test issuer; the issuer and audience stay the local profile's
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> TestIssuer.get().jwkSetUri());
	}

	@AfterAll
	static void stop() {
		upstream.close();
		replacement.close();
		site.close();
	}

	@Test
	void theSharedLocalConfigurationPointsAtIdentitysJwksAndIssuer() throws IOException {
		String identityIssuer = identityLocalIssuer();
		assertThat(identityIssuer).isEqualTo("http://localhost:8086");
		assertThat(sharedConfig("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"))
			.isEqualTo(identityIssuer + "/oauth2/jwks");
		assertThat(this.environment.getProperty("platform.security.issuer")).isEqualTo(identityIssuer);
		assertThat(this.environment.getProperty("spring.security.oauth2.resourceserver.jwt.audiences"))
			.isEqualTo(TestTokens.AUDIENCE);
	}

	@Test
	void aTokenAsIdentityIssuesItPassesAndReachesTheServiceUnchanged() {
		// identity's shape: an immutable user id as subject, the display name, the roles
		String token = TestTokens.sign(TestTokens.claims(UUID.randomUUID().toString(), "editor")
			.issuer(this.environment.getProperty("platform.security.issuer"))
			.claim("name", "Urednica Ana")
			.build());
		// the media route: the refresh test below moves the articles route elsewhere
		String path = "/api/v1/media/identity-token";
		assertThat(Client.get(gateway(path), "Authorization", Http.bearer(token)).status()).isEqualTo(200);
		assertThat(upstream.requests(path)).singleElement()
			.satisfies(r -> assertThat(r.headers().getFirst("Authorization")).isEqualTo("Bearer " + token));
	}

	@Test
	void tokensOfAnotherIssuerOrKeyAreRefused() {
		String localIssuer = this.environment.getProperty("platform.security.issuer");
		String[] refused = { TestTokens.token("someone", "editor"),
				TestTokens.signWithUnpublishedKey(TestTokens.claims("someone", "editor").issuer(localIssuer).build()) };
		for (String token : refused) {
			String path = "/api/v1/media/refused-" + UUID.randomUUID();
			Http.Response response = Client.get(gateway(path), "Authorization", Http.bearer(token));
			assertThat(response.status()).as(response.body()).isEqualTo(401);
			assertThat(response.json().path("type").asString()).isEqualTo("/problems/unauthorized");
			assertThat(upstream.requests(path)).isEmpty();
		}
	}

	/**
	 * The gateway mints no token and publishes no key, in {@code local} as anywhere: it has no
	 * functional endpoint at all, its only annotated handlers are the API document's (springdoc), and
	 * what an issuer serves is not answered here: such paths are the site's, like every path that is
	 * not the API's or the gateway's own (identity serves them, on its own port).
	 */
	@Test
	void theGatewayAnswersNothingOfItsOwnButTheApiDocument() {
		assertThat(this.context.getBeansOfType(RouterFunction.class)).isEmpty();
		List<HandlerMethod> handlers = this.context.getBeansOfType(RequestMappingHandlerMapping.class)
			.values()
			.stream()
			.flatMap(mapping -> mapping.getHandlerMethods().values().stream())
			.toList();
		assertThat(handlers).isNotEmpty()
			.allSatisfy(handler -> assertThat(handler.getBeanType().getName()).startsWith("org.springdoc."));
		for (String path : new String[] { "/oauth2/jwks", "/.well-known/openid-configuration" }) {
			Http.Response response = Client.get(gateway(path));
			assertThat(response.json().path("path").asString()).as("answered by the site's upstream").isEqualTo(path);
		}
		Http.Response token = Client.post(gateway("/oauth2/token"), "grant_type=client_credentials", "Content-Type",
				"application/x-www-form-urlencoded");
		assertThat(token.header("Content-Type")).doesNotContain("jwt");
		assertThat(site.requests("/oauth2/token")).singleElement()
			.satisfies(request -> assertThat(request.method()).isEqualTo("POST"));
		assertNotFound(Client.get(gateway("/api/v1/oauth2/jwks")));
	}

	@Test
	void aRouteChangeInConfigurationReachesTheRunningGatewayThroughRefresh() {
		String path = "/api/v1/articles/refreshed";
		this.environment.getPropertySources()
			.addFirst(new MapPropertySource("changed-config",
					Map.of("platform.upstreams.article-service", replacement.uri())));
		Http.Response refresh = Client.post("http://localhost:" + this.managementPort + "/actuator/refresh", "",
				"Content-Type", "application/json");
		assertThat(refresh.status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(Client.get(gateway(path + "/" + System.nanoTime())).status()).isEqualTo(200);
			assertThat(replacement.requests(path)).isNotEmpty();
		});
	}

	@Test
	void hstsIsSentWhereItIsSwitchedOn() {
		Http.Response response = Client.get(gateway("/api/v1/media/hsts"));
		assertThat(response.header("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
		assertThat(Client.get(gateway("/api/no/such/path")).header("Strict-Transport-Security")).isNotNull();
	}

	private String gateway(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static void assertNotFound(Http.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(404);
		JsonNode problem = response.json();
		assertThat(problem.path("type").asString()).isEqualTo("/problems/not-found");
	}

	/** A value as the shared configuration files give it, beneath this test's own overrides. */
	private String sharedConfig(String key) {
		return this.environment.getPropertySources()
			.stream()
			.filter(source -> source.getName().startsWith("shared config "))
			.map(source -> source.getProperty(key))
			.filter(Objects::nonNull)
			.map(Object::toString)
			.findFirst()
			.orElseThrow(() -> new AssertionError(key + " is not in the shared configuration"));
	}

	/** The issuer identity announces in {@code local} (its own file in the config repository). */
	private static String identityLocalIssuer() throws IOException {
		for (PropertySource<?> document : new YamlPropertySourceLoader().load("identity",
				new FileSystemResource(SHARED_CONFIG + "/identity.yml"))) {
			if ("local".equals(document.getProperty("spring.config.activate.on-profile"))) {
				Object issuer = document.getProperty("platform.identity.issuer");
				if (issuer != null) {
					return issuer.toString();
				}
			}
		}
		throw new AssertionError("identity.yml has no local platform.identity.issuer");
	}

}
