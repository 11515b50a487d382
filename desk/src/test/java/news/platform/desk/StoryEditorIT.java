package news.platform.desk;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
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
 * The story editor as journalists and editors use it, in headless Chromium through the gateway:
 * writing with formatting, review with a return note, autosave, a scheduled publication, a
 * conflict between two people, restoring a revision, preview links; and the bad input it must
 * refuse (no CSRF token, a field over its limit, a {@code javascript:} link, a hostile paste, a
 * story the person may not see). Set-up and checks of what was stored go straight to
 * article-service with the person's token.
 */
class StoryEditorIT {

	private static final Path SCREENSHOTS = Path.of(System.getProperty("platform.build.directory", "target"),
			"screenshots");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static PlatformLauncher platform;

	private static ChromeDriver browser;

	private static String journalistToken;

	private static String editorToken;

	@BeforeAll
	static void launch() {
		Chromium.assumeInstalled();
		platform = DeskPlatform.get();
		browser = Chromium.start(1280, 800);
		journalistToken = platform.accessToken("journalist");
		editorToken = platform.accessToken("editor");
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
	void aStoryGoesFromWritingThroughReviewToItsScheduledPublication() throws Exception {
		// the journalist writes a story with a link, a heading and a list, and submits it
		DeskPlatform.open(browser, "/desk/prica/nova", "journalist");
		browser.findElement(By.id("headline")).sendKeys("Most preko Drave otvoren za promet");
		browser.findElement(By.id("standfirst")).sendKeys("Gradnja je trajala dvije godine.");
		assertThat(browser.findElement(By.id("slug")).getAttribute("value"))
			.isEqualTo("most-preko-drave-otvoren-za-promet");
		new Select(browser.findElement(By.id("section"))).selectByValue("vijesti");
		WebElement paragraph = blocks().get(0).findElement(By.cssSelector(".text"));
		paragraph.click();
		paragraph.sendKeys("Most je otvoren jutros. Više na stranici grada.");
		select(paragraph, "stranici grada");
		browser.findElement(By.id("link-href")).sendKeys("https://osijek.hr/most");
		browser.findElement(By.cssSelector(".toolbar button[data-command=link]")).click();
		addBlock("heading").sendKeys("Što slijedi");
		WebElement list = addBlock("list");
		list.sendKeys("prva faza");
		list.sendKeys(Keys.ENTER);
		list.sendKeys("druga faza");
		assertThat(browser.findElement(By.id("word-count")).getText()).isNotEqualTo("0");
		browser.findElement(By.id("save")).click();
		waitFor(driver -> driver.getCurrentUrl().contains("poruka=created"));
		String id = browser.getCurrentUrl().replaceAll(".*/prica/([^?]+)\\?.*", "$1");

		JsonNode stored = article(journalistToken, id);
		assertThat(stored.path("body").get(0).path("text").asString())
			.isEqualTo("Most je otvoren jutros. Više na stranici grada.");
		assertThat(stored.path("body").get(0).path("marks").get(0).path("href").asString())
			.isEqualTo("https://osijek.hr/most");
		assertThat(stored.path("body").get(1).path("type").asString()).isEqualTo("heading");
		assertThat(stored.path("body").get(2).path("items").valueStream().map(item -> item.path("text").asString()))
			.containsExactly("prva faza", "druga faza");
		assertThat(stored.path("slug").asString()).isEqualTo("most-preko-drave-otvoren-za-promet");

		assertNoSeriousAccessibilityViolations("the editor");
		Chromium.screenshot(browser, SCREENSHOTS.resolve("editor-1280x800.png"));
		browser.findElement(By.id("action-submit")).click();
		waitFor(driver -> driver.getCurrentUrl().contains("poruka=submit"));

		// the editor returns it with a note
		DeskPlatform.signOut(browser);
		DeskPlatform.open(browser, "/desk/prica/" + id, "editor");
		browser.findElement(By.id("return-note")).sendKeys("Dodaj izjavu gradonačelnika.");
		browser.findElement(By.id("action-return")).click();
		waitFor(driver -> driver.getCurrentUrl().contains("poruka=return"));

		// the journalist sees the note, fixes the story (autosaved) and resubmits
		DeskPlatform.signOut(browser);
		DeskPlatform.open(browser, "/desk/prica/" + id, "journalist");
		assertThat(browser.findElement(By.cssSelector(".return-note .note-text")).getText())
			.isEqualTo("Dodaj izjavu gradonačelnika.");
		WebElement first = blocks().get(0).findElement(By.cssSelector(".text"));
		first.click();
		first.sendKeys(Keys.END, " Gradonačelnik je zadovoljan.");
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-status"), "Automatski spremljeno"));
		assertThat(article(journalistToken, id).path("body").get(0).path("text").asString())
			.endsWith("Gradonačelnik je zadovoljan.");
		assertThat(history(id)).contains("autosave");
		browser.findElement(By.id("action-submit")).click();
		waitFor(driver -> driver.getCurrentUrl().contains("poruka=submit"));

		// the editor schedules it and it goes out at its time
		DeskPlatform.signOut(browser);
		DeskPlatform.open(browser, "/desk/prica/" + id, "editor");
		// the picker shows the browser's locale (en-US here); beside it the chosen time in Croatian words
		browser.executeScript("arguments[0].value = arguments[1];"
				+ "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
				browser.findElement(By.id("schedule-at")), "2026-12-04T14:05");
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions
			.textToBePresentInElementLocated(By.id("schedule-text"), "4. prosinca 2026. u 14:05 (zagrebačko vrijeme, UTC+1)"));
		// what the words' endpoint answers to what is not one time: 400 in words, escaped
		for (String bad : List.of("vrijeme=4.%2012.%202026.", "vrijeme=2026-13-04T14:05", "embargo=" + "9".repeat(41),
				"embargo=2026-12-04T14:05&vrijeme=2026-12-04T14:05", "vrijeme=%3Cscript%3E")) {
			assertThat(DeskPlatform.fetchText(browser, "/desk/vrijeme?" + bad)).as(bad)
				.isEqualTo("400 Vrijeme nije valjano: datum i sat, na primjer 5. 12. 2026. 14:05.");
		}
		String soon = LocalDateTime.now(ZoneId.of("Europe/Zagreb"))
			.plusSeconds(30)
			.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
		browser.executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id("schedule-at")), soon);
		browser.findElement(By.id("action-schedule")).click();
		waitFor(driver -> driver.getCurrentUrl().contains("poruka=schedule"));
		assertThat(browser.findElement(By.id("story-status")).getText()).isEqualTo("zakazano");
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> "PUBLISHED".equals(article(editorToken, id).path("status").asString()));
		browser.navigate().refresh();
		assertThat(browser.findElement(By.id("story-status")).getText()).isEqualTo("objavljeno");
	}

	@Test
	void theSecondOfTwoPeopleSeesWhatChangedAndKeepsTheirText() throws Exception {
		String id = create(journalistToken, "Sukob dviju izmjena", "Prvi odlomak.");
		DeskPlatform.open(browser, "/desk/prica/" + id, "editor");

		// meanwhile the journalist saves another version
		HttpResponse<String> theirs = send("PUT", "/api/v1/articles/" + id, journalistToken, "\"1\"", """
				{"headline": "Sukob dviju izmjena", "section": "vijesti",
				 "body": [{"type": "paragraph", "text": "Prvi odlomak, novinarova izmjena."}]}""");
		assertThat(theirs.statusCode()).as(theirs.body()).isEqualTo(200);

		browser.findElement(By.id("standfirst")).sendKeys("Urednikov uvod");
		WebElement paragraph = blocks().get(0).findElement(By.cssSelector(".text"));
		paragraph.click();
		paragraph.sendKeys(Keys.END, " Urednikova rečenica.");
		browser.findElement(By.id("save")).click();

		waitFor(driver -> !driver.findElements(By.cssSelector(".conflict")).isEmpty());
		assertThat(browser.findElement(By.cssSelector(".conflict .diff")).getText())
			.contains("Prvi odlomak, novinarova izmjena.");
		assertThat(browser.findElement(By.id("standfirst")).getAttribute("value")).isEqualTo("Urednikov uvod");
		assertThat(blocks().get(0).findElement(By.cssSelector(".text")).getText())
			.isEqualTo("Prvi odlomak. Urednikova rečenica.");
		Chromium.screenshot(browser, SCREENSHOTS.resolve("editor-conflict.png"));

		// keeping their own version: saved over the other, nothing typed lost
		browser.findElement(By.id("save")).click();
		waitFor(driver -> driver.getCurrentUrl().contains("poruka=saved"));
		JsonNode stored = article(editorToken, id);
		assertThat(stored.path("standfirst").asString()).isEqualTo("Urednikov uvod");
		assertThat(stored.path("body").get(0).path("text").asString()).isEqualTo("Prvi odlomak. Urednikova rečenica.");
		assertThat(stored.path("revision").asLong()).isEqualTo(3);
	}

	@Test
	void anEditorComparesRevisionsSideBySideAndRestoresAnEarlierOne() throws Exception {
		String id = create(editorToken, "Prvi naslov", "Izvorni tekst.");
		for (int etag = 1; etag <= 2; etag++) {
			HttpResponse<String> changed = send("PATCH", "/api/v1/articles/" + id, editorToken, "\"" + etag + "\"",
					"{\"headline\": \"Naslov " + (etag + 1) + "\", \"body\": [{\"type\": \"paragraph\", \"text\": \"Tekst "
							+ (etag + 1) + ".\"}]}");
			assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		}

		DeskPlatform.open(browser, "/desk/prica/" + id + "/povijest?od=1&do=3", "editor");
		String diff = browser.findElement(By.cssSelector("table.diff")).getText();
		assertThat(diff).contains("Prvi naslov").contains("Naslov 3").contains("Izvorni tekst.").contains("Tekst 3.");
		Chromium.screenshot(browser, SCREENSHOTS.resolve("history-diff.png"));
		browser.findElement(By.cssSelector("#revision-1 button.restore")).click();

		waitFor(driver -> driver.getCurrentUrl().contains("poruka=restored"));
		assertThat(browser.findElement(By.id("headline")).getAttribute("value")).isEqualTo("Prvi naslov");
		JsonNode stored = article(editorToken, id);
		assertThat(stored.path("body").get(0).path("text").asString()).isEqualTo("Izvorni tekst.");
	}

	@Test
	void anOutsiderOpensAPreviewLinkWhichStopsWorkingOnceRevoked() throws Exception {
		String id = create(journalistToken, "Pregled prije objave", "Tekst za pregled.");
		DeskPlatform.open(browser, "/desk/prica/" + id, "journalist");
		browser.findElement(By.id("create-preview")).click();
		waitFor(driver -> driver.getCurrentUrl().contains("poruka=preview"));
		String link = browser.findElement(By.cssSelector("a.preview-url")).getAttribute("href");

		DeskPlatform.signOut(browser);
		browser.get(link);
		assertThat(browser.getPageSource()).contains("Pregled prije objave").contains("Tekst za pregled.");

		DeskPlatform.open(browser, "/desk/prica/" + id, "journalist");
		browser.findElement(By.cssSelector(".preview-links button.revoke")).click();
		waitFor(driver -> driver.getCurrentUrl().contains("poruka=revoked"));
		assertThat(browser.findElements(By.cssSelector("a.preview-url"))).isEmpty();

		DeskPlatform.signOut(browser);
		browser.get(link);
		assertThat(browser.getPageSource()).doesNotContain("Tekst za pregled.");
	}

	@Test
	void aHeadlineOverItsLimitOrAJavascriptLinkIsMarkedAndNothingIsSaved() throws Exception {
		String id = create(journalistToken, "Granice polja", "Tekst.");
		DeskPlatform.open(browser, "/desk/prica/" + id, "journalist");

		WebElement headline = browser.findElement(By.id("headline"));
		headline.clear();
		headline.sendKeys("N".repeat(301));
		browser.findElement(By.id("save")).click();
		waitFor(driver -> "true".equals(driver.findElement(By.id("headline")).getAttribute("aria-invalid")));
		assertThat(browser.findElement(By.id("problem-headline")).getText()).contains("300");
		assertThat(article(journalistToken, id).path("revision").asLong()).isEqualTo(1);

		DeskPlatform.open(browser, "/desk/prica/" + id, "journalist");
		// what a crafted page, an extension or an old browser could leave in a block (the toolbar is
		// exercised by the writing test); the server must refuse it whatever the browser did
		WebElement paragraph = blocks().get(0).findElement(By.cssSelector(".text"));
		browser.executeScript("arguments[0].innerHTML = 'Tekst <a href=\"javascript:alert(document.cookie)\">ovdje</a>';"
				+ "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", paragraph);
		browser.findElement(By.id("save")).click();
		waitFor(driver -> !driver.findElements(By.cssSelector(".block .text[aria-invalid=true]")).isEmpty());
		assertThat(browser.findElement(By.cssSelector(".block .problem")).getText()).contains("http");
		assertThat(article(journalistToken, id).path("revision").asLong()).isEqualTo(1);
	}

	@Test
	void aHostilePasteKeepsOnlyTheAllowedFormattingAndTheServerChecksIt() throws Exception {
		String id = create(journalistToken, "Zalijepljeni tekst", "Tekst.");
		DeskPlatform.open(browser, "/desk/prica/" + id, "journalist");

		// in the browser: DOMPurify cleans what is pasted
		WebElement paragraph = blocks().get(0).findElement(By.cssSelector(".text"));
		paragraph.click();
		paragraph.sendKeys(Keys.END);
		browser.executeScript("""
				const data = new DataTransfer();
				data.setData('text/html', arguments[1]);
				data.setData('text/plain', 'x');
				arguments[0].dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
				""", paragraph, " <b onclick=\"x()\">podebljano</b><script>window.pwned=1</script>"
				+ "<iframe src=\"https://evil.example\"></iframe><span style=\"color:red\">obojeno</span>");
		String html = (String) browser.executeScript("return arguments[0].innerHTML;", paragraph);
		assertThat(html).contains("<b>podebljano</b>", "obojeno")
			.doesNotContain("onclick", "<script", "<iframe", "color:red");
		assertThat(browser.executeScript("return window.pwned === undefined;")).isEqualTo(true);
		// the paste is autosaved a few seconds later (and the page has nothing left unsaved)
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.id("save-status"), "Automatski spremljeno"));
		assertThat(article(journalistToken, id).path("body").get(0).path("marks").toString()).contains("bold");
		long revision = article(journalistToken, id).path("revision").asLong();

		// on the server, which is the check that counts: the raw HTML posted as the form would post it
		String csrf = browser.findElement(By.cssSelector("#story-form input[name=_csrf]")).getAttribute("value");
		String blocks = JSON.writeValueAsString(List.of(Map.of("type", "paragraph", "html",
				"Uvod <b onmouseover=\"steal()\">jako</b> <i style=\"x\">nagnuto</i> "
						+ "<a href=\"https://primjer.hr/a\" onclick=\"x()\">veza</a>"
						+ "<script>alert(1)</script><iframe src=\"https://evil.example\"></iframe>"
						+ "<img src=x onerror=alert(1)><style>p{}</style> kraj.")));
		HttpResponse<String> saved = postForm("/desk/prica/" + id, Map.of("_csrf", csrf, "verzija", String.valueOf(revision), "headline",
				"Zalijepljeni tekst", "blocks", blocks, "language", "hr"));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);

		JsonNode body = article(journalistToken, id).path("body").get(0);
		assertThat(body.path("text").asString()).isEqualTo("Uvod jako nagnuto veza kraj.");
		assertThat(body.path("marks")
			.valueStream()
			.map(mark -> mark.path("type").asString() + " " + mark.path("start").asInt() + "-" + mark.path("end").asInt()
					+ " " + mark.path("href").asString("")))
			.containsExactly("bold 5-9 ", "italic 10-17 ", "link 18-22 https://primjer.hr/a");
	}

	@Test
	void aSaveWithoutItsCsrfTokenIsAForbiddenPageAndSavesNothing() throws Exception {
		String id = create(journalistToken, "Bez tokena", "Tekst.");
		DeskPlatform.open(browser, "/desk/prica/" + id, "journalist");

		HttpResponse<String> refused = postForm("/desk/prica/" + id,
				Map.of("verzija", "1", "headline", "Promijenjeno bez tokena", "bodyText", "Novo."));

		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("Pristup nije dopušten").doesNotContain("Exception");
		assertThat(article(journalistToken, id).path("headline").asString()).isEqualTo("Bez tokena");
	}

	@Test
	void aStoryThePersonMayNotSeeIsTheSame404AsAMissingOne() throws Exception {
		String editorsDraft = create(editorToken, "Urednikov nacrt", "Tajno.");

		DeskPlatform.open(browser, "/desk/prica/" + editorsDraft, "journalist");
		String hidden = browser.findElement(By.tagName("main")).getText();
		browser.get(platform.url("gateway") + "/desk/prica/000000000000000000000000");
		String missing = browser.findElement(By.tagName("main")).getText();

		assertThat(hidden).isEqualTo(missing).contains("Stranica ne postoji").doesNotContain("Urednikov nacrt");
		assertThat(browser.findElements(By.id("story-form"))).isEmpty();
	}

	// --- the person and their pages -------------------------------------------------------------



	private static List<WebElement> blocks() {
		return browser.findElements(By.cssSelector("#blocks > li.block"));
	}

	/** Adds a block of {@code type} after the current one and answers its text (or first field). */
	private static WebElement addBlock(String type) {
		new Select(browser.findElement(By.id("new-block-type"))).selectByValue(type);
		browser.findElement(By.id("add-block")).click();
		List<WebElement> all = blocks();
		WebElement added = browser.switchTo().activeElement();
		assertThat(all).isNotEmpty();
		return added;
	}

	/** Selects {@code words} inside an editable block, as a person dragging over them would. */
	private static void select(WebElement editable, String words) {
		browser.executeScript("""
				const root = arguments[0], words = arguments[1];
				const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
				let node;
				while ((node = walker.nextNode())) {
				  const at = node.textContent.indexOf(words);
				  if (at >= 0) {
				    const range = document.createRange();
				    range.setStart(node, at);
				    range.setEnd(node, at + words.length);
				    const selection = window.getSelection();
				    selection.removeAllRanges();
				    selection.addRange(range);
				    return;
				  }
				}
				throw new Error('not found: ' + words);
				""", editable, words);
	}


	private static void waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
		// a condition may find an element of the page a form's answer is replacing: asked again then
		new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
			.until(condition);
	}

	private static void assertNoSeriousAccessibilityViolations(String what) {
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze(browser);
		List<String> serious = results.getViolations()
			.stream()
			.filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " " + rule.getNodes())
			.toList();
		assertThat(serious).as("serious or critical axe-core violations on " + what).isEmpty();
	}

	// --- article-service, straight (set-up and what was stored) ---------------------------------

	private static String create(String token, String headline, String text) throws Exception {
		HttpResponse<String> created = send("POST", "/api/v1/articles", token, null, """
				{"headline": "%s", "section": "vijesti", "body": [{"type": "paragraph", "text": "%s"}]}"""
			.formatted(headline, text));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JSON.readTree(created.body()).path("id").asString();
	}

	private static JsonNode article(String token, String id) throws Exception {
		HttpResponse<String> answer = send("GET", "/api/v1/articles/" + id, token, null, null);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return JSON.readTree(answer.body());
	}

	private static String history(String id) throws Exception {
		return send("GET", "/api/v1/articles/" + id + "/revisions", editorToken, null, null).body();
	}

	private static HttpResponse<String> send(String method, String path, String token, String ifMatch, String json)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.url("article-service") + path))
			.header("Authorization", "Bearer " + token)
			.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A form post to the desk with the browser's session cookie, as a page (or a forger) would send it. */
	private static HttpResponse<String> postForm(String path, Map<String, String> fields) throws Exception {
		String cookies = browser.manage()
			.getCookies()
			.stream()
			.map(cookie -> cookie.getName() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
		String form = fields.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(platform.url("gateway") + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.header("Cookie", cookies)
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
