package news.platform.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import news.platform.testsupport.launcher.PlatformLauncher;
import news.platform.testsupport.launcher.SignInSession;

import static org.assertj.core.api.Assertions.assertThat;

/** The steps of the flows the tests drive, as the site, the desk and a service perform them. */
final class Flows {

	private final PlatformLauncher platform;

	Flows(PlatformLauncher platform) {
		this.platform = platform;
	}

	String identity() {
		return this.platform.url("identity");
	}

	/** The site's registered redirect URI: under the public URL (the gateway's address in a launch). */
	String siteRedirect() {
		return this.platform.publicSite() + "/login/oauth2/code/identity";
	}

	String authorizeUrl(String client, String redirect, SignInSession.Pkce pkce, String state) {
		return identity() + "/oauth2/authorize?response_type=code&client_id=" + client + "&scope="
				+ enc("openid profile") + "&state=" + state + "&redirect_uri=" + enc(redirect)
				+ (pkce == null ? "" : "&code_challenge=" + pkce.challenge() + "&code_challenge_method=S256");
	}

	/** Up to the code: the authorization request, the sign-in form, the redirect back with the code. */
	String code(SignInSession browser, String username, SignInSession.Pkce pkce) {
		SignInSession.Answer toLogin = browser.get(authorizeUrl("site", siteRedirect(), pkce, "s1"), "Accept",
				"text/html");
		assertThat(toLogin.status()).as(toLogin.body()).isEqualTo(302);
		assertThat(toLogin.location()).endsWith("/login");
		SignInSession.Answer signedIn = browser.signIn(identity(), username, this.platform.accounts().get(username));
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.location()).as("back to the authorization request").contains("/oauth2/authorize");
		SignInSession.Answer back = browser.get(signedIn.location(), "Accept", "text/html");
		assertThat(back.status()).as(back.body()).isEqualTo(302);
		assertThat(back.location()).startsWith(siteRedirect() + "?");
		assertThat(back.query("state")).isEqualTo("s1");
		return back.query("code");
	}

	SignInSession.Answer exchange(String client, String secret, String code, String redirect, String verifier) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "authorization_code");
		form.put("code", code);
		form.put("redirect_uri", redirect);
		if (verifier != null) {
			form.put("code_verifier", verifier);
		}
		return new SignInSession().postForm(identity() + "/oauth2/token", form, "Authorization",
				SignInSession.basic(client, secret));
	}

	/** An access token (and the rest of the token answer) for a seeded account, signed in as the site. */
	JsonNode tokens(String username) {
		SignInSession.Pkce pkce = SignInSession.Pkce.create();
		String code = code(new SignInSession(), username, pkce);
		SignInSession.Answer answer = exchange("site", this.platform.clientSecret("site"), code, siteRedirect(),
				pkce.verifier());
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		return answer.json();
	}

	SignInSession.Answer clientCredentials(String client, String secret) {
		return new SignInSession().postForm(identity() + "/oauth2/token", Map.of("grant_type", "client_credentials"),
				"Authorization", SignInSession.basic(client, secret));
	}

	SignInSession.Answer refresh(String client, String secret, String refreshToken) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("grant_type", "refresh_token");
		form.put("refresh_token", refreshToken);
		return new SignInSession().postForm(identity() + "/oauth2/token", form, "Authorization",
				SignInSession.basic(client, secret));
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
