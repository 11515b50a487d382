import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The desk's benchmark client (bench/desk/run.sh runs it; only the JDK needed):
 * <pre>
 *   java bench/desk/DeskBench.java DESK_URL IDENTITY_URL USERNAME PASSWORD_FILE WARMUP REQUESTS
 * </pre>
 * Signs the person in to the desk as a browser does (the desk's authorization code flow with PKCE
 * through identity's sign-in form, cookies kept), makes one story through the desk, then times,
 * one request at a time on one kept-alive connection: the dashboard ({@code GET /desk/}), the story
 * editor ({@code GET /desk/prica/{id}}) and an autosave round trip ({@code POST
 * /desk/prica/{id}/autospremanje}, JSON back, its revision sent as the next If-Match). Prints one
 * line per target: {@code name count p50 p95 p99 max} in milliseconds, wall time from sending to
 * the last byte on loopback (the desk's own time plus its calls to article-service and a
 * loopback round trip; the server's time is at most this).
 */
public class DeskBench {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static final Pattern REVISION = Pattern.compile("\"revision\"\\s*:\\s*(\\d+)");

	private static final Pattern FORM_REVISION = Pattern.compile("name=\"verzija\" value=\"(\\d+)\"");

	public static void main(String[] args) throws Exception {
		if (args.length != 6) {
			System.err.println("usage: DeskBench DESK_URL IDENTITY_URL USERNAME PASSWORD_FILE WARMUP REQUESTS");
			System.exit(2);
		}
		String desk = args[0];
		String identity = args[1];
		String password = java.nio.file.Files.readString(java.nio.file.Path.of(args[3])).strip();
		int warmup = Integer.parseInt(args[4]);
		int requests = Integer.parseInt(args[5]);
		HttpClient browser = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		signIn(browser, desk, identity, args[2], password);

		HttpResponse<String> blank = get(browser, desk + "/desk/prica/nova");
		expect(blank, 200, "the new-story page");
		String csrf = csrf(blank.body());
		Map<String, String> story = new LinkedHashMap<>();
		story.put("_csrf", csrf);
		story.put("headline", "Mjerenje redakcije");
		story.put("standfirst", "Priča za mjerenje.");
		story.put("language", "hr");
		story.put("bodyText", "Prvi odlomak priče za mjerenje.\n\nDrugi odlomak.");
		HttpResponse<String> created = post(browser, desk + "/desk/prica/nova", story);
		expect(created, 302, "creating the story");
		String location = created.headers().firstValue("Location").orElseThrow();
		String id = location.replaceAll(".*/prica/([^?]+).*", "$1");
		String editorUrl = desk + "/desk/prica/" + id;
		HttpResponse<String> editor = get(browser, editorUrl);
		expect(editor, 200, "the editor");
		Matcher formRevision = FORM_REVISION.matcher(editor.body());
		long revision = formRevision.find() ? Long.parseLong(formRevision.group(1)) : 1;
		csrf = csrf(editor.body());

		System.out.println(line("dashboard", time(browser, desk + "/desk/", warmup, requests)));
		System.out.println(line("editor", time(browser, editorUrl, warmup, requests)));

		String blocks = "[{\"type\":\"paragraph\",\"html\":\"Prvi odlomak priče za mjerenje, %d.\"}]";
		long[] autosaves = new long[requests];
		for (int i = -warmup; i < requests; i++) {
			Map<String, String> form = new LinkedHashMap<>();
			form.put("_csrf", csrf);
			form.put("verzija", String.valueOf(revision));
			form.put("headline", "Mjerenje redakcije");
			form.put("standfirst", "Priča za mjerenje.");
			form.put("language", "hr");
			form.put("blocks", blocks.formatted(i + warmup));
			long start = System.nanoTime();
			HttpResponse<String> saved = post(browser, editorUrl + "/autospremanje", form, "application/json");
			long took = System.nanoTime() - start;
			expect(saved, 200, "an autosave");
			Matcher next = REVISION.matcher(saved.body());
			if (!next.find()) {
				throw new IllegalStateException("no revision in the autosave's answer: " + saved.body());
			}
			revision = Long.parseLong(next.group(1));
			if (i >= 0) {
				autosaves[i] = took;
			}
		}
		System.out.println(line("autosave", autosaves));
	}

	/** The desk's sign-in as a browser makes it: desk → identity's form → back to the desk with a code. */
	static void signIn(HttpClient browser, String desk, String identity, String username, String password)
			throws IOException, InterruptedException {
		String next = desk + "/desk/oauth2/authorization/identity";
		for (int hops = 0; hops < 10 && !next.startsWith(identity + "/login"); hops++) {
			HttpResponse<String> answer = get(browser, next);
			next = answer.headers().firstValue("Location").map(l -> absolute(answer.uri(), l)).orElse(null);
			if (next == null) {
				throw new IllegalStateException("no way to the sign-in page from " + answer.uri() + " (" + answer.statusCode() + ")");
			}
		}
		HttpResponse<String> page = get(browser, identity + "/login");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("username", username);
		form.put("password", password);
		form.put("_csrf", csrf(page.body()));
		HttpResponse<String> signedIn = post(browser, identity + "/login", form);
		next = signedIn.headers().firstValue("Location").map(l -> absolute(signedIn.uri(), l)).orElse(null);
		if (next == null || next.contains("/login?error")) {
			throw new IllegalStateException("identity refused the sign-in of " + username);
		}
		for (int hops = 0; hops < 10; hops++) {
			HttpResponse<String> answer = get(browser, next);
			if (answer.statusCode() == 200 && answer.uri().getPath().equals("/desk/")) {
				return;
			}
			String location = answer.headers().firstValue("Location").orElse(null);
			if (location == null) {
				throw new IllegalStateException("the sign-in ended at " + answer.uri() + " with " + answer.statusCode());
			}
			next = absolute(answer.uri(), location);
		}
		throw new IllegalStateException("the sign-in did not come back to the desk");
	}

	private static long[] time(HttpClient browser, String url, int warmup, int requests) throws Exception {
		long[] took = new long[requests];
		for (int i = -warmup; i < requests; i++) {
			long start = System.nanoTime();
			HttpResponse<String> answer = get(browser, url);
			long elapsed = System.nanoTime() - start;
			expect(answer, 200, url);
			if (i >= 0) {
				took[i] = elapsed;
			}
		}
		return took;
	}

	private static String line(String name, long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return "%s %d %.1f %.1f %.1f %.1f".formatted(name, sorted.length, ms(sorted, 0.50), ms(sorted, 0.95),
				ms(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
	}

	private static double ms(long[] sorted, double quantile) {
		int at = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, at))] / 1e6;
	}

	private static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("no CSRF field on the page");
		}
		return matcher.group(1).replace("&#61;", "=").replace("&#43;", "+").replace("&#47;", "/");
	}

	private static String absolute(URI base, String location) {
		return base.resolve(location).toString();
	}

	private static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(20))
			.header("Accept", "text/html")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> post(HttpClient client, String url, Map<String, String> form)
			throws IOException, InterruptedException {
		return post(client, url, form, "text/html");
	}

	/** As the editor's script sends an autosave: {@code Accept: application/json}. */
	private static HttpResponse<String> post(HttpClient client, String url, Map<String, String> form, String accept)
			throws IOException, InterruptedException {
		String body = form.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return client.send(HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(20))
			.header("Accept", accept)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void expect(HttpResponse<String> response, int status, String step) {
		if (response.statusCode() != status) {
			String body = response.body() == null ? "" : response.body();
			throw new IllegalStateException(step + " answered " + response.statusCode() + ": "
					+ body.substring(0, Math.min(300, body.length())));
		}
	}

}
