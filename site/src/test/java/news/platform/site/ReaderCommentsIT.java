package news.platform.site;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import news.platform.testsupport.browser.Chromium;
import news.platform.testsupport.launcher.PlatformLauncher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reader takes part, in headless Chromium through the gateway, against the real identity,
 * article-service and comment-service (jars started by the shared launcher): signs in from an
 * article and comes back to it, posts a comment and sees it (pending or visible), sends the same
 * form twice and still makes one comment, signs out and is back on the article; the article page
 * signed in passes axe-core's rules with no serious or critical violation.
 */
class ReaderCommentsIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Path SCREENSHOTS = Path.of(System.getProperty("platform.build.directory", "target"),
			"screenshots");

	private static PlatformLauncher platform;

	private static ChromeDriver browser;

	private static String articleId;

	private static String articleUrl;

	@BeforeAll
	static void launch() throws Exception {
		Chromium.assumeInstalled();
		platform = PlatformLauncher.start("identity", "article-service", "comment-service", "site", "gateway");
		browser = Chromium.start(1280, 800);
		String editor = platform.accessToken("editor");
		JsonNode article = send("POST", platform.url("article-service") + "/api/v1/articles", editor,
				"{\"headline\":\"Čitatelji pišu o novom mostu\",\"section\":\"vijesti\","
						+ "\"body\":[{\"type\":\"paragraph\",\"text\":\"Most je otvoren u subotu.\"}]}",
				201);
		articleId = article.path("id").asString();
		JsonNode published = send("POST", platform.url("article-service") + "/api/v1/articles/" + articleId
				+ "/publish", editor, null, 200);
		articleUrl = platform.url("gateway") + "/vijesti/" + published.path("slug").asString();
		// the site reads the published story once article-service answers for it
		await().atMost(Duration.ofSeconds(30))
			.until(() -> HTTP.send(HttpRequest.newBuilder(URI.create(articleUrl)).build(),
					HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.quit();
		}
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void aReaderSignsInFromAnArticlePostsOnceAndSignsOutBackToIt() throws Exception {
		browser.get(articleUrl);
		WebElement signIn = waitFor(By.cssSelector("#komentari-osobno a[href^='/prijava']"));
		assertThat(browser.findElement(By.cssSelector("#komentari-osobno")).getText()).contains("Registracija");
		signIn.click();
		signInAtIdentity("reader");
		assertThat(browser.getCurrentUrl()).isEqualTo(articleUrl);

		WebElement text = waitFor(By.cssSelector("#komentari-osobno textarea[name=tekst]"));
		text.sendKeys("Konačno most koji spaja oba dijela grada.");
		// the same form sent twice at once, as a double click without the button's guard would
		Object statuses = browser.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const form = document.querySelector('#komentari-osobno form.comment-form');
				const send = () => fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)),
						headers: { 'HX-Request': 'true' } }).then(r => r.status);
				Promise.all([send(), send()]).then(done, e => done(String(e)));
				""");
		assertThat(statuses).isEqualTo(List.of(200L, 200L));

		browser.navigate().refresh();
		List<WebElement> own = waitForAll(By.cssSelector("#komentari-osobno .own-comment"));
		assertThat(own).hasSize(1);
		assertThat(own.get(0).getText()).contains("Konačno most koji spaja oba dijela grada.");
		assertThat(own.get(0).findElement(By.cssSelector(".own-status")).getText()).isIn("Čeka odobrenje moderatora",
				"Objavljen");
		assertThat(commentsOfTheArticle()).as("one comment for two sends of one form").hasSize(1);
		browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", own.get(0));
		Chromium.screenshot(browser, SCREENSHOTS.resolve("comments-signed-in-1280.png"));

		Results accessibility = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze(browser);
		assertThat(accessibility.getViolations()
			.stream()
			.filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.map(rule -> rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes())
			.toList()).as("serious or critical axe-core violations on the article page, signed in").isEmpty();

		browser.findElement(By.cssSelector("#komentari-osobno form[action='/odjava'] button")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(articleUrl));
		waitFor(By.cssSelector("#komentari-osobno a[href^='/prijava']"));
		assertThat(browser.findElements(By.cssSelector("#komentari-osobno textarea"))).isEmpty();
	}

	/** The reader's comments on the article as comment-service keeps them: visible ones and held ones. */
	private static List<String> commentsOfTheArticle() throws Exception {
		List<String> texts = new ArrayList<>();
		JsonNode thread = send("GET", platform.url("comment-service") + "/api/v1/comments/articles/" + articleId,
				null, null, 200);
		thread.path("comments").forEach(comment -> texts.add(comment.path("text").asString()));
		JsonNode queue = send("GET", platform.url("comment-service") + "/api/v1/comments/moderation/queue?state=pending",
				platform.accessToken("moderator"), null, 200);
		queue.path("comments").forEach(comment -> {
			if (articleId.equals(comment.path("articleId").asString())) {
				texts.add(comment.path("text").asString());
			}
		});
		return texts;
	}

	private static void signInAtIdentity(String username) {
		WebElement name = waitFor(By.name("username"));
		name.sendKeys(username);
		browser.findElement(By.name("password")).sendKeys(platform.accounts().get(username));
		browser.findElement(By.cssSelector("form button[type=submit], form input[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(driver -> driver.getCurrentUrl().startsWith(platform.url("gateway")));
	}

	private static WebElement waitFor(By selector) {
		return new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.presenceOfElementLocated(selector));
	}

	private static List<WebElement> waitForAll(By selector) {
		return new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.presenceOfAllElementsLocatedBy(selector));
	}

	private static JsonNode send(String method, String url, String token, String body, int expected) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		HttpResponse<String> answer = HTTP.send(request
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(method + " " + url + ": " + answer.body()).isEqualTo(expected);
		return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
	}

}
