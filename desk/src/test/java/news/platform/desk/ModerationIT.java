package news.platform.desk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import static org.awaitility.Awaitility.await;

/**
 * Comment moderation in the desk, in headless Chromium through the gateway, against identity,
 * article-service and comment-service: a moderator works through the queue with the keyboard,
 * rejects a held comment with a reason, meets a decision someone else made first, suspends the
 * author (whose next post, on the site in the same browser, is refused with the suspension's end),
 * and adds a banned word that holds the next comment containing it on a second comment-service
 * replica; a change of the word lists made meanwhile by someone else is shown
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

	/** The story's page on the site, through the gateway. */
	private static String articleUrl;

	/**
	 * A second comment-service on the same database, for the banned word seen on another replica:
	 * started here so that it starts while the first test runs, stopped by the test that uses it.
	 */
	private static PlatformLauncher.Replica otherCommentService;

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
		JsonNode published = send("POST", platform.url("article-service") + "/api/v1/articles/" + articleId + "/publish",
				editor, null, 200);
		articleUrl = platform.url("gateway") + "/vijesti/" + published.path("slug").asString();
		otherCommentService = platform.startReplica("comment-service");
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.quit();
		}
		if (otherCommentService != null) {
			otherCommentService.close();
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

		Instant suspended = Instant.now();

		// the reader's next post, on the site in the same browser: refused, with until when
		String readerId = second.path("author").path("id").asString();
		try {
			DeskPlatform.signOut(browser);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> HTTP.send(HttpRequest.newBuilder(URI.create(articleUrl)).build(),
						HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
			DeskPlatform.signInOnTheSite(browser, articleUrl, "reader");
			String text = "Opet ja, i dalje mislim isto o mostu.";
			browser.findElement(By.cssSelector("#komentari-osobno textarea[name=tekst]")).sendKeys(text);
			browser.findElement(By.cssSelector("#komentari-osobno form.comment-form button[type=submit]")).click();
			awaitText(By.cssSelector("#komentari-osobno"), "Komentiranje vam je privremeno onemogućeno do ");
			String message = browser.findElement(By.cssSelector("#komentari-osobno [role=alert]")).getText();
			Matcher until = Pattern.compile("do (\\d{1,2}\\. \\p{L}+ \\d{4}\\. u \\d{2}:\\d{2})").matcher(message);
			assertThat(until.find()).as(message).isTrue();
			// the suspension's end, 24 hours on, in Zagreb's time (the site shows minutes)
			Instant end = LocalDateTime.parse(until.group(1), DateTimeFormatter.ofPattern("d. MMMM yyyy. 'u' HH:mm", Locale.forLanguageTag("hr")))
				.atZone(ZoneId.of("Europe/Zagreb"))
				.toInstant();
			assertThat(end).isBetween(suspended.plus(Duration.ofHours(24)).minus(Duration.ofMinutes(2)),
					suspended.plus(Duration.ofHours(24)).plus(Duration.ofMinutes(1)));
			Chromium.screenshot(browser, SCREENSHOTS.resolve("moderation-suspended-on-site-1280x800.png"));
			assertThat(commentsOfTheArticle(moderator)).as("nothing stored from the suspended reader")
				.doesNotContain(text);
		}
		finally {
			// the seeded reader posts in the other tests of the shared platform
			send("POST", platform.url("comment-service") + "/api/v1/comments/moderation/users/" + readerId + "/restore",
					moderator, "{\"reason\":\"Kraj testa\"}", 200);
		}
	}

	@Test
	void aBannedWordAddedAtTheDeskHoldsTheNextCommentOnAnotherReplicaAndAChangeMeanwhileLosesNothing()
			throws Exception {
		String moderator = platform.accessToken("moderator");
		String reader = platform.accessToken("reader");
		PlatformLauncher.Replica other = otherCommentService.ready();
		try {
			browser.get(platform.url("gateway") + "/desk/moderacija/postavke");
			DeskPlatform.signIn(browser, "moderator");

			WebElement banned = browser.findElement(By.id("words-banned"));
			banned.sendKeys(Keys.END, "\nprokletnik*");
			browser.findElement(By.cssSelector("form.words button[type=submit]")).click();
			awaitText(By.cssSelector("main"), "Zabranjene riječi su spremljene.");
			assertThat(browser.findElement(By.id("words-banned")).getAttribute("value")).contains("prokletnik*");
			Chromium.screenshot(browser, SCREENSHOTS.resolve("moderation-settings-1280x800.png"));

			// the desk saved through the first replica; the other one follows the change on its own.
			// Once its metrics say it applies the saved revision (at most 2 s), one post to it must be held
			long saved = send("GET", platform.url("comment-service") + "/api/v1/comments/moderation/settings", moderator,
					null, 200)
				.path("revision")
				.asLong();
			await().atMost(Duration.ofSeconds(2))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> appliedRevision(other) >= saved);
			JsonNode held = send("POST", other.url() + "/api/v1/comments/articles/" + articleId, reader,
					"{\"text\":\"Taj prokletnik opet radi po svom.\"}", 201);
			// a banned word rejects at once (comment-service's rule), out of sight, with the rule for the moderators
			assertThat(held.path("status").asString()).isEqualTo("rejected");
			assertThat(send("GET", other.url() + "/api/v1/comments/" + held.path("id").asString(), moderator, null, 200)
				.path("flags")).extracting(JsonNode::asString).containsExactly("banned-word");
		}
		finally {
			other.close();
		}

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

	/** The texts comment-service keeps on the article: visible, pending and rejected. */
	private static List<String> commentsOfTheArticle(String moderator) throws Exception {
		List<String> texts = new ArrayList<>();
		send("GET", platform.url("comment-service") + "/api/v1/comments/articles/" + articleId + "?limit=100",
				moderator, null, 200)
			.path("comments")
			.forEach(comment -> {
				texts.add(comment.path("text").asString());
				comment.path("replies").forEach(reply -> texts.add(reply.path("text").asString()));
			});
		for (String state : List.of("pending", "rejected")) {
			send("GET", platform.url("comment-service") + "/api/v1/comments/moderation/queue?limit=100&state=" + state,
					moderator, null, 200)
				.path("comments")
				.forEach(comment -> texts.add(comment.path("text").asString()));
		}
		return texts;
	}

	/** The moderation settings' revision a comment-service replica applies, from its metrics. */
	private static long appliedRevision(PlatformLauncher.Replica replica) throws Exception {
		String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(replica.managementUrl() + "/actuator/prometheus")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher revision = Pattern.compile("(?m)^comments_moderation_settings_revision(?:\\{[^}]*\\})? (\\S+)$")
			.matcher(metrics);
		return revision.find() ? (long) Double.parseDouble(revision.group(1)) : -1;
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
