package news.platform.desk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import news.platform.testsupport.browser.Chromium;
import news.platform.testsupport.launcher.PlatformLauncher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comment moderation in the desk, in headless Chromium through the gateway, against identity,
 * article-service and comment-service: a moderator works through the queue with the keyboard,
 * rejects a held comment with a reason, meets a decision someone else made first, suspends the
 * author (whose next post comment-service refuses), and adds a banned word that holds the next
 * comment containing it; a change of the word lists made meanwhile by someone else is shown
 * without losing what was typed. Readers' comments are posted straight to comment-service: that is
 * set-up, not what the test is about.
 */
class ModerationIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final Path SCREENSHOTS = Path.of(System.getProperty("platform.build.directory", "target"),
			"screenshots");

	private static PlatformLauncher platform;

	private static ChromeDriver browser;

	private static String articleId;

	@BeforeAll
	static void launch() throws Exception {
		Chromium.assumeInstalled();
		platform = DeskPlatform.get();
		browser = Chromium.start(1280, 800);
		String editor = platform.accessToken("editor");
		JsonNode article = send("POST", platform.url("article-service") + "/api/v1/articles", editor,
				"{\"headline\":\"Novi most preko Drave otvoren\",\"section\":\"vijesti\","
						+ "\"body\":[{\"type\":\"paragraph\",\"text\":\"Most je otvoren u subotu.\"}]}",
				201);
		articleId = article.path("id").asString();
		send("POST", platform.url("article-service") + "/api/v1/articles/" + articleId + "/publish", editor, null, 200);
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
	void aModeratorWorksThroughTheQueueWithTheKeyboardAndSuspendsAnAuthor() throws Exception {
		String reader = platform.accessToken("reader");
		String journalist = platform.accessToken("journalist");
		String moderator = platform.accessToken("moderator");
		// a visible comment, and three the suspect-word rule holds (one of them a reply to it)
		JsonNode visible = post(journalist, "Lijepo je vidjeti da je most napokon gotov.", null);
		assertThat(visible.path("status").asString()).isEqualTo("visible");
		JsonNode first = post(reader, "Samo budala vjeruje u ovaj most.", null);
		JsonNode second = post(reader, "Kakav kreten je ovo projektirao.", visible.path("id").asString());
		JsonNode third = post(reader, "Gradonačelnik je lopov i to svi znaju.", null);
		assertThat(List.of(first, second, third)).allSatisfy(c -> assertThat(c.path("status").asString()).isEqualTo("pending"));

		browser.get(platform.url("gateway") + "/desk/moderacija");
		DeskPlatform.signIn(browser, "moderator");

		List<WebElement> items = browser.findElements(By.cssSelector("[data-queue-item]"));
		assertThat(items).hasSize(3);
		assertThat(items.get(0).getText()).contains("Samo budala vjeruje", "Novi most preko Drave otvoren",
				"sumnjiva riječ");
		// the reply in its thread: the comment it answers is shown with it
		assertThat(items.get(1).findElement(By.cssSelector(".parent")).getText())
			.contains("Lijepo je vidjeti da je most napokon gotov.");
		assertThat(browser.findElement(By.id("shortcuts")).getText()).contains("j", "k", "a", "r");

		assertThat(DeskPlatform.horizontalOverflow(browser)).as("no horizontal scroll at 1280×800").isLessThanOrEqualTo(0);
		Chromium.screenshot(browser, SCREENSHOTS.resolve("moderation-queue-1280x800.png"));
		browser.manage().window().setSize(new Dimension(768, 1024));
		try {
			assertThat(DeskPlatform.horizontalOverflow(browser)).as("no horizontal scroll at 768×1024").isLessThanOrEqualTo(0);
			Chromium.screenshot(browser, SCREENSHOTS.resolve("moderation-queue-768x1024.png"));
		}
		finally {
			browser.manage().window().setSize(new Dimension(1280, 800));
		}
		Results accessibility = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze(browser);
		assertThat(accessibility.getViolations()
			.stream()
			.filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.map(rule -> rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes())
			.toList()).as("serious or critical axe-core violations on the queue").isEmpty();

		// j, k, then a: the first comment is approved in place
		keys("j");
		assertThat(current()).isEqualTo("item-" + second.path("id").asString());
		keys("k");
		assertThat(current()).isEqualTo("item-" + first.path("id").asString());
		keys("a");
		awaitText(By.id("item-" + first.path("id").asString()), "Komentar je odobren.");

		// r on the next one: its reason field, Enter rejects with the reason
		keys("r");
		WebElement reason = browser.switchTo().activeElement();
		assertThat(reason.getAttribute("id")).isEqualTo("reason-" + second.path("id").asString());
		reason.sendKeys("Vrijeđanje autora mosta" + Keys.ENTER);
		awaitText(By.id("item-" + second.path("id").asString()), "Komentar je odbijen.");
		JsonNode rejected = send("GET", platform.url("comment-service") + "/api/v1/comments/" + second.path("id").asString(),
				moderator, null, 200);
		assertThat(rejected.path("status").asString()).isEqualTo("rejected");
		assertThat(rejected.path("rejectReason").asString()).isEqualTo("Vrijeđanje autora mosta");
		assertThat(send("GET", platform.url("comment-service") + "/api/v1/comments/" + first.path("id").asString(),
				moderator, null, 200)
			.path("status")
			.asString()).isEqualTo("visible");

		// someone else decides the last one first: the conflict is said and the queue refreshed
		send("POST", platform.url("comment-service") + "/api/v1/comments/moderation/comments/"
				+ third.path("id").asString() + "/approve", moderator,
				"{\"version\":" + third.path("version").asLong() + "}", 200);
		keys("a");
		awaitText(By.id("queue"), "netko drugi već odlučio");
		assertThat(browser.findElement(By.id("queue")).getText()).contains("Nijedan komentar ne čeka odluku.");

		// the author's history, from the rejected queue: suspend them
		browser.get(platform.url("gateway") + "/desk/moderacija?stanje=rejected");
		browser.findElement(By.cssSelector("#item-" + second.path("id").asString() + " a.author")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("suspend-reason")));
		assertThat(browser.findElement(By.cssSelector("table.audit")).getText()).contains("reject",
				"Vrijeđanje autora mosta");
		new Select(browser.findElement(By.id("suspend-duration"))).selectByValue("PT24H");
		browser.findElement(By.id("suspend-reason")).sendKeys("Ponovljeno vrijeđanje");
		browser.findElement(By.cssSelector("form.sanction button[type=submit]")).click();
		awaitText(By.cssSelector("main"), "Korisniku je privremeno zabranjeno komentiranje.");
		Chromium.screenshot(browser, SCREENSHOTS.resolve("moderation-user-1280x800.png"));

		HttpResponse<String> refused = postRaw(reader, "Opet ja, i dalje mislim isto.");
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
		assertThat(refused.body()).contains("/problems/user-suspended");
	}

	@Test
	void aBannedWordAddedAtTheDeskHoldsTheNextCommentAndAChangeMeanwhileLosesNothing() throws Exception {
		String moderator = platform.accessToken("moderator");
		String journalist = platform.accessToken("journalist");
		browser.get(platform.url("gateway") + "/desk/moderacija/postavke");
		DeskPlatform.signIn(browser, "moderator");

		WebElement banned = browser.findElement(By.id("words-banned"));
		banned.sendKeys(Keys.END, "\nprokletnik*");
		browser.findElement(By.cssSelector("form.words button[type=submit]")).click();
		awaitText(By.cssSelector("main"), "Zabranjene riječi su spremljene.");
		assertThat(browser.findElement(By.id("words-banned")).getAttribute("value")).contains("prokletnik*");
		Chromium.screenshot(browser, SCREENSHOTS.resolve("moderation-settings-1280x800.png"));

		JsonNode held = post(journalist, "Taj prokletnik opet radi po svom.", null);
		assertThat(held.path("status").asString()).isEqualTo("rejected");

		// someone else changes the suspect list while the page is open: the refusal is shown in
		// words, and the list as typed is still in the form beside the stored one
		JsonNode settings = send("GET", platform.url("comment-service") + "/api/v1/comments/moderation/settings",
				moderator, null, 200);
		sendWithIfMatch("PATCH", platform.url("comment-service") + "/api/v1/comments/moderation/settings/words/suspect",
				moderator, "{\"add\":[\"nitkov*\"]}", settings.path("revision").asLong());
		WebElement suspect = browser.findElement(By.id("words-suspect"));
		suspect.sendKeys(Keys.END, "\nnevaljalac*");
		browser.findElements(By.cssSelector("form.words button[type=submit]")).get(1).click();
		awaitText(By.cssSelector("main"), "Netko je u međuvremenu promijenio postavke.");
		assertThat(browser.findElement(By.id("words-suspect")).getAttribute("value")).contains("nevaljalac*")
			.doesNotContain("nitkov*");
		assertThat(browser.findElement(By.id("words-suspect")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.findElement(By.cssSelector(".current-words")).getText()).contains("nitkov*");

		// a word comment-service refuses: its reason in words, the list as typed
		WebElement again = browser.findElement(By.id("words-banned"));
		again.sendKeys(Keys.END, "\nne valja");
		browser.findElement(By.cssSelector("form.words button[type=submit]")).click();
		awaitText(By.cssSelector("main"), "Usluga komentara nije prihvatila unos.");
		assertThat(browser.findElement(By.id("words-banned")).getAttribute("value")).contains("ne valja",
				"prokletnik*");
	}

	@Test
	void someoneWhoDoesNotModerateGetsTheNotFoundPage() {
		browser.get(platform.url("gateway") + "/desk/moderacija");
		DeskPlatform.signIn(browser, "journalist");

		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Stranica ne postoji");
		assertThat(browser.findElements(By.linkText("Moderacija"))).isEmpty();
	}

	private static JsonNode post(String token, String text, String parentId) throws Exception {
		String body = "{\"text\":" + JSON.writeValueAsString(text)
				+ (parentId == null ? "" : ",\"parentId\":\"" + parentId + "\"") + "}";
		return send("POST", platform.url("comment-service") + "/api/v1/comments/articles/" + articleId, token, body, 201);
	}

	private static HttpResponse<String> postRaw(String token, String text) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(platform.url("comment-service") + "/api/v1/comments/articles/"
				+ articleId))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"text\":" + JSON.writeValueAsString(text) + "}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode send(String method, String url, String token, String body, int expected) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		HttpResponse<String> answer = HTTP.send(request
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(method + " " + url + ": " + answer.body()).isEqualTo(expected);
		return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
	}

	private static void sendWithIfMatch(String method, String url, String token, String body, long revision)
			throws Exception {
		HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("If-Match", "\"" + revision + "\"")
			.method(method, HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
	}

	private static void keys(String keys) {
		new Actions(browser).sendKeys(keys).perform();
	}

	/** The id of the queue item the keyboard is on. */
	private static String current() {
		return (String) browser.executeScript(
				"var c = document.querySelector('[data-queue-item].current'); return c == null ? null : c.id;");
	}

	private static void awaitText(By where, String text) {
		// a form's answer is a new page: an element found on the old one goes stale meanwhile
		new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(driver -> {
			List<WebElement> found = driver.findElements(where);
			return !found.isEmpty() && found.get(0).getText().contains(text);
		});
	}



}
