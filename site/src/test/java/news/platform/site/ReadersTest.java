package news.platform.site;

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
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import news.platform.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Readers over HTTP: signing in (authorization code with PKCE at the services stub's provider) and
 * out, back to the page they were on and never off the site; the personal fragment apart from the
 * cached article page; posting a comment through the form (CSRF, Idempotency-Key, pending, the
 * refusals in Croatian); bad input answered with a message and nothing posted.
 */
class ReadersTest extends SiteTest {

	@Test
	void aReaderSignsInFromAnArticleAndComesBackToIt() {
		ServicesStub.Story story = published("vijesti", "Most preko Drave");
		Browser browser = new Browser();

		HttpResponse<String> start = browser.get("/prijava?natrag=" + encode(story.path()));
		assertThat(start.statusCode()).isEqualTo(303);
		assertThat(start.headers().firstValue("Location")).contains("/oauth2/authorization/identity");
		assertThat(browser.cookie("SITE_SESSION")).as("the site's own session cookie").isNotNull();
		HttpResponse<String> authorize = browser.get(start.headers().firstValue("Location").orElseThrow());
		String toIssuer = authorize.headers().firstValue("Location").orElseThrow();
		assertThat(toIssuer).startsWith(services.url() + "/oauth2/authorize?")
			.contains("code_challenge=", "code_challenge_method=S256", "client_id=site")
			.contains("redirect_uri=" + PUBLIC + "/login/oauth2/code/identity");

		assertThat(browser.signIn(story.path())).isEqualTo(story.path());
		assertThat(browser.cookie("SITE_READER")).as("the hint that makes the page ask for the reader's box")
			.isEqualTo("1");
		Document fragment = Jsoup.parse(browser.get("/citatelj/komentari/" + story.id(), "HX-Request", "true").body());
		assertThat(fragment.selectFirst(".personal-who").text()).contains("Prijavljeni ste kao Ivana Čitateljica.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "//evil.example", "https://evil.example/vijesti", "/\\evil.example", "vijesti" })
	void aReturnAddressThatIsNotAPathOfTheSiteLeadsHome(String elsewhere) {
		Browser browser = new Browser();
		assertThat(browser.signIn(elsewhere)).isEqualTo("/");
		HttpResponse<String> signedOut = browser.get("/odjava/gotovo?state=" + encode(elsewhere));
		assertThat(signedOut.headers().firstValue("Location")).contains("/");
		assertThat(signedOut.headers().firstValue("Location").orElseThrow()).isEqualTo("/");
	}

	@Test
	void signingOutEndsTheSessionAtTheSiteAndTheIssuerAndReturnsToThePage() {
		ServicesStub.Story story = published("vijesti", "Odjava s članka");
		Browser browser = new Browser();
		browser.signIn(story.path());
		Document fragment = Jsoup.parse(browser.get("/citatelj/komentari/" + story.id(), "HX-Request", "true").body());
		Element form = fragment.selectFirst("form[action=/odjava]");

		HttpResponse<String> signOut = browser.post("/odjava", fields(form));
		assertThat(signOut.headers().allValues("Set-Cookie")).anyMatch(cookie -> cookie.startsWith("SITE_READER=;"));
		assertThat(browser.cookie("SITE_READER")).as("the page stops asking for the reader's box").isNull();
		String issuer = signOut.headers().firstValue("Location").orElseThrow();
		assertThat(issuer).startsWith(news.platform.testsupport.TestTokens.ISSUER + "/connect/logout?client_id=site")
			.contains("post_logout_redirect_uri=" + encode(PUBLIC + "/odjava/gotovo"))
			.contains("state=" + encode(story.path()))
			.contains("id_token_hint=");
		HttpResponse<String> back = browser.get("/odjava/gotovo?state=" + encode(story.path()));
		assertThat(back.headers().firstValue("Location")).hasValue(story.path());
		Document after = Jsoup.parse(browser.get("/citatelj/komentari/" + story.id(), "HX-Request", "true").body());
		assertThat(after.selectFirst(".personal-who")).isNull();
		assertThat(after.select("a").eachAttr("href")).contains("/prijava?natrag=" + encode(story.path()));
	}

	@Test
	void theCachedArticlePageHoldsNoCookieAndNothingPersonalAfterASignedInRequest() {
		ServicesStub.Story story = published("vijesti", "Priča za sve čitatelje");
		Browser reader = new Browser();
		reader.signIn(story.path());
		HttpResponse<String> signedIn = reader.get(story.path());
		assertThat(signedIn.statusCode()).isEqualTo(200);

		for (HttpResponse<String> page : List.of(signedIn, new Browser().get(story.path()))) {
			assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
			assertThat(page.headers().firstValue("Cache-Control").orElseThrow()).startsWith("public");
			assertThat(page.body()).doesNotContain("Ivana", "_csrf", "Prijavljeni ste");
			Element personal = Jsoup.parse(page.body()).selectFirst("#komentari-osobno");
			// asked for by comments.js only when the SITE_READER hint is there: anonymous readers make no request
			assertThat(personal.attr("data-personal")).isEqualTo("/citatelj/komentari/" + story.id());
			assertThat(personal.hasAttr("hx-trigger")).isFalse();
			// what an anonymous reader needs is in the cached page: sign in back to this story, or register
			assertThat(personal.select("a").eachAttr("href")).containsExactly("/prijava?natrag=" + encode(story.path()),
					news.platform.testsupport.TestTokens.ISSUER + "/signup", "/citatelj/komentari/" + story.id());
		}
		assertThat(signedIn.headers().firstValue("ETag")).isEqualTo(new Browser().get(story.path()).headers()
			.firstValue("ETag"));

		HttpResponse<String> fragment = reader.get("/citatelj/komentari/" + story.id(), "HX-Request", "true");
		assertThat(fragment.headers().firstValue("Cache-Control")).hasValue("private, no-store");
		assertThat(fragment.body()).contains("Ivana Čitateljica").doesNotContain("<html");
		// the site's own time apart from the services' (the benchmark's goal is on the first)
		assertThat(fragment.headers().firstValue("Server-Timing")).get()
			.asString()
			.matches("site;dur=[0-9]+\\.[0-9]{2};desc=\"site\", upstream;dur=[0-9]+\\.[0-9]{2};desc=\"services\"");
		HttpResponse<String> anonymous = new Browser().get("/citatelj/komentari/" + story.id());
		assertThat(anonymous.headers().firstValue("Cache-Control")).hasValue("private, no-store");
		assertThat(anonymous.headers().firstValue("Set-Cookie")).isEmpty();
		// a hint left from a session that ended: removed, so the page stops asking
		HttpResponse<String> stale = new Browser().get("/citatelj/komentari/" + story.id(), "HX-Request", "true",
				"Cookie", "SITE_READER=1");
		assertThat(stale.headers().allValues("Set-Cookie")).singleElement()
			.satisfies(cookie -> assertThat(cookie).startsWith("SITE_READER=;").contains("Max-Age=0"));
		Document page = Jsoup.parse(anonymous.body());
		assertThat(page.selectFirst("h1").text()).isEqualTo("Priča za sve čitatelje");
		assertThat(page.select("a").eachAttr("href")).contains("/prijava?natrag=" + encode(story.path()),
				news.platform.testsupport.TestTokens.ISSUER + "/signup");
	}

	@Test
	void aSignedInReaderPostsAndSeesTheirCommentPendingAndADoubleSubmitMakesOne() {
		ServicesStub.Story story = published("vijesti", "Komentari na čekanju");
		Browser reader = new Browser();
		reader.signIn(story.path());
		Element form = reader.commentForm(story);
		Map<String, String> fields = fields(form);
		fields.put("tekst", "Prvi komentar,\nu dva retka.");

		HttpResponse<String> first = reader.post("/citatelj/komentari/" + story.id(), fields, "HX-Request", "true");
		HttpResponse<String> second = reader.post("/citatelj/komentari/" + story.id(), fields, "HX-Request", "true");

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("Cache-Control")).hasValue("private, no-store");
		List<ServicesStub.Post> posts = postsOf(story);
		assertThat(posts).hasSize(2);
		assertThat(posts.get(0).idempotencyKey()).isEqualTo(posts.get(1).idempotencyKey()).isEqualTo(fields.get("kljuc"));
		assertThat(posts.get(1).replayed()).isTrue();
		assertThat(posts.get(0).text()).isEqualTo("Prvi komentar,\nu dva retka.");
		Document answer = Jsoup.parse(second.body());
		assertThat(answer.selectFirst(".personal-message").text()).startsWith("Vaš komentar čeka odobrenje");
		assertThat(answer.select(".own-comment")).hasSize(1);
		assertThat(answer.selectFirst(".own-comment .own-status").text()).isEqualTo("Čeka odobrenje moderatora");
		assertThat(answer.selectFirst("input[name=kljuc]").val()).as("a new form, a new key")
			.isNotEqualTo(fields.get("kljuc"));
		// the cached page still shows only what everybody sees
		assertThat(new Browser().get(story.path()).body()).doesNotContain("Prvi komentar");
	}

	@Test
	void refusalsOfCommentServiceAreToldInCroatianWithTheTextKept() {
		ServicesStub.Story story = published("vijesti", "Zatvoreni komentari");
		Browser reader = new Browser();
		reader.signIn(story.path());
		Map<String, String> fields = fields(reader.commentForm(story));
		fields.put("tekst", "Moj komentar");
		try {
			services.postProblem("409", "comments-closed", null);
			Document closed = Jsoup.parse(reader.post("/citatelj/komentari/" + story.id(), fields, "HX-Request", "true")
				.body());
			assertThat(closed.selectFirst(".personal-error").text()).isEqualTo("Komentari na ovaj članak su zatvoreni.");
			assertThat(closed.selectFirst("textarea[name=tekst]").text()).isEqualTo("Moj komentar");

			services.postProblem("429", "rate-limited", "42");
			HttpResponse<String> limited = reader.post("/citatelj/komentari/" + story.id(), fields);
			assertThat(limited.statusCode()).isEqualTo(429);
			assertThat(Jsoup.parse(limited.body()).selectFirst(".personal-error").text()).contains("za 42 s");

			services.postProblem("403", "user-suspended", null, "This account may post comments again from 2030-01-02T10:00:00Z.");
			Document suspended = Jsoup.parse(reader.post("/citatelj/komentari/" + story.id(), fields, "HX-Request", "true")
				.body());
			assertThat(suspended.selectFirst(".personal-error").text()).contains("do 2. siječnja 2030. u 11:00");

			services.postProblem("403", "user-banned", null);
			Document banned = Jsoup.parse(reader.post("/citatelj/komentari/" + story.id(), fields, "HX-Request", "true")
				.body());
			assertThat(banned.selectFirst(".personal-error").text()).isEqualTo("Vaš račun ne može objavljivati komentare.");
		}
		finally {
			services.postProblem((String[]) null);
		}
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefusedWithAPageAndNothingIsPosted() {
		ServicesStub.Story story = published("vijesti", "Bez znaka");
		Browser reader = new Browser();
		reader.signIn(story.path());
		Map<String, String> fields = fields(reader.commentForm(story));
		fields.remove("_csrf");
		fields.put("tekst", "Bez znaka");

		HttpResponse<String> answer = reader.post("/citatelj/komentari/" + story.id(), fields);

		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
		assertThat(Jsoup.parse(answer.body()).selectFirst("h1").text()).isEqualTo("Obrazac je istekao");
		assertThat(postsOf(story)).isEmpty();
	}

	@Test
	void anOverLongOrControlCharacterCommentGetsAMessageAndNothingIsPosted() {
		ServicesStub.Story story = published("vijesti", "Predugi komentar");
		Browser reader = new Browser();
		reader.signIn(story.path());
		Map<String, String> fields = fields(reader.commentForm(story));

		fields.put("tekst", "ž".repeat(2001));
		HttpResponse<String> tooLong = reader.post("/citatelj/komentari/" + story.id(), fields);
		assertThat(tooLong.statusCode()).isEqualTo(422);
		assertThat(Jsoup.parse(tooLong.body()).selectFirst(".personal-error").text())
			.isEqualTo("Komentar je predug: dopušteno je najviše 2000 znakova, a upisano ih je 2001. Ništa nije objavljeno.");

		fields.put("tekst", "Obrnuto \u202Etekst");
		Document bidi = Jsoup.parse(reader.post("/citatelj/komentari/" + story.id(), fields, "HX-Request", "true").body());
		assertThat(bidi.selectFirst(".personal-error").text()).startsWith("Komentar sadrži nedopuštene znakove");

		fields.put("tekst", "Zvono\u0007");
		assertThat(reader.post("/citatelj/komentari/" + story.id(), fields).statusCode()).isEqualTo(422);

		fields.put("tekst", "Dobar tekst");
		fields.put("kljuc", "{\"$gt\":1}");
		assertThat(reader.post("/citatelj/komentari/" + story.id(), fields).statusCode()).isEqualTo(400);
		assertThat(postsOf(story)).isEmpty();
	}

	@Test
	void aReaderWhoIsNotSignedInIsAskedToSignInAndNothingIsPosted() {
		ServicesStub.Story story = published("vijesti", "Nepoznat čitatelj");
		Browser stranger = new Browser();
		// a forged session cookie is no session: signed out, no error page
		stranger.cookies.getCookieStore().add(URI.create(site("/")), cookie("SITE_SESSION", "forged-session-id"));
		HttpResponse<String> fragment = stranger.get("/citatelj/komentari/" + story.id(), "HX-Request", "true");
		assertThat(fragment.statusCode()).isEqualTo(200);
		assertThat(Jsoup.parse(fragment.body()).select("form.comment-form")).isEmpty();
		assertThat(Http.get(site("/citatelj/komentari/nepostoji")).status()).isEqualTo(404);
		assertThat(Http.get(site("/citatelj/komentari/" + "a".repeat(80))).status()).isEqualTo(404);
		assertThat(postsOf(story)).isEmpty();
	}

	@Test
	void theReadersBoxFollowsItsStoryWhenTheStoryChangesOrIsWithdrawn() {
		// the box takes its story from memory (PersonalArticles): an article event must reach it
		ServicesStub.Story story = published("vijesti", "Priča koja se mijenja");
		String box = "/citatelj/komentari/" + story.id();
		assertThat(signInLink(box)).isEqualTo("/prijava?natrag=" + encode(story.path()));
		assertThat(signInLink(box)).as("the same again").isEqualTo("/prijava?natrag=" + encode(story.path()));
		services.rename(story, unique("novo-ime"));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(signInLink(box)).isEqualTo("/prijava?natrag=" + encode(story.path())));
		services.unpublish(story);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get(box).status()).isEqualTo(404));
	}

	private String signInLink(String box) {
		Http.Response fragment = get(box, "HX-Request", "true");
		assertThat(fragment.status()).as(fragment.body()).isEqualTo(200);
		return Jsoup.parse(fragment.body()).selectFirst(".personal-links a").attr("href");
	}

	@Test
	void aReaderReactsReportsEditsAndDeletesWithTheirTokenAndPlainForms() {
		ServicesStub.Story story = published("vijesti", "Reakcije i prijave");
		ServicesStub.StubComment someone = services.comment(story, null, "Marko Marić", "Most je preskup.",
				java.time.Instant.now().minusSeconds(60));
		Browser reader = new Browser();
		reader.signIn(story.path());
		String subject = "reader-1";

		Document actions = Jsoup.parse(reader.get("/citatelj/komentar/" + someone.id(), "HX-Request", "true").body());
		Map<String, String> react = fields(actions.selectFirst("form.reactions"));
		react.put("vrsta", "insightful");
		Document reacted = Jsoup.parse(reader.post("/citatelj/komentar/" + someone.id() + "/reakcija", react,
				"HX-Request", "true").body());
		assertThat(reacted.selectFirst(".personal-message").text()).isEqualTo("Reakcija je zabilježena.");
		assertThat(reacted.selectFirst("button[value=insightful]").attr("aria-pressed")).isEqualTo("true");

		Map<String, String> report = fields(reacted.selectFirst("form.report"));
		report.put("razlog", "Vrijeđa druge čitatelje.");
		HttpResponse<String> reported = reader.post("/citatelj/komentar/" + someone.id() + "/prijavi", report);
		assertThat(reported.statusCode()).isEqualTo(200);
		assertThat(reported.headers().firstValue("Cache-Control")).hasValue("private, no-store");
		assertThat(Jsoup.parse(reported.body()).selectFirst(".personal-message").text())
			.isEqualTo("Hvala, komentar je prijavljen moderatorima.");

		services.postStatus("visible");
		try {
			Map<String, String> form = fields(reader.commentForm(story));
			form.put("tekst", "Moj prvi tekst");
			Document posted = Jsoup.parse(reader.post("/citatelj/komentari/" + story.id(), form, "HX-Request", "true")
				.body());
			assertThat(posted.selectFirst(".own-status").text()).isEqualTo("Objavljen");
			Element edit = posted.selectFirst(".own-comment details form");
			String own = edit.attr("action").split("/")[3];
			// the new comment for the page's list (comments.js puts it there, marked as the reader's)
			Element placed = posted.selectFirst("template.own-posted");
			assertThat(placed.attr("data-comment-id")).isEqualTo(own);
			assertThat(placed.selectFirst("article.comment-own .comment-text").text()).isEqualTo("Moj prvi tekst");
			assertThat(placed.selectFirst(".comment-mine").text()).isEqualTo("Vaš komentar · Objavljen");
			Map<String, String> change = fields(edit);
			change.put("tekst", "Moj ispravljeni tekst");
			Document edited = Jsoup.parse(reader.post(edit.attr("action"), change, "HX-Request", "true").body());
			assertThat(edited.selectFirst(".personal-message").text()).isEqualTo("Izmjene su spremljene.");
			assertThat(edited.selectFirst("template.own-posted[data-comment-id=" + own + "] .comment-text").text())
				.as("the edited comment for the page's list").isEqualTo("Moj ispravljeni tekst");
			assertThat(edited.selectFirst(".own-comment .comment-text").text()).isEqualTo("Moj ispravljeni tekst");

			Element delete = edited.selectFirst(".own-comment form[action$=/obrisi]");
			Document deleted = Jsoup.parse(reader.post(delete.attr("action"), fields(delete), "HX-Request", "true").body());
			assertThat(deleted.selectFirst(".personal-message").text()).isEqualTo("Komentar je obrisan.");
			assertThat(deleted.selectFirst(".own-status").text()).isEqualTo("Obrisan");

			assertThat(services.actions()).filteredOn(action -> action.subject().equals(subject))
				.extracting(ServicesStub.Action::method, ServicesStub.Action::path)
				.contains(org.assertj.core.groups.Tuple.tuple("PUT", someone.id() + "/reactions/mine"),
						org.assertj.core.groups.Tuple.tuple("POST", someone.id() + "/reports"),
						org.assertj.core.groups.Tuple.tuple("PATCH", own),
						org.assertj.core.groups.Tuple.tuple("DELETE", own));
		}
		finally {
			services.postStatus("pending");
		}

		// signed out: a sign-in link back to the comment, no forms
		Document stranger = Jsoup.parse(new Browser().get("/citatelj/komentar/" + someone.id()).body());
		assertThat(stranger.select("form.reactions, form.report")).isEmpty();
		assertThat(stranger.select("a").eachAttr("href"))
			.contains("/prijava?natrag=" + encode(story.path() + "#komentar-" + someone.id()));
	}

	// ---------------------------------------------------------------------------------------------

	private static List<ServicesStub.Post> postsOf(ServicesStub.Story story) {
		return services.posts().stream().filter(post -> post.articleId().equals(story.id())).toList();
	}

	private static Map<String, String> fields(Element form) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (Element input : form.select("input[name], textarea[name]")) {
			fields.put(input.attr("name"), input.is("textarea") ? input.text() : input.val());
		}
		return fields;
	}

	private static HttpCookie cookie(String name, String value) {
		HttpCookie cookie = new HttpCookie(name, value);
		cookie.setPath("/");
		cookie.setVersion(0);
		return cookie;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** Cookies kept, redirects not followed: each step's answer is checked. */
	private final class Browser {

		final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		HttpResponse<String> get(String pathOrUrl, String... headers) {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathOrUrl)).GET();
			for (int i = 0; i + 1 < headers.length; i += 2) {
				request.header(headers[i], headers[i + 1]);
			}
			return send(request);
		}

		HttpResponse<String> post(String path, Map<String, String> form, String... headers) {
			String body = form.entrySet()
				.stream()
				.map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
				.collect(Collectors.joining("&"));
			HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body));
			for (int i = 0; i + 1 < headers.length; i += 2) {
				request.header(headers[i], headers[i + 1]);
			}
			return send(request);
		}

		/** Signs in from {@code returnAddress}; the path the site sends the reader to at the end. */
		String signIn(String returnAddress) {
			HttpResponse<String> start = get("/prijava?natrag=" + encode(returnAddress));
			HttpResponse<String> toIssuer = get(start.headers().firstValue("Location").orElseThrow());
			HttpResponse<String> callback = get(toIssuer.headers().firstValue("Location").orElseThrow());
			String callbackUrl = callback.headers().firstValue("Location").orElseThrow();
			// the stub redirects to the public redirect URI; the site answers it on its own port
			HttpResponse<String> done = get(callbackUrl.replace(PUBLIC, ""));
			assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
			return done.headers().firstValue("Location").orElseThrow();
		}

		Element commentForm(ServicesStub.Story story) {
			Document fragment = Jsoup.parse(get("/citatelj/komentari/" + story.id(), "HX-Request", "true").body());
			Element form = fragment.selectFirst("form.comment-form");
			assertThat(form).as(fragment.html()).isNotNull();
			return form;
		}

		String cookie(String name) {
			return this.cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter(cookie -> cookie.getName().equals(name))
				.map(HttpCookie::getValue)
				.findFirst()
				.orElse(null);
		}

		private URI uri(String pathOrUrl) {
			return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : site(pathOrUrl));
		}

		private HttpResponse<String> send(HttpRequest.Builder request) {
			try {
				return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
