import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Access tokens for people who use curl, from identity, the way a browser application gets them:
 * the authorization code flow with PKCE (the public client {@code platform-cli}, local only), the
 * sign-in form posted with its CSRF token, the code exchanged at the token endpoint. With the JDK
 * alone, run as a source file:
 *
 * <pre>
 *   java tools/tokens/Tokens.java env     http://localhost:8086 ./data/identity      # every seeded account + a service token
 *   java tools/tokens/Tokens.java user    http://localhost:8086 editor 'the password'  # one person's token
 *   java tools/tokens/Tokens.java service http://localhost:8086 article-service 'its secret'
 *   java tools/tokens/Tokens.java users   http://localhost:8086 accounts.txt           # many people's tokens
 * </pre>
 *
 * {@code env} reads the passwords identity made on first start ({@code accounts.env}) and the
 * service secrets ({@code client-secrets.env}) and prints {@code export TOKEN_<ROLE>='…'} lines
 * (TOKEN_READER, TOKEN_JOURNALIST, TOKEN_EDITOR, TOKEN_MODERATOR, TOKEN_ADMIN, TOKEN_SERVICE):
 * the run command writes them to run/latest/tokens.env. {@code ARTICLE_SERVICE_CLIENT_SECRET} in
 * the environment wins over the file, as it does for identity. {@code users} reads
 * {@code <username> <password>} lines (a benchmark's accounts; one JVM instead of one per person)
 * and prints one token per line, in the file's order. Passwords are read from files, never taken
 * from the command line of {@code env} and {@code users}, where {@code ps} would show them. Tokens
 * are as long-lived as identity makes them (12 hours in local). Exit codes: 0 done, 1 failure
 * (reason on stderr), 2 usage.
 */
public final class Tokens {

	private static final String CLIENT = "platform-cli";

	private static final String REDIRECT = "http://127.0.0.1:8086/cli/callback";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

	private static final String[] ROLES = { "reader", "journalist", "editor", "moderator", "admin" };

	public static void main(String[] args) {
		try {
			if (args.length == 3 && args[0].equals("env")) {
				env(strip(args[1]), Path.of(args[2]));
			}
			else if (args.length == 4 && args[0].equals("user")) {
				System.out.println(personToken(strip(args[1]), args[2], args[3]));
			}
			else if (args.length == 4 && args[0].equals("service")) {
				System.out.println(serviceToken(strip(args[1]), args[2], args[3]));
			}
			else if (args.length == 3 && args[0].equals("users")) {
				users(strip(args[1]), Path.of(args[2]));
			}
			else {
				System.err.println("usage: java tools/tokens/Tokens.java env <identity-url> <data-folder>\n"
						+ "       java tools/tokens/Tokens.java user <identity-url> <username> <password>\n"
						+ "       java tools/tokens/Tokens.java service <identity-url> <client-id> <secret>\n"
						+ "       java tools/tokens/Tokens.java users <identity-url> <file of 'username password' lines>");
				System.exit(2);
			}
		}
		catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException ex) {
			System.err.println("tokens: nothing answers at " + args[1] + " (is identity running?)");
			System.exit(1);
		}
		catch (IOException | IllegalStateException ex) {
			System.err.println("tokens: " + (ex.getMessage() != null ? ex.getMessage() : ex.toString()));
			System.exit(1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			System.exit(1);
		}
	}

	private static void env(String identity, Path data) throws IOException, InterruptedException {
		Map<String, String> accounts = read(data.resolve("accounts.env"));
		Map<String, String> secrets = read(data.resolve("client-secrets.env"));
		StringBuilder out = new StringBuilder();
		for (String role : ROLES) {
			String password = accounts.get("PASSWORD_" + role.toUpperCase(Locale.ROOT));
			if (password == null) {
				throw new IllegalStateException("no password for " + role + " in " + data.resolve("accounts.env"));
			}
			out.append(line("TOKEN_" + role.toUpperCase(Locale.ROOT), personToken(identity, role, password)));
		}
		String service = System.getenv("ARTICLE_SERVICE_CLIENT_SECRET");
		if (service == null || service.isBlank()) {
			service = secrets.get("ARTICLE_SERVICE_CLIENT_SECRET");
		}
		if (service != null) {
			out.append(line("TOKEN_SERVICE", serviceToken(identity, "article-service", service)));
		}
		System.out.print(out);
	}

	private static void users(String identity, Path file) throws IOException, InterruptedException {
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException(file + " does not exist");
		}
		StringBuilder out = new StringBuilder();
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			String trimmed = line.strip();
			int space = trimmed.indexOf(' ');
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			if (space < 1) {
				throw new IllegalStateException("a line of " + file + " is not '<username> <password>'");
			}
			out.append(personToken(identity, trimmed.substring(0, space), trimmed.substring(space + 1).strip()))
				.append('\n');
		}
		// all or nothing: a caller that counts lines gets the number of accounts or a failure
		System.out.print(out);
	}

	/** The authorization code flow with PKCE, as a browser and a web application perform it. */
	static String personToken(String identity, String username, String password) throws IOException, InterruptedException {
		HttpClient browser = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		String verifier = random();
		String state = random();
		String authorize = identity + "/oauth2/authorize?response_type=code&client_id=" + CLIENT + "&scope=openid"
				+ "&redirect_uri=" + encode(REDIRECT) + "&state=" + state + "&code_challenge=" + challenge(verifier)
				+ "&code_challenge_method=S256";
		HttpResponse<String> toLogin = send(browser, HttpRequest.newBuilder(URI.create(authorize)).GET());
		expect(toLogin, 302, "the authorization request");
		HttpResponse<String> page = send(browser, HttpRequest.newBuilder(URI.create(identity + "/login")).GET());
		Matcher csrf = CSRF.matcher(page.body());
		if (!csrf.find()) {
			throw new IllegalStateException("the sign-in page has no CSRF field (is " + identity + " identity?)");
		}
		Map<String, String> form = new LinkedHashMap<>();
		form.put("username", username);
		form.put("password", password);
		form.put("_csrf", csrf.group(1));
		HttpResponse<String> signedIn = send(browser, HttpRequest.newBuilder(URI.create(identity + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(form))));
		String next = location(signedIn);
		if (next == null || next.contains("/login?error")) {
			throw new IllegalStateException("identity refused the sign-in of " + username
					+ " (wrong password, or locked after failed attempts)");
		}
		HttpResponse<String> back = send(browser, HttpRequest.newBuilder(URI.create(next)).GET());
		String callback = location(back);
		if (callback == null || !callback.startsWith(REDIRECT) || !state.equals(query(callback, "state"))) {
			throw new IllegalStateException("no code came back: " + back.statusCode() + " " + callback);
		}
		Map<String, String> exchange = new LinkedHashMap<>();
		exchange.put("grant_type", "authorization_code");
		exchange.put("client_id", CLIENT);
		exchange.put("code", query(callback, "code"));
		exchange.put("redirect_uri", REDIRECT);
		exchange.put("code_verifier", verifier);
		HttpResponse<String> tokens = call(browser, HttpRequest.newBuilder(URI.create(identity + "/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(exchange))));
		expect(tokens, 200, "the code exchange");
		return accessToken(tokens.body());
	}

	static String serviceToken(String identity, String client, String secret) throws IOException, InterruptedException {
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String basic = Base64.getEncoder()
			.encodeToString((encode(client) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> tokens = call(http, HttpRequest.newBuilder(URI.create(identity + "/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization", "Basic " + basic)
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));
		expect(tokens, 200, "the client-credentials grant for " + client);
		return accessToken(tokens.body());
	}

	/**
	 * A page request as a browser sends it. The Accept header matters: Spring Security keeps the
	 * authorization request in the session only for a browser (a request that accepts JSON is
	 * taken for a program and not saved), and without it the sign-in lands on "/" and no code
	 * comes back.
	 */
	private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request)
			throws IOException, InterruptedException {
		return client.send(request.timeout(Duration.ofSeconds(20)).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** A call of the token endpoint, as a program makes it. */
	private static HttpResponse<String> call(HttpClient client, HttpRequest.Builder request)
			throws IOException, InterruptedException {
		return client.send(request.timeout(Duration.ofSeconds(20)).header("Accept", "application/json").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static void expect(HttpResponse<String> response, int status, String step) {
		if (response.statusCode() != status) {
			String body = response.body() == null ? "" : response.body();
			throw new IllegalStateException(step + " answered " + response.statusCode() + ": "
					+ body.substring(0, Math.min(200, body.length())));
		}
	}

	private static String accessToken(String json) {
		Matcher matcher = ACCESS_TOKEN.matcher(json);
		if (!matcher.find()) {
			throw new IllegalStateException("no access_token in the answer");
		}
		return matcher.group(1);
	}

	private static String location(HttpResponse<String> response) {
		return response.headers().firstValue("Location").orElse(null);
	}

	private static String query(String url, String name) {
		Matcher matcher = Pattern.compile("[?&]" + name + "=([^&#]*)").matcher(url);
		return matcher.find() ? URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8) : null;
	}

	private static Map<String, String> read(Path file) throws IOException {
		Map<String, String> values = new LinkedHashMap<>();
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException(file + " does not exist (identity writes it on its first start)");
		}
		for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
			int equals = line.indexOf('=');
			if (!line.startsWith("#") && equals > 0) {
				values.put(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
			}
		}
		return values;
	}

	private static String line(String name, String value) {
		return "export " + name + "='" + value + "'\n";
	}

	private static String form(Map<String, String> values) {
		StringBuilder body = new StringBuilder();
		values.forEach((key, value) -> body.append(body.isEmpty() ? "" : "&")
			.append(encode(key))
			.append('=')
			.append(encode(value)));
		return body.toString();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static String random() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String challenge(String verifier) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String strip(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
