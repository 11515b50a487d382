package news.platform.testsupport.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser without a browser: keeps cookies, follows no redirect by itself (each step's answer is
 * checked), posts forms with the page's CSRF token. Drives the authorization code flow with PKCE
 * exactly as a web application and a person's browser do: identity's tests check each step, other
 * modules' tests take a person's token with {@link PlatformLauncher#accessToken}.
 */
public final class SignInSession {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	public record Answer(int status, String location, String contentType, String body) {

		public String query(String name) {
			Matcher matcher = Pattern.compile("[?&]" + name + "=([^&#]*)").matcher(this.location);
			return matcher.find() ? java.net.URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8) : null;
		}

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

	/** A PKCE pair: the verifier the client keeps, the S256 challenge it sends. */
	public record Pkce(String verifier, String challenge) {

		public static Pkce create() {
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			try {
				byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
				return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	public Answer get(String url, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request);
	}

	public Answer postForm(String url, Map<String, String> form, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(encode(form)));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request);
	}

	public Answer postRaw(String url, String contentType, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request);
	}

	/** The CSRF token of the form on {@code page}. */
	public static String csrf(Answer page) {
		Matcher matcher = CSRF.matcher(page.body());
		if (!matcher.find()) {
			throw new AssertionError("no CSRF field on the page:\n" + page.body());
		}
		return matcher.group(1);
	}

	/** Signs in on identity's form, from an authorization request the session already made. */
	public Answer signIn(String identity, String username, String password) {
		Answer page = get(identity + "/login", "Accept", "text/html");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("username", username);
		form.put("password", password);
		form.put("_csrf", csrf(page));
		return postForm(identity + "/login", form, "Accept", "text/html");
	}

	public static String encode(Map<String, String> form) {
		StringBuilder body = new StringBuilder();
		form.forEach((key, value) -> {
			if (!body.isEmpty()) {
				body.append('&');
			}
			body.append(URLEncoder.encode(key, StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		});
		return body.toString();
	}

	public static String basic(String client, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	/** The claims of a JWT, unverified (the services verify; the test reads what they will see). */
	public static JsonNode claims(String jwt) {
		return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
	}

	public static JsonNode header(String jwt) {
		return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]));
	}

	private Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = this.client.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(null),
					response.headers().firstValue("Content-Type").orElse(""), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
