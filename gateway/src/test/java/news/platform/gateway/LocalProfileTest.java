package news.platform.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import news.platform.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code local} profile: the gateway is the development issuer (key pair as the run command
 * makes it, in a temporary folder here), and a route change reaches the running gateway through
 * {@code /actuator/refresh}. HSTS is switched on here as {@code k8s} does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.cloud.config.enabled=false",
				"platform.test.shared-config-directory=../config/src/main/resources/config-repo",
				"spring.profiles.active=local", "management.server.port=0",
				// as the k8s section sets it; tested here to avoid another application context
				"platform.gateway.hsts=true",
				"spring.autoconfigure.exclude=" + GatewayTest.NO_DATABASE, "platform.mongodb.embedded.enabled=false" })
class LocalProfileTest {

	private static final Path keys = writeKeyPair();

	private static final StubUpstream upstream = new StubUpstream();

	private static final StubUpstream replacement = new StubUpstream();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	ConfigurableEnvironment environment;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("platform.upstreams.article-service", upstream::uri);
		registry.add("platform.upstreams.media-service", upstream::uri);
		registry.add("platform.upstreams.comment-service", upstream::uri);
		registry.add("platform.dev-issuer.private-key-location", () -> keys.resolve("private.pem").toUri().toString());
		registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
				() -> keys.resolve("public.pem").toUri().toString());
	}

	@AfterAll
	static void stop() {
		upstream.close();
		replacement.close();
	}

	@Test
	void mintsTokensForEveryRoleThatTheGatewayAndTheServicesAccept() throws Exception {
		Http.Response response = Client.get(gateway("/dev-issuer/tokens"));
		assertThat(response.status()).isEqualTo(200);
		JsonNode tokens = response.json();
		assertThat(tokens.propertyNames()).containsExactly("reader", "journalist", "editor", "moderator", "admin",
				"service");

		String editor = tokens.path("editor").asString();
		SignedJWT jwt = SignedJWT.parse(editor);
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("http://localhost:8080/dev-issuer");
		assertThat(jwt.getJWTClaimsSet().getAudience()).containsExactly("news-platform");
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("dev-editor");
		assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("editor");
		assertThat(Duration.between(jwt.getJWTClaimsSet().getIssueTime().toInstant(),
				jwt.getJWTClaimsSet().getExpirationTime().toInstant())).isEqualTo(Duration.ofHours(12));

		// the media route: the refresh test below moves the articles route elsewhere
		String path = "/api/v1/media/dev-token";
		assertThat(Client.get(gateway(path), "Authorization", Http.bearer(editor)).status()).isEqualTo(200);
		assertThat(upstream.requests(path)).singleElement()
			.satisfies(r -> assertThat(r.headers().getFirst("Authorization")).isEqualTo("Bearer " + editor));
	}

	@Test
	void servesItsPublicKeyAsJwks() throws Exception {
		Http.Response response = Client.get(gateway("/dev-issuer/jwks.json"));
		assertThat(response.status()).isEqualTo(200);
		JsonNode key = response.json().path("keys").get(0);
		assertThat(key.path("kty").asString()).isEqualTo("RSA");
		assertThat(key.path("alg").asString()).isEqualTo("RS256");
		assertThat(key.has("d")).as("private exponent must never be served").isFalse();
		String token = Client.get(gateway("/dev-issuer/tokens")).json().path("reader").asString();
		assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isEqualTo(key.path("kid").asString());
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
		assertThat(Client.get(gateway("/no/such/path")).header("Strict-Transport-Security")).isNotNull();
	}

	private String gateway(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** What tools/dev-issuer/DevIssuerKeys.java writes: PKCS#8 and X.509 SubjectPublicKeyInfo PEM. */
	private static Path writeKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			Path folder = Files.createTempDirectory("dev-issuer-");
			Files.writeString(folder.resolve("private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
			Files.writeString(folder.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
			List.of("private.pem", "public.pem").forEach(name -> folder.resolve(name).toFile().deleteOnExit());
			folder.toFile().deleteOnExit();
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

}
