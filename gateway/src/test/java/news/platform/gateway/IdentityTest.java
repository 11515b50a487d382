package news.platform.gateway;

import java.time.Instant;
import java.util.Date;

import org.junit.jupiter.api.Test;

import news.platform.testsupport.Http;
import news.platform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer tokens are checked at the gateway against the issuer's JWKS (here {@code TestIssuer}'s):
 * a genuine one passes through unchanged, anything else is a 401 {@code /problems/unauthorized}
 * (the platform's answer, as every service gives it) that never reaches a service; no token at all
 * is anonymous and passes.
 */
class IdentityTest extends GatewayTest {

	@Test
	void aValidTokenPassesAndReachesTheServiceUnchanged() {
		String path = unique("/api/v1/articles/identity");
		String token = TestTokens.token("editor-1", "editor");
		Http.Response response = Client.get(gateway(path), "Authorization", Http.bearer(token));
		assertThat(response.status()).isEqualTo(200);
		assertThat(upstream.requests(path)).singleElement()
			.satisfies(r -> assertThat(r.headers().getFirst("Authorization")).isEqualTo("Bearer " + token));
	}

	@Test
	void anonymousRequestsPass() {
		String path = unique("/api/v1/articles/anonymous");
		assertThat(Client.get(gateway(path)).status()).isEqualTo(200);
		assertThat(upstream.requests(path)).singleElement()
			.satisfies(r -> assertThat(r.headers().containsKey("Authorization")).isFalse());
	}

	@Test
	void aTokenExpiredWithinTheClockSkewIsStillAccepted() {
		Instant now = Instant.now();
		String token = TestTokens.sign(TestTokens.claims("skewed", "reader")
			.issueTime(Date.from(now.minusSeconds(600)))
			.notBeforeTime(Date.from(now.minusSeconds(600)))
			.expirationTime(Date.from(now.minusSeconds(10)))
			.build());
		assertThat(Client.get(gateway(unique("/api/v1/articles/skew")), "Authorization", Http.bearer(token)).status())
			.isEqualTo(200);
	}

	@Test
	void forgedExpiredUnsignedForeignAndMisaddressedTokensAreRefusedAtTheGateway() {
		String valid = TestTokens.token("reader-1", "reader");
		String[] parts = valid.split("\\.");
		String forgedPayload = parts[0] + "." + java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("{\"sub\":\"admin\",\"roles\":[\"admin\"],\"iss\":\"" + TestTokens.ISSUER
					+ "\",\"aud\":\"news-platform\",\"exp\":9999999999}").getBytes())
				+ "." + parts[2];
		String[] bad = { forgedPayload, TestTokens.expiredToken("reader-2", "reader"),
				TestTokens.unsignedToken("admin", "admin"),
				TestTokens.signWithUntrustedKey(TestTokens.claims("admin", "admin").build()),
				// a kid the JWKS lacks: the gateway fetches the set again and still finds no such key
				TestTokens.signWithUnpublishedKey(TestTokens.claims("admin", "admin").build()),
				TestTokens.sign(TestTokens.claims("reader-3", "reader").issuer("https://evil.example").build()),
				TestTokens.sign(TestTokens.claims("reader-4", "reader").audience("another-platform").build()),
				"not-a-jwt", "" };
		for (String token : bad) {
			String path = unique("/api/v1/articles/bad-token");
			Http.Response response = Client.get(gateway(path), "Authorization", "Bearer " + token);
			assertProblem(response, 401, "/problems/unauthorized");
			assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
			assertThat(upstream.requests(path)).as("token %s reached the service", token).isEmpty();
		}
	}

}
