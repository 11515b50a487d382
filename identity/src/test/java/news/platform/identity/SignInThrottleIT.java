package news.platform.identity;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import news.platform.testsupport.Http;
import news.platform.testsupport.launcher.PlatformLauncher;
import news.platform.testsupport.launcher.SignInSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brute force against one account locks it for the configured time (an admin can lift the lock),
 * and failures across accounts from one address throttle that address; in both cases the answer
 * is the same as for a wrong password. Every request of this test comes from 127.0.0.1, so the
 * address counts failures across its tests: they run in order and count them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInThrottleIT {

	private static final int PER_ACCOUNT = 3;

	private static final int PER_ADDRESS = 8;

	private static PlatformLauncher platform;

	private static Flows flows;

	private static int addressFailures;

	@BeforeAll
	static void launch() {
		platform = PlatformLauncher.configure("identity")
			.with("identity", "platform.identity.sign-in.max-failures-per-account", String.valueOf(PER_ACCOUNT))
			.with("identity", "platform.identity.sign-in.max-failures-per-address", String.valueOf(PER_ADDRESS))
			.with("identity", "platform.identity.sign-in.lock-duration", "1h")
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
	@Order(1)
	void wrongPasswordsLockTheAccountEvenAgainstTheRightOneUntilAnAdminLiftsTheLock() {
		String right = platform.accounts().get("journalist");
		for (int i = 0; i < PER_ACCOUNT; i++) {
			assertRefused(signIn("journalist", "wrong-password-" + i));
			addressFailures++;
		}

		assertRefused(signIn("journalist", right));

		String admin = flows.tokens("admin").path("access_token").asString();
		String reader = flows.tokens("reader").path("access_token").asString();
		String unlock = platform.url("identity") + "/admin/v1/sign-in-locks/journalist";
		assertThat(Http.send("DELETE", unlock, null, "Authorization", "Bearer " + reader).status())
			.as("only an admin lifts a lock").isEqualTo(403);
		assertThat(Http.send("DELETE", unlock, null).status()).isEqualTo(401);
		assertThat(Http.send("DELETE", unlock, null, "Authorization", "Bearer " + admin).status()).isEqualTo(204);
		Http.Response none = Http.send("DELETE", unlock, null, "Authorization", "Bearer " + admin);
		assertThat(none.status()).isEqualTo(404);
		assertThat(none.body()).contains("/problems/not-found");
		assertThat(Http.send("DELETE", platform.url("identity") + "/admin/v1/sign-in-locks/%00bad", null,
				"Authorization", "Bearer " + admin).status()).isIn(400, 422);

		SignInSession.Answer accepted = signIn("journalist", right);
		assertThat(accepted.location()).doesNotContain("error");
	}

	@Test
	@Order(2)
	void failuresAcrossAccountsFromOneAddressThrottleThatAddress() {
		while (addressFailures < PER_ADDRESS) {
			assertRefused(signIn("someone-" + addressFailures, "guess"));
			addressFailures++;
		}

		assertRefused(signIn("editor", platform.accounts().get("editor")));
	}

	private SignInSession.Answer signIn(String username, String password) {
		return new SignInSession().signIn(platform.url("identity"), username, password);
	}

	private static void assertRefused(SignInSession.Answer answer) {
		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/login?error");
	}

}
