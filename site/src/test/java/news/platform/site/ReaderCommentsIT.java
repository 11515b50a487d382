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
 * signed in passes axe-core's rules with no serious or critical violation. And the whole round of a
 * new reader: signs up at identity from the comments, signs in, posts (the comment shows in the
 * list at once), sees another reader's comment arrive live, replies to it, reacts, reports it,
 * edits their own, sees a held comment as pending (nobody else sees it), and signs out; the
 * article page served to anyone else after that holds nothing of theirs.
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

	/**
	 * A new reader's whole round on an article with no comments yet. Every wait is for a state only
	 * the end of that step has (a text, an attribute), found again on each poll: a later htmx answer
	 * may replace what an earlier look found.
	 */
	@Test
	void aNewReaderSignsUpTakesPartInTheCommentsAndSignsOut() throws Exception {
		String suffix = Long.toString(System.nanoTime() % 1_000_000L);
		String username = "citateljica" + suffix;
		String displayName = "Marta Kovač " + suffix;
		String password = "Lozinka-za-test-" + suffix;
		String editor = platform.accessToken("editor");
		JsonNode story = send("POST", platform.url("article-service") + "/api/v1/articles", editor,
				"{\"headline\":\"Novi park uz rijeku\",\"section\":\"vijesti\","
						+ "\"body\":[{\"type\":\"paragraph\",\"text\":\"Park ima tri igrališta.\"}]}",
				201);
		String storyId = story.path("id").asString();
		String slug = send("POST", platform.url("article-service") + "/api/v1/articles/" + storyId + "/publish", editor,
				null, 200).path("slug").asString();
		String url = platform.url("gateway") + "/vijesti/" + slug;
		await().atMost(Duration.ofSeconds(30))
			.until(() -> HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
					HttpResponse.BodyHandlers.discarding()).statusCode() == 200);

		// signed out (whatever an earlier test left): the section offers sign-in and registration
		browser.get(url);
		browser.manage().deleteAllCookies();
		browser.get(url);
		WebElement register = waitFor(By.cssSelector("#komentari-osobno a[href$='/signup']"));
		assertThat(browser.findElement(By.cssSelector("#komentari-popis .comments-none")).getText())
			.isEqualTo("Još nema komentara.");
		shot("reader-1-signed-out", By.id("komentari"));

		// 1. signs up at identity (the section's registration link), then signs in from the story
		register.click();
		waitFor(By.name("displayName"));
		browser.findElement(By.name("username")).sendKeys(username);
		browser.findElement(By.name("displayName")).sendKeys(displayName);
		browser.findElement(By.name("password")).sendKeys(password);
		browser.findElement(By.name("passwordAgain")).sendKeys(password);
		shot("reader-2-sign-up", null);
		browser.findElement(By.cssSelector("form[action='/signup'] button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/login?registered"));
		browser.get(url);
		waitFor(By.cssSelector("#komentari-osobno a[href^='/prijava']")).click();
		signInAtIdentity(username, password);
		assertThat(browser.getCurrentUrl()).isEqualTo(url);
		waitForText(By.cssSelector("#komentari-osobno .personal-who p"), "Prijavljeni ste kao " + displayName + ".");

		// 2. posts: the comment shows in the list at once, marked as theirs, and the empty state goes
		String first = "Park je odličan za djecu i pse.";
		waitFor(By.cssSelector("#komentari-osobno textarea[name=tekst]")).sendKeys(first);
		browser.findElement(By.cssSelector("#komentari-osobno form.comment-form button[type=submit]")).click();
		waitForText(By.cssSelector("#komentari-osobno .own-comment .own-status"), "Objavljen");
		waitForText(By.cssSelector("#komentari-popis article.comment-own .comment-text"), first);
		String mine = browser.findElement(By.cssSelector("#komentari-popis article.comment-own"))
			.getAttribute("data-comment-id");
		assertThat(browser.findElement(By.cssSelector("#komentar-" + mine + " .comment-mine")).getText())
			.isEqualTo("Vaš komentar · Objavljen");
		assertThat(browser.findElements(By.cssSelector("#komentari-popis .comments-none"))).isEmpty();
		shot("reader-3-posted", By.id("komentari-popis"));

		// 3. another reader's comment arrives live; the reader's own is still there once (the stream
		// carried it too, before this one)
		waitFor(By.cssSelector("#komentari[data-live=open]"));
		String theirs = "Nedostaje sjene, treba posaditi više drveća.";
		String other = send("POST", platform.url("comment-service") + "/api/v1/comments/articles/" + storyId,
				platform.accessToken("reader"), "{\"text\":\"" + theirs + "\"}", 201).path("id").asString();
		waitForText(By.cssSelector("#komentar-" + other + " .comment-text"), theirs);
		assertThat(browser.findElements(By.cssSelector("[id='komentar-" + mine + "']"))).hasSize(1);
		shot("reader-4-live", By.id("komentar-" + other));

		// 4. replies to it, reacts, reports it: each in the comment's own actions
		// the actions open in place (comments.js), in the box that then carries the id their forms answer into
		waitFor(By.cssSelector("#komentar-" + other + " > .comment-actions > a")).click();
		String reply = "Slažem se, i klupa je premalo.";
		waitFor(By.cssSelector("#radnje-" + other + " form.comment-form textarea")).sendKeys(reply);
		browser.findElement(By.cssSelector("#radnje-" + other + " form.comment-form button[type=submit]")).click();
		waitForText(By.cssSelector("#komentar-" + other + " .replies article.comment-own .comment-text"), reply);
		browser.findElement(By.cssSelector("#radnje-" + other + " form.reactions button[value=like]")).click();
		waitFor(By.cssSelector("#radnje-" + other + " form.reactions button[value=like][aria-pressed=true]"));
		browser.findElement(By.cssSelector("#radnje-" + other + " form.report input[name=razlog]"))
			.sendKeys("Nije na temu.");
		browser.findElement(By.cssSelector("#radnje-" + other + " form.report button[type=submit]")).click();
		waitForText(By.cssSelector("#radnje-" + other + " .personal-message"),
				"Hvala, komentar je prijavljen moderatorima.");
		shot("reader-5-replied-reacted-reported", By.id("radnje-" + other));
		JsonNode reacted = send("GET", platform.url("comment-service") + "/api/v1/comments/" + other,
				platform.accessToken("moderator"), null, 200);
		assertThat(reacted.path("reactions").path("like").asLong()).isEqualTo(1);
		assertThat(reacted.path("reportCount").asInt()).isEqualTo(1);

		// 5. edits their comment within the edit window
		String edited = "Park je odličan za djecu, pse i trčanje.";
		browser.findElement(By.cssSelector("#moj-" + mine + " details summary")).click();
		WebElement change = waitFor(By.cssSelector("#uredi-" + mine));
		change.clear();
		change.sendKeys(edited);
		browser.findElement(By.cssSelector("#moj-" + mine + " details form button[type=submit]")).click();
		waitForText(By.cssSelector("#moj-" + mine + " .comment-text"), edited);
		assertThat(browser.findElement(By.cssSelector("#komentari-osobno .personal-message")).getText())
			.isEqualTo("Izmjene su spremljene.");
		waitForText(By.cssSelector("#komentar-" + mine + " .comment-text"), edited);
		shot("reader-6-edited", By.id("moj-" + mine));

		// 6. a comment held by moderation (a suspect word) is pending, to its author only
		String held = "Tko je ovo planirao, neki glupan?";
		waitFor(By.cssSelector("#komentari-osobno form.comment-form textarea[name=tekst]")).sendKeys(held);
		browser.findElement(By.cssSelector("#komentari-osobno form.comment-form button[type=submit]")).click();
		waitForText(By.cssSelector("#komentari-osobno .own-pending .own-status"), "Čeka odobrenje moderatora");
		waitForText(By.cssSelector("#komentari-popis article.comment-own-pending .comment-mine"),
				"Vaš komentar · Čeka odobrenje moderatora");
		String pending = browser.findElement(By.cssSelector("#komentari-popis article.comment-own-pending"))
			.getAttribute("data-comment-id");
		shot("reader-7-pending", By.id("komentar-" + pending));
		HttpResponse<String> toAnother = HTTP.send(HttpRequest
			.newBuilder(URI.create(platform.url("comment-service") + "/api/v1/comments/" + pending))
			.header("Authorization", "Bearer " + platform.accessToken("reader"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(toAnother.body()).as("the held comment to another reader").doesNotContain("glupan");

		// 7. the article page anyone else gets (the site's page cache, the gateway): the comments as
		// everyone sees them (the edit already), nothing of this reader's session, no cookie
		HttpResponse<String> anonymous = await().atMost(Duration.ofSeconds(40))
			.until(() -> HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
					HttpResponse.BodyHandlers.ofString()), page -> page.body().contains(edited));
		assertThat(anonymous.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(anonymous.headers().firstValue("Cache-Control")).get().asString().startsWith("public");
		assertThat(anonymous.body()).doesNotContain("glupan", "Prijavljeni ste kao", "/odjava", "_csrf", "own-posted",
				"Vaš komentar ·");
		assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(platform.url("comment-service")
				+ "/api/v1/comments/articles/" + storyId)).build(), HttpResponse.BodyHandlers.ofString()).body())
			.contains(edited, theirs, reply)
			.doesNotContain("glupan");

		// 8. signs out, back on the story
		browser.findElement(By.cssSelector("#komentari-osobno form[action='/odjava'] button")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(url));
		waitFor(By.cssSelector("#komentari-osobno a[href^='/prijava']"));
		assertThat(browser.findElements(By.cssSelector("#komentari-osobno textarea"))).isEmpty();
		shot("reader-8-signed-out-again", By.id("komentari"));
	}

	/** A screenshot of the step, {@code centre} (when given) scrolled to the middle of the window. */
	private static void shot(String name, By centre) {
		if (centre != null) {
			browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", browser.findElement(centre));
		}
		Chromium.screenshot(browser, SCREENSHOTS.resolve("comments-" + name + "-1280.png"));
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
		signInAtIdentity(username, platform.accounts().get(username));
	}

	private static void signInAtIdentity(String username, String password) {
		WebElement name = waitFor(By.name("username"));
		name.sendKeys(username);
		browser.findElement(By.name("password")).sendKeys(password);
		browser.findElement(By.cssSelector("form button[type=submit], form input[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(driver -> driver.getCurrentUrl().startsWith(platform.url("gateway")));
	}

	private static WebElement waitFor(By selector) {
		return new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.presenceOfElementLocated(selector));
	}

	/** Waits until the element {@code selector} finds (found again on each look) shows {@code text}. */
	private static void waitForText(By selector, String text) {
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBe(selector, text));
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
