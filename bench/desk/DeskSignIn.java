import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs a person in to the desk as a browser does (the desk's authorization code flow with PKCE
 * through identity's sign-in form) and prints what a benchmark needs to act as that person:
 * <pre>
 *   java bench/desk/DeskSignIn.java DESK_URL USERNAME PASSWORD_FILE
 * </pre>
 * prints two lines: {@code DESK_SESSION=<cookie value>} and {@code CSRF=<the library form's
 * token>}. The password is read from a file (never from the command line, where ps shows it). JDK
 * only. Exit 1 with the reason on stderr when a step fails.
 */
public final class DeskSignIn {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		if (args.length != 3) {
			System.err.println("usage: java bench/desk/DeskSignIn.java DESK_URL USERNAME PASSWORD_FILE");
			System.exit(2);
		}
		String desk = args[0].replaceAll("/+$", "");
		String password = Files.readString(Path.of(args[2])).strip();
		CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
		HttpClient browser = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		// the desk sends an unknown visitor to identity; follow the redirects to its sign-in form
		HttpResponse<String> page = follow(browser, URI.create(desk + "/desk/"));
		Matcher csrf = CSRF.matcher(page.body());
		if (!page.uri().getPath().endsWith("/login") || !csrf.find()) {
			fail("expected identity's sign-in form, got " + page.statusCode() + " at " + page.uri());
		}
		String form = "username=" + encode(args[1]) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
		HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(page.uri())
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		String next = signedIn.headers().firstValue("Location").orElse("");
		if (signedIn.statusCode() != 302 || next.contains("error")) {
			fail("identity refused the sign-in of " + args[1] + ": " + signedIn.statusCode() + " " + next);
		}
		HttpResponse<String> back = follow(browser, page.uri().resolve(next));
		if (back.statusCode() != 200 || !back.uri().getPath().startsWith("/desk")) {
			fail("the desk did not take the sign-in: " + back.statusCode() + " at " + back.uri());
		}
		HttpResponse<String> library = follow(browser, URI.create(desk + "/desk/fotografije"));
		Matcher token = CSRF.matcher(library.body());
		if (library.statusCode() != 200 || !token.find()) {
			fail("the library page answered " + library.statusCode() + " without a form token");
		}
		String session = cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals("DESK_SESSION"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
		if (session == null) {
			fail("no DESK_SESSION cookie");
		}
		System.out.println("DESK_SESSION=" + session);
		System.out.println("CSRF=" + token.group(1));
	}

	/** GETs with a browser's Accept header, following redirects (relative ones too), up to 15. */
	private static HttpResponse<String> follow(HttpClient browser, URI start) throws IOException, InterruptedException {
		URI at = start;
		for (int hop = 0; hop < 15; hop++) {
			HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(at)
				.timeout(Duration.ofSeconds(30))
				.header("Accept", "text/html")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			String location = answer.headers().firstValue("Location").orElse(null);
			if (answer.statusCode() / 100 != 3 || location == null) {
				return answer;
			}
			at = at.resolve(location);
		}
		fail("more than 15 redirects from " + start);
		return null;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static void fail(String message) {
		System.err.println("desk sign-in: " + message);
		System.exit(1);
	}

}
