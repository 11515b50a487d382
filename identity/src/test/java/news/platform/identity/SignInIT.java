package news.platform.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import news.platform.testsupport.Http;
import news.platform.testsupport.launcher.PlatformLauncher;
import news.platform.testsupport.launcher.SignInSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Signing in the way people and services will in production, against the real identity module
 * (the built jars, launched): the authorization code flow with PKCE as the site does it, the
 * token used through the gateway at article-service, refresh and sign-out, client credentials for
 * a service, and every bad input the issue names, each answered as OAuth 2.1 and OpenID Connect
 * say, never with a stack trace.
 */
class SignInIT {

	private static PlatformLauncher platform;

	private static Flows flows;

	@BeforeAll
	static void launch() {
		platform = PlatformLauncher.configure("identity", "article-service", "gateway")
			// short enough that the expired-code case needs no long wait
			.with("identity", "platform.identity.tokens.authorization-code", "3s")
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
	void anEditorSignsInWithPkceAndHerTokenCreatesADraftThroughTheGateway() {
		JsonNode tokens = flows.tokens("editor");

		String access = tokens.path("access_token").asString();
		JsonNode claims = SignInSession.claims(access);
		assertThat(claims.path("sub").asString()).as("an immutable id, not the user name").isNotEqualTo("editor")
			.matches("[A-Za-z0-9_-]{16}");
		assertThat(claims.path("name").asString()).isEqualTo("Maja Urednica");
		assertThat(claims.path("roles").toString()).isEqualTo("[\"editor\"]");
		assertThat(claims.path("aud").toString()).contains("news-platform");
		assertThat(claims.path("iss").asString()).isEqualTo(platform.url("identity"));
		assertThat(tokens.path("refresh_token").asString()).isNotBlank();
		assertThat(SignInSession.claims(tokens.path("id_token").asString()).path("aud").toString()).contains("site");

		Http.Response created = Http.post(platform.url("gateway") + "/api/v1/articles",
				"{\"headline\":\"Čačak dobio novi most\",\"body\":[{\"type\":\"paragraph\",\"text\":\"Gradnja je trajala dvije godine.\"}]}",
				"Content-Type", "application/json", "Authorization", "Bearer " + access);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().path("ownerId").asString()).isEqualTo(claims.path("sub").asString());
	}

	@Test
	void theSiteRefreshesATokenAndSignsThePersonOutToItsRegisteredAddress() {
		JsonNode tokens = flows.tokens("reader");

		SignInSession.Answer refreshed = flows.refresh("site", platform.clientSecret("site"),
				tokens.path("refresh_token").asString());
		assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
		assertThat(refreshed.json().path("access_token").asString()).isNotEqualTo(tokens.path("access_token").asString());
		SignInSession.Answer reused = flows.refresh("site", platform.clientSecret("site"),
				tokens.path("refresh_token").asString());
		assertThat(reused.status()).as("a refresh token is used once").isEqualTo(400);

		// sign-out ends the browser's session with identity: the ID token must be this person's
		SignInSession browser = new SignInSession();
		SignInSession.Pkce pkce = SignInSession.Pkce.create();
		String code = flows.code(browser, "moderator", pkce);
		String idToken = flows.exchange("site", platform.clientSecret("site"), code, flows.siteRedirect(), pkce.verifier())
			.json()
			.path("id_token")
			.asString();
		String postLogout = platform.publicSite() + "/odjava/gotovo";
		SignInSession.Answer logout = browser.get(platform.url("identity") + "/connect/logout?id_token_hint=" + idToken
				+ "&post_logout_redirect_uri=" + Flows.enc(postLogout) + "&client_id=site&state=bye", "Accept",
				"text/html");
		assertThat(logout.status()).as(logout.body()).isEqualTo(302);
		assertThat(logout.location()).startsWith(postLogout);
		SignInSession.Answer again = browser.get(flows.authorizeUrl("site", flows.siteRedirect(),
				SignInSession.Pkce.create(), "s2"), "Accept", "text/html");
		assertThat(again.location()).as("signed out: the next authorization asks to sign in again").endsWith("/login");
	}

	@Test
	void aServiceGetsAServiceTokenByClientCredentials() {
		SignInSession.Answer answer = flows.clientCredentials("media-service", platform.clientSecret("media-service"));

		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		JsonNode claims = SignInSession.claims(answer.json().path("access_token").asString());
		assertThat(claims.path("sub").asString()).isEqualTo("media-service");
		assertThat(claims.path("roles").toString()).isEqualTo("[\"service\"]");
		assertThat(claims.path("aud").toString()).contains("news-platform");
		Http.Response internal = Http.post(platform.url("article-service") + "/internal/v1/articles/state",
				"{\"ids\":[\"a1\"]}", "Content-Type", "application/json", "Authorization",
				"Bearer " + answer.json().path("access_token").asString());
		assertThat(internal.status()).as("a service token opens the internal API").isEqualTo(200);
	}

