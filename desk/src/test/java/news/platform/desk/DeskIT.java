package news.platform.desk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.json.JsonMapper;

import news.platform.testsupport.browser.Chromium;
import news.platform.testsupport.launcher.PlatformLauncher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The desk as a person uses it, in headless Chromium through the gateway: sign in at identity, the
 * dashboard with one's own work, sign out of both; and what must be refused (a reader, a return
 * address off the desk, a form without its CSRF token, a bad filter).
 */
class DeskIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static PlatformLauncher platform;

	private static ChromeDriver browser;

	private static final Path SCREENSHOTS = Path.of(System.getProperty("platform.build.directory", "target"),
			"screenshots");

	@BeforeAll
	static void launch() {
		Chromium.assumeInstalled();
		platform = DeskPlatform.get();
		browser = Chromium.start(1280, 800);
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.quit();
		}
	}

	@BeforeEach
	void signedOut() {
		DeskPlatform.signOut(browser);
	}

	@Test
	void aJournalistSignsInAndFindsTheirDraftOnTheDashboard() throws Exception {
		String token = platform.accessToken("journalist");
		HttpResponse<String> created = HttpClient.newHttpClient()
			// straight to article-service: this is set-up, not what the test is about
			.send(HttpRequest.newBuilder(URI.create(platform.url("article-service") + "/api/v1/articles"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"headline\":\"Most u Čačku otvoren za promet\",\"body\":[{\"type\":\"paragraph\",\"text\":\"Gradnja je trajala dvije godine.\"}]}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

		browser.get(platform.url("gateway") + "/desk/");
		DeskPlatform.signIn(browser, "journalist");

		assertThat(browser.getCurrentUrl()).isEqualTo(platform.url("gateway") + "/desk/");
		assertThat(browser.findElements(By.cssSelector("section[aria-labelledby=shelf-nacrti]")))
			.as(() -> browser.getPageSource())
			.hasSize(1);
		assertThat(browser.findElement(By.cssSelector(".who .name")).getText()).isNotBlank();
		assertThat(browser.findElement(By.cssSelector(".who .role")).getText()).isEqualTo("novinar");
		// the search index follows the feed: the draft shows within a poll
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> {
			driver.navigate().refresh();
			return driver.findElement(By.cssSelector("section[aria-labelledby=shelf-nacrti]"))
				.getText()
				.contains("Most u Čačku otvoren za promet");
		});
		assertThat(DeskPlatform.horizontalOverflow(browser)).as("no horizontal scroll at 1280×800").isLessThanOrEqualTo(0);
		Chromium.screenshot(browser, SCREENSHOTS.resolve("dashboard-1280x800.png"));
		browser.manage().window().setSize(new org.openqa.selenium.Dimension(768, 1024));
		try {
			assertThat(DeskPlatform.horizontalOverflow(browser)).as("no horizontal scroll at 768×1024").isLessThanOrEqualTo(0);
			Chromium.screenshot(browser, SCREENSHOTS.resolve("dashboard-768x1024.png"));
		}
		finally {
			browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 800));
		}

		Results accessibility = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze(browser);
		List<String> serious = accessibility.getViolations()
			.stream()
			.filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.map(DeskIT::describe)
			.toList();
		assertThat(serious).as("serious or critical axe-core violations on the dashboard").isEmpty();
	}

	@Test
	void signingOutEndsTheDeskAndTheIdentitySession() {
		browser.get(platform.url("gateway") + "/desk/");
		DeskPlatform.signIn(browser, "editor");
		assertThat(browser.findElement(By.cssSelector(".who .role")).getText()).isEqualTo("urednik");

		browser.findElement(By.cssSelector("form.sign-out button")).click();

		// back at the desk, which asks identity again, which asks for the password again
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
		assertThat(browser.getCurrentUrl()).startsWith(platform.url("identity") + "/login");
	}

	@Test
	void aReaderIsToldTheDeskIsNotTheirs() {
		browser.get(platform.url("gateway") + "/desk/");
		DeskPlatform.signIn(browser, "reader");

		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Pristup nije dopušten");
	}

	@Test
	void aReturnAddressOffTheDeskLeadsToTheDashboard() {
		for (String elsewhere : List.of("//evil.example", "https://evil.example/desk/", "/\\evil.example",
				"/site-page")) {
			browser.manage().deleteAllCookies();
			browser.get(platform.url("gateway") + "/desk/prijava?natrag=" + java.net.URLEncoder.encode(elsewhere,
					java.nio.charset.StandardCharsets.UTF_8));
			if (!browser.findElements(By.name("username")).isEmpty()) {
				DeskPlatform.signIn(browser, "journalist");
			}
			assertThat(browser.getCurrentUrl()).as(elsewhere).isEqualTo(platform.url("gateway") + "/desk/");
		}
		browser.get(platform.url("gateway") + "/desk/prijava?natrag=%2Fdesk%2Fpopis%2Fnacrti");
		assertThat(browser.getCurrentUrl()).isEqualTo(platform.url("gateway") + "/desk/popis/nacrti");
	}

	@Test
	void aFilterThatBreaksARuleIsMarkedAndNothingIsAsked() {
		browser.get(platform.url("gateway") + "/desk/popis/nacrti?section=..%2Fetc&q=most");
		DeskPlatform.signIn(browser, "journalist");

		WebElement section = browser.findElement(By.id("filter-section"));
		assertThat(section.getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.findElement(By.id("problem-section")).getText()).contains("vijesti/hrvatska");
		assertThat(browser.findElement(By.id("filter-q")).getAttribute("value")).isEqualTo("most");

		browser.get(platform.url("gateway") + "/desk/popis/nepostojeci");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Stranica ne postoji");
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefusedWithAPage() throws Exception {
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(platform.url("gateway") + "/desk/jezik"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofString("jezik=en"))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.statusCode()).isEqualTo(403);
		assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
			.startsWith("text/html"));
		assertThat(answer.body()).contains("Pristup nije dopušten").doesNotContain("Exception");
	}

	@Test
	void aSignedInDeskUserAndASignedInSiteReaderInOneBrowserStaySignedInToBoth() throws Exception {
		// a published story on the site (set-up through article-service's API)
		String editor = platform.accessToken("editor");
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(platform.url("article-service")
				+ "/api/v1/articles"))
			.header("Authorization", "Bearer " + editor)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"headline\":\"Tramvaj opet vozi do Dubrave\",\"section\":\"vijesti\","
					+ "\"body\":[{\"type\":\"paragraph\",\"text\":\"Pruga je popravljena.\"}]}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = JSON.readTree(created.body()).path("id").asString();
		HttpResponse<String> published = http.send(HttpRequest.newBuilder(URI.create(platform.url("article-service")
				+ "/api/v1/articles/" + id + "/publish"))
			.header("Authorization", "Bearer " + editor)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
		String article = platform.url("gateway") + "/vijesti/" + JSON.readTree(published.body()).path("slug").asString();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> http.send(HttpRequest.newBuilder(URI.create(article)).build(),
					HttpResponse.BodyHandlers.discarding()).statusCode() == 200);

		browser.get(platform.url("gateway") + "/desk/");
		DeskPlatform.signIn(browser, "journalist");
		assertThat(browser.findElement(By.cssSelector(".who .role")).getText()).isEqualTo("novinar");
		// identity keeps one person per browser: another person signs in on the site once identity asks
		// again (as after its session ends); the desk's session is the desk's own and stays
		browser.manage().deleteCookieNamed("IDENTITY_SESSION");
		DeskPlatform.signInOnTheSite(browser, article, "reader");
		assertThat(browser.findElement(By.cssSelector("#komentari-osobno .personal-who")).getText())
			.contains("Ana Čitateljica");

		// a desk page again: still the journalist, no sign-in form
		browser.get(platform.url("gateway") + "/desk/popis/nacrti");
		assertThat(browser.getCurrentUrl()).isEqualTo(platform.url("gateway") + "/desk/popis/nacrti");
		assertThat(browser.findElements(By.name("username"))).isEmpty();
		assertThat(browser.findElement(By.cssSelector(".who .role")).getText()).isEqualTo("novinar");
		// and the site's page: still the reader, with the comment box (the cached page has the sign-in
		// links; comments.js replaces them with the reader's box after the page, as the reader is signed in)
		browser.get(article);
		new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
			.until(driver -> driver.findElement(By.cssSelector("#komentari-osobno")).getText().contains("Ana Čitateljica"));
		assertThat(browser.findElements(By.cssSelector("#komentari-osobno textarea[name=tekst]"))).hasSize(1);
	}

	private static String describe(Rule rule) {
		return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " " + rule.getNodes();
	}

}
