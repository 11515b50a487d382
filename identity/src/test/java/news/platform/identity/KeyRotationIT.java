package news.platform.identity;

import java.time.Duration;
import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import news.platform.identity.keys.SigningKeys;
import news.platform.testsupport.Http;
import news.platform.testsupport.launcher.PlatformLauncher;
import news.platform.testsupport.launcher.SignInSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A key is rotated without signing anyone out: with the new key first and the old one still
 * published, new tokens carry the new {@code kid} and old tokens stay valid; once the old key is
 * removed (and the service's cached JWKS has expired), old tokens answer 401.
 */
class KeyRotationIT {

	private static final RSAKey OLD = SigningKeys.newKey();

	private static final RSAKey NEW = SigningKeys.newKey();

	private static PlatformLauncher platform;

	private static Flows flows;

	@BeforeAll
	static void launch() {
		platform = PlatformLauncher.configure("identity", "article-service")
			.with("identity", "platform.identity.signing-keys", new JWKSet(OLD).toString(false))
			.with("article-service", "platform.security.jwk-set-cache-ttl", "2s")
			.launch();
		flows = new Flows(platform);
	}

	@AfterAll
	static void stop() {
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void oldTokensStayValidWhileTheOldKeyIsPublishedAndStopOnceItIsRemoved() {
		String oldToken = flows.tokens("editor").path("access_token").asString();
		assertThat(SignInSession.header(oldToken).path("kid").asString()).isEqualTo(OLD.getKeyID());
		assertThat(createDraft(oldToken)).isEqualTo(201);

		platform.restart("identity", Map.of("platform.identity.signing-keys", new JWKSet(java.util.List.of(NEW, OLD)).toString(false)));
		String newToken = flows.tokens("editor").path("access_token").asString();

		assertThat(SignInSession.header(newToken).path("kid").asString()).isEqualTo(NEW.getKeyID());
		assertThat(createDraft(newToken)).as("a new kid: the service fetches the JWKS again").isEqualTo(201);
		assertThat(createDraft(oldToken)).as("the old key is still published").isEqualTo(201);

		platform.restart("identity", Map.of("platform.identity.signing-keys", new JWKSet(NEW).toString(false)));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(createDraft(oldToken)).isEqualTo(401));
		assertThat(createDraft(newToken)).isEqualTo(201);
	}

	private static int createDraft(String token) {
		return Http.post(platform.url("article-service") + "/api/v1/articles",
				"{\"headline\":\"Rotacija ključa\",\"body\":[{\"type\":\"paragraph\",\"text\":\"Tekst.\"}]}",
				"Content-Type", "application/json", "Authorization", "Bearer " + token)
			.status();
	}

}