	@Test
	void discoveryAndTheJwksDescribeThisIssuer() {
		Http.Response discovery = Http.get(platform.url("identity") + "/.well-known/openid-configuration");
		assertThat(discovery.status()).isEqualTo(200);
		assertThat(discovery.json().path("issuer").asString()).isEqualTo(platform.url("identity"));
		assertThat(discovery.json().path("code_challenge_methods_supported").toString()).contains("S256");
		Http.Response jwks = Http.get(platform.url("identity") + "/oauth2/jwks");
		assertThat(jwks.json().path("keys").get(0).path("kty").asString()).isEqualTo("RSA");
		assertThat(jwks.body()).as("no private part is published").doesNotContain("\"d\"");
	}

	@Test
	void anUnregisteredRedirectUriGetsAnErrorPageAndNoRedirect() {
		SignInSession.Answer answer = new SignInSession().get(
				flows.authorizeUrl("site", "https://evil.example/callback", SignInSession.Pkce.create(), "s"),
				"Accept", "text/html");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.location()).isNull();
		assertThat(answer.contentType()).startsWith("text/html");
		assertThat(answer.body()).contains("Neispravan zahtjev").doesNotContain("evil.example").doesNotContain("Exception");
	}

	@Test
	void aBrowserApplicationMustUsePkce() {
		SignInSession browser = new SignInSession();
		SignInSession.Answer answer = browser.get(flows.authorizeUrl("site", flows.siteRedirect(), null, "s"), "Accept",
				"text/html");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).startsWith(flows.siteRedirect()).contains("error=invalid_request");
	}

	@Test
	void aMissingOrWrongVerifierAReplayedCodeAndAWrongSecretAreRefused() {
		SignInSession.Pkce pkce = SignInSession.Pkce.create();
		String secret = platform.clientSecret("site");

		String code = flows.code(new SignInSession(), "journalist", pkce);
		assertError(flows.exchange("site", secret, code, flows.siteRedirect(), null), 400, "invalid_grant");
		String another = flows.code(new SignInSession(), "journalist", pkce);
		assertError(flows.exchange("site", secret, another, flows.siteRedirect(), SignInSession.Pkce.create().verifier()),
				400, "invalid_grant");
		String third = flows.code(new SignInSession(), "journalist", pkce);
		assertError(flows.exchange("site", "not-the-secret", third, flows.siteRedirect(), pkce.verifier()), 401,
				"invalid_client");
		assertThat(flows.exchange("site", secret, third, flows.siteRedirect(), pkce.verifier()).status()).isEqualTo(200);
		assertError(flows.exchange("site", secret, third, flows.siteRedirect(), pkce.verifier()), 400, "invalid_grant");
	}

	@Test
	void anExpiredCodeIsRefused() {
		SignInSession.Pkce pkce = SignInSession.Pkce.create();
		String code = flows.code(new SignInSession(), "journalist", pkce);
		Instant expired = Instant.now().plusSeconds(4);

		await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(expired));

		assertError(flows.exchange("site", platform.clientSecret("site"), code, flows.siteRedirect(), pkce.verifier()),
				400, "invalid_grant");
	}

	@Test
	void anotherClientsRefreshTokenIsRefused() {
		JsonNode tokens = flows.tokens("reader");

		assertError(flows.refresh("desk", platform.clientSecret("desk"), tokens.path("refresh_token").asString()), 400,
				"invalid_grant");
	}

	@Test
	void aSignInFormWithoutItsCsrfTokenIsRefused() {
		SignInSession browser = new SignInSession();
		browser.get(platform.url("identity") + "/login", "Accept", "text/html");

		SignInSession.Answer answer = browser.postForm(platform.url("identity") + "/login",
				Map.of("username", "editor", "password", platform.accounts().get("editor")), "Accept", "text/html");

		assertThat(answer.status()).isEqualTo(403);
		assertThat(answer.body()).contains("Zabranjeno");
	}

	@Test
	void anOversizedFormGetsAPageAndAMalformedOneIsASignInThatFailed() {
		SignInSession browser = new SignInSession();
		SignInSession.Answer page = browser.get(platform.url("identity") + "/login", "Accept", "text/html");

		SignInSession.Answer oversized = browser.postRaw(platform.url("identity") + "/login",
				"application/x-www-form-urlencoded", "username=" + "a".repeat(40_000) + "&_csrf=" + SignInSession.csrf(page),
				"Accept", "text/html");
		assertThat(oversized.status()).isEqualTo(413);
		assertThat(oversized.body()).contains("Zahtjev je prevelik");

		SignInSession.Answer malformed = browser.postRaw(platform.url("identity") + "/login",
				"application/x-www-form-urlencoded", "username=%ZZ%&password&_csrf=" + SignInSession.csrf(page),
				"Accept", "text/html");
		assertThat(malformed.status()).as(malformed.body()).isIn(302, 400);
		assertThat(malformed.body()).doesNotContain("Exception");
	}

	@Test
	void aUserNameWithControlCharactersFailsLikeAnyWrongSignIn() {
		SignInSession browser = new SignInSession();
		SignInSession.Answer answer = browser.signIn(platform.url("identity"), "edi\u0000tor\n",
				platform.accounts().get("editor"));

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/login?error");
		SignInSession.Answer again = browser.get(answer.location(), "Accept", "text/html");
		assertThat(again.body()).contains("Prijava nije uspjela");
	}

	@Test
	void aReaderSignsUpAndTheFormRefusesATakenNameAShortPasswordAndInvisibleCharacters() {
		SignInSession browser = new SignInSession();
		String identity = platform.url("identity");

		SignInSession.Answer taken = signUp(browser, "editor", "Netko", "dovoljno-duga-lozinka");
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.body()).contains("To korisničko ime je zauzeto").contains("aria-invalid=\"true\"");
		SignInSession.Answer shortPassword = signUp(browser, "nova.citateljica", "Nova", "kratka");
		assertThat(shortPassword.status()).isEqualTo(422);
		assertThat(shortPassword.body()).contains("najmanje 12 znakova");
		SignInSession.Answer invisible = signUp(browser, "nova.citateljica", "Nova\u202E", "dovoljno-duga-lozinka");
		assertThat(invisible.status()).isEqualTo(422);

		SignInSession.Answer created = signUp(browser, "nova.citateljica", "Nova Čitateljica", "dovoljno-duga-lozinka");
		assertThat(created.status()).isEqualTo(302);
		assertThat(created.location()).endsWith("/login?registered");
		SignInSession.Answer signedIn = browser.signIn(identity, "nova.citateljica", "dovoljno-duga-lozinka");
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.location()).doesNotContain("error");
	}

	@Test
	void probesAndPrometheusGetAnswersOnTheManagementPortWithoutASession() {
		Http.Response readiness = Http.get(platform.managementUrl("identity") + "/actuator/health/readiness");
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.json().path("components").has("mongo")).isTrue();
		assertThat(readiness.headers().firstValue("Set-Cookie")).isEmpty();
		Http.Response metrics = Http.get(platform.managementUrl("identity") + "/actuator/prometheus");
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("identity_sign_in_failed_total").contains("application=\"identity\"");
		assertThat(Http.get(platform.url("identity") + "/actuator/health").status())
			.as("nothing under /actuator on the application port").isIn(302, 404);
	}

	@Test
	void pagesSpeakEnglishWhenTheBrowserAsksForIt() {
		Http.Response page = Http.get(platform.url("identity") + "/login", "Accept", "text/html", "Accept-Language",
				"en-GB,en;q=0.9");

		assertThat(page.body()).contains("<html lang=\"en\">").contains("Sign in");
		assertThat(Http.get(platform.url("identity") + "/login", "Accept", "text/html").body())
			.contains("<html lang=\"hr\">")
			.contains("Prijava");
		assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'")
			.doesNotContain("script-src");
		assertThat(page.headers().firstValue("Set-Cookie").orElse("")).doesNotContain("JSESSIONID");
	}

	private SignInSession.Answer signUp(SignInSession browser, String username, String displayName, String password) {
		SignInSession.Answer page = browser.get(platform.url("identity") + "/signup", "Accept", "text/html");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("username", username);
		form.put("displayName", displayName);
		form.put("password", password);
		form.put("passwordAgain", password);
		form.put("_csrf", SignInSession.csrf(page));
		return browser.postForm(platform.url("identity") + "/signup", form, "Accept", "text/html");
	}

	private static void assertError(SignInSession.Answer answer, int status, String error) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(status);
		assertThat(answer.json().path("error").asString()).isEqualTo(error);
	}

}
