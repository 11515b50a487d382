package news.platform.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The identity provider's settings ({@code platform.identity.*}).
 *
 * @param issuer the issuer URL every token carries and every component checks
 * ({@code platform.security.issuer} of the others)
 * @param dataDirectory where {@code local} keeps what it generates on first start: the signing
 * keys, the client secrets and the seeded users' passwords (owner-only files); unset elsewhere
 * @param signingKeys the signing keys as a JWK set JSON with private keys (from a Secret in a
 * cluster); the first key signs, the others stay in the JWKS so tokens they signed remain valid
 * until they expire. Unset: {@code <data-directory>/signing-keys.json}, made on first start
 * @param tokens lifetimes
 * @param signIn failed sign-in throttling
 * @param seedAccounts whether a new database gets one account per role with generated passwords
 * ({@code local} only)
 * @param initialAccounts accounts a new database gets (the {@code dev} overlay's from a Secret), as
 * JSON: {@code [{"username":…,"displayName":…,"roles":[…],"password":…}]}
 * @param clients the registered clients by client id
 */
@ConfigurationProperties("platform.identity")
public record IdentityProperties(String issuer, String dataDirectory, String signingKeys, @DefaultValue Tokens tokens,
		@DefaultValue SignIn signIn, @DefaultValue("false") boolean seedAccounts, String initialAccounts,
		Map<String, Client> clients) {

	public IdentityProperties {
		clients = clients == null ? Map.of() : new LinkedHashMap<>(clients);
	}

	/** The data folder as a path; null outside {@code local}. */
	public Path dataFolder() {
		return this.dataDirectory == null || this.dataDirectory.isBlank() ? null : Path.of(this.dataDirectory);
	}

	/**
	 * @param accessToken how long an access token is valid (12 h in {@code local}, for curl; short in a cluster)
	 * @param refreshToken how long a browser application may refresh without signing in again
	 * @param authorizationCode how long an authorization code may be exchanged
	 */
	public record Tokens(@DefaultValue("10m") Duration accessToken, @DefaultValue("12h") Duration refreshToken,
			@DefaultValue("2m") Duration authorizationCode) {
	}

	/**
	 * @param maxFailuresPerAccount failed sign-ins to one account within {@code window} before it is locked
	 * @param maxFailuresPerAddress failed sign-ins from one client address within {@code window},
	 * across accounts, before that address is refused
	 * @param window the time over which failures count
	 * @param lockDuration how long a lock lasts (it expires by itself; an admin can lift it earlier)
	 */
	public record SignIn(@DefaultValue("5") int maxFailuresPerAccount, @DefaultValue("20") int maxFailuresPerAddress,
			@DefaultValue("15m") Duration window, @DefaultValue("15m") Duration lockDuration) {
	}

	/**
	 * One registered client.
	 *
	 * @param kind {@code browser} (a web application: authorization code + PKCE, refresh tokens,
	 * client secret, redirect and post-logout URIs under the site's public URL), {@code service}
	 * (client credentials, role {@code service}) or {@code cli} (a public client with PKCE for the
	 * local token tool; {@code local} only)
	 * @param redirectPath the browser application's redirect path under the site's public URL
	 * @param postLogoutPath where the browser application is sent after signing out
	 * @param alsoService a browser application that also follows feeds with a {@code service} token
	 * @param secret the client secret (from a Secret in a cluster); unset in {@code local}: made on
	 * first start and kept under the data directory
	 * @param redirectUri the cli client's redirect URI
	 */
	public record Client(Kind kind, String redirectPath, String postLogoutPath, @DefaultValue("false") boolean alsoService,
			String secret, String redirectUri) {

		public enum Kind {
			BROWSER, SERVICE, CLI
		}

	}

	/** One account a new database gets. */
	public record InitialAccount(String username, String displayName, List<String> roles, String password) {
	}

}
