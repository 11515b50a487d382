package news.platform.desk;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import news.platform.testsupport.browser.Chromium;
import news.platform.testsupport.launcher.PlatformLauncher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor's tag and author suggestions and one's own author profile, an agency's pending update
 * (dashboard shelves, apply and discard), translations and import, in headless Chromium through
 * the gateway, with the bad input each must refuse. Set-up and checks of what was stored go
 * straight to article-service with the person's token.
 */
class NewsroomToolsIT {

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
	void tagsAndAuthorsAreChosenFromSuggestionsAndANewTagIsMadeByName() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		HttpResponse<String> tag = send("POST", "/api/v1/tags", editorToken, null,
				"{\"name\": \"Tramvajska pruga " + suffix + "\"}", "application/json");
		assertThat(tag.statusCode()).as(tag.body()).isEqualTo(201);
		String id = create(journalistToken, "Priča s oznakama " + suffix, "hr");
		// nobody else makes the journalist's profile: the editor offers it
		assertThat(send("GET", "/api/v1/authors/me", journalistToken, null, null, null).statusCode()).isEqualTo(404);

		DeskPlatform.open(browser, "/desk/prica/" + id, "journalist");
		browser.findElement(By.id("create-profile")).click();
		waitFor(driver -> driver.getCurrentUrl().contains("poruka=profile"));
		assertThat(browser.findElements(By.id("create-profile"))).isEmpty();
		JsonNode profile = JSON.readTree(send("GET", "/api/v1/authors/me", journalistToken, null, null, null).body());
		String name = profile.path("name").asString();

		// the tag: typed, suggested, chosen with the keyboard; then a tag nobody has made yet
		WebElement tags = browser.findElement(By.id("tags"));
		tags.sendKeys("tramvajsk");
		WebElement option = waitForOption("tags-options", "Tramvajska pruga " + suffix);
		assertThat(tags.getAttribute("aria-expanded")).isEqualTo("true");
		tags.sendKeys(Keys.ARROW_DOWN);
		assertThat(tags.getAttribute("aria-activedescendant")).isEqualTo(option.getAttribute("id"));
		tags.sendKeys(Keys.ENTER);
		assertThat(tags.getAttribute("value")).isEqualTo("Tramvajska pruga " + suffix + ", ");
		tags.sendKeys("Nova oznaka " + suffix);

		// the author, by name
		WebElement authors = browser.findElement(By.id("authors"));
		authors.sendKeys(name.split(" ")[0]);
		waitForOption("authors-options", name).click();
		assertThat(authors.getAttribute("value")).isEqualTo(name + ", ");

		browser.findElement(By.id("save")).click();
		waitFor(driver -> driver.getCurrentUrl().contains("poruka=saved"));
		JsonNode stored = article(journalistToken, id);
		assertThat(stored.path("tags").valueStream().map(t -> t.path("name").asString()))
			.containsExactly("Tramvajska pruga " + suffix, "Nova oznaka " + suffix);
		assertThat(stored.path("authors").valueStream().map(a -> a.path("slug").asString()))
			.containsExactly(profile.path("slug").asString());
		// the editor shows authors by name
		assertThat(browser.findElement(By.id("authors")).getAttribute("value")).isEqualTo(name);

		// the suggestions open: no serious or critical accessibility violation
		browser.findElement(By.id("tags")).sendKeys(Keys.END, ", tramvajsk");
		waitForOption("tags-options", "Tramvajska pruga " + suffix);
		Chromium.screenshot(browser, SCREENSHOTS.resolve("editor-suggestions-1280x800.png"));
		assertNoSeriousAccessibilityViolations("the editor with suggestions open");

		// bad input: a word over article-service's limit is not asked about, and nothing breaks
		HttpResponse<String> tooLong = get("/desk/predlozi/oznake?tags=" + "a".repeat(101));
		assertThat(tooLong.statusCode()).isEqualTo(400);
		assertThat(tooLong.body()).contains("role=\"listbox\"").doesNotContain("role=\"option\"");
	}

	@Test
	void anEditorAppliesOrDiscardsAnAgencysPendingUpdate() throws Exception {
		String uri = "urn:newsml:desk.test:" + UUID.randomUUID();
		HttpResponse<String> imported = send("POST", "/api/v1/articles/import", editorToken, null,
				ninjs(uri, "2", "Agencija javlja prvu verziju"), "application/ninjs+json");
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(201);
		String id = JSON.readTree(imported.body()).path("id").asString();
		HttpResponse<String> published = send("POST", "/api/v1/articles/" + id + "/publish", editorToken,
				imported.headers().firstValue("ETag").orElseThrow(), null, null);
		assertThat(published.statusCode()).as(published.body()).isEqualTo(200);
		assertThat(send("POST", "/api/v1/articles/import", journalistToken, null,
				ninjs(uri, "3", "Agencija javlja treću verziju"), "application/ninjs+json").statusCode()).isEqualTo(202);

		// the dashboard's agency shelves: the story, or (article-service without the agency filter) a quiet notice
		DeskPlatform.open(browser, "/desk/", "editor");
		String shelf = browser.findElement(By.id("agency-pending-update")).getText();
		assertThat(shelf).satisfiesAnyOf(text -> assertThat(text).contains("Agencija javlja prvu verziju"),
				text -> assertThat(text).contains("Ovaj popis još nije dostupan."));
		assertThat(browser.findElement(By.id("agency-withdrawn")).isDisplayed()).isTrue();
		assertThat(browser.findElements(By.cssSelector(".counts li"))).isNotEmpty();

		DeskPlatform.open(browser, "/desk/prica/" + id, "editor");
		assertThat(browser.findElement(By.cssSelector("#agencija .pending-update")).getText())
			.contains("Agencija javlja treću verziju");
		browser.findElement(By.id("agency-apply")).click();
		waitFor(driver -> driver.getCurrentUrl().contains("poruka=agency-applied"));
		assertThat(article(editorToken, id).path("headline").asString()).isEqualTo("Agencija javlja treću verziju");
		assertThat(browser.findElement(By.id("agencija")).getText()).contains("Nema novog ažuriranja agencije.");

		// a newer one is discarded: the story stays
		assertThat(send("POST", "/api/v1/articles/import", journalistToken, null,
				ninjs(uri, "4", "Agencija javlja četvrtu verziju"), "application/ninjs+json").statusCode()).isEqualTo(202);
		browser.navigate().refresh();
		// a stale revision is refused in words, nothing changes
		HttpResponse<String> stale = postForm("/desk/prica/" + id + "/agencija/odbaci", "verzija", "1");
		assertThat(stale.statusCode()).isEqualTo(412);
		assertThat(stale.body()).contains("u međuvremenu promijenili");
		browser.findElement(By.id("agency-discard")).click();
		waitFor(driver -> driver.getCurrentUrl().contains("poruka=agency-discarded"));
		assertThat(article(editorToken, id).path("headline").asString()).isEqualTo("Agencija javlja treću verziju");
	}

	@Test
	void anEditorLinksTranslationsAndARefusalNamesTheItem() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		String croatian = create(editorToken, "Izbori u gradu " + suffix, "hr");
		String english = create(editorToken, "City elections " + suffix, "en");

		DeskPlatform.open(browser, "/desk/prica/" + croatian + "/prijevodi", "editor");
		WebElement field = browser.findElement(By.id("translation-ids"));
		field.sendKeys(english + "\nnije-priča!");
		DeskPlatform.submit(browser, By.id("save-translations"));
		assertThat(browser.findElement(By.id("translations-problems")).getText()).contains("2. stavka (nije-priča!)");

		field = browser.findElement(By.id("translation-ids"));
		field.clear();
		field.sendKeys(english + "\n000000000000000000000000");
		DeskPlatform.submit(browser, By.id("save-translations"));
		assertThat(browser.findElement(By.id("translations-problems")).getText())
			.contains("2. stavka (000000000000000000000000)");
		assertThat(send("GET", "/api/v1/articles/" + croatian + "/translations", editorToken, null, null, null).body())
			.doesNotContain(english);

		field = browser.findElement(By.id("translation-ids"));
		field.clear();
		field.sendKeys(platform.url("gateway") + "/desk/prica/" + english);
		DeskPlatform.submit(browser, By.id("save-translations"));
		waitFor(driver -> driver.getCurrentUrl().contains("poruka=saved"));
		assertThat(send("GET", "/api/v1/articles/" + croatian + "/translations", editorToken, null, null, null).body())
			.contains(english);

		DeskPlatform.open(browser, "/desk/prica/" + croatian, "editor");
		assertThat(browser.findElement(By.id("prijevodi")).getText()).contains("City elections " + suffix);
	}

	@Test
	void pastedTextAndNinjsFilesAreImportedAndBadInputIsSaidInWords() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		DeskPlatform.open(browser, "/desk/uvoz", "journalist");
		assertNoSeriousAccessibilityViolations("the import page");

		// an empty paste is marked, nothing is asked
		DeskPlatform.submit(browser, By.id("import-text-submit"));
		assertThat(browser.findElement(By.id("problem-text")).getText()).isEqualTo("Zalijepite tekst koji želite uvesti.");

		browser.findElement(By.id("import-text")).sendKeys("Požar u skladištu " + suffix + "\n\nVatrogasci su stigli brzo. Više na https://primjer.hr/pozar");
		DeskPlatform.submit(browser, By.id("import-text-submit"));
		waitFor(driver -> driver.getCurrentUrl().contains("poruka=imported"));
		// article-service proposes the headline from the text; the body holds the text
		assertThat(browser.findElement(By.id("headline")).getAttribute("value")).isNotBlank();
		assertThat(browser.findElement(By.id("blocks")).getText()).contains("Vatrogasci su stigli brzo.");

		// one ninjs item opens as a draft
		browser.get(platform.url("gateway") + "/desk/uvoz");
		upload("item.json", ninjs("urn:newsml:desk.test:" + UUID.randomUUID(), "1", "Jedna vijest " + suffix));
		waitFor(driver -> driver.getCurrentUrl().contains("poruka=imported"));
		assertThat(browser.findElement(By.id("headline")).getAttribute("value")).isEqualTo("Jedna vijest " + suffix);

		// a batch as NDJSON: a result per item, the bad one in words
		browser.get(platform.url("gateway") + "/desk/uvoz");
		String good = ninjs("urn:newsml:desk.test:" + UUID.randomUUID(), "1", "Prva iz paketa " + suffix);
		String bad = "{\"uri\": \"urn:newsml:desk.test:" + UUID.randomUUID() + "\", \"type\": \"text\", \"headlines\": 5}";
		upload("batch.ndjson", good.replace("\n", " ") + "\n" + bad + "\n");
		List<WebElement> results = browser.findElements(By.cssSelector("#import-results > li"));
		assertThat(results).hasSize(2);
		assertThat(results.get(0).getText()).contains("Novi nacrt").contains("Otvori priču");
		// article-service's refusal (its type) in the page's language, with the JSON path it names
		assertThat(results.get(1).getText()).contains("Odbijeno", "Vijest ne odgovara shemi ninjs 2.1.", "$.headlines")
			.doesNotContain("Not a valid");
		Chromium.screenshot(browser, SCREENSHOTS.resolve("import-results-1280x800.png"));

		// a file that is not JSON, and a batch over 100: refused here, nothing sent
		upload("notes.json", "ovo nije JSON");
		assertThat(browser.findElement(By.id("problem-file")).getText()).contains("nije JSON");
		String hundredAndOne = IntStream.range(0, 101)
			.mapToObj(i -> "{\"uri\": \"urn:newsml:desk.test:many-" + suffix + "-" + i + "\", \"type\": \"text\"}")
			.collect(Collectors.joining(",", "[", "]"));
		upload("many.json", hundredAndOne);
		assertThat(browser.findElement(By.id("problem-file")).getText()).contains("više od 100");
	}

	// --- the person and their pages -------------------------------------------------------------


	private static WebElement waitForOption(String listId, String text) {
		return new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> driver
			.findElements(By.cssSelector("#" + listId + " [role=option]"))
			.stream()
			.filter(o -> o.isDisplayed() && o.getText().startsWith(text))
			.findFirst()
			.orElse(null));
	}

	private static void upload(String name, String content) throws Exception {
		Path file = Files.createTempDirectory("desk-import").resolve(name);
		Files.writeString(file, content);
		browser.findElement(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
		browser.findElement(By.id("import-file-submit")).click();
		waitFor(driver -> driver.findElements(By.id("import-file")).isEmpty()
				|| !driver.findElement(By.id("import-file")).getAttribute("value").endsWith(name));
	}

	private static void waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
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

	private static String ninjs(String uri, String version, String headline) {
		return """
				{"uri": "%s", "type": "text", "version": "%s", "versioncreated": "2026-12-05T07:0%s:00Z",
				 "language": "hr", "headlines": [{"role": "main", "value": "%s"}],
				 "bodies": [{"role": "text", "contenttype": "text/plain", "value": "Tekst agencije, verzija %s."}]}"""
			.formatted(uri, version, version, headline, version);
	}

	private static String create(String token, String headline, String language) throws Exception {
		HttpResponse<String> created = send("POST", "/api/v1/articles", token, null, """
				{"headline": "%s", "section": "vijesti", "language": "%s",
				 "body": [{"type": "paragraph", "text": "Tekst."}]}""".formatted(headline, language), "application/json");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return JSON.readTree(created.body()).path("id").asString();
	}

	private static JsonNode article(String token, String id) throws Exception {
		HttpResponse<String> answer = send("GET", "/api/v1/articles/" + id, token, null, null, null);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return JSON.readTree(answer.body());
	}

	private static HttpResponse<String> send(String method, String path, String token, String ifMatch, String body,
			String contentType) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.url("article-service") + path))
			.header("Authorization", "Bearer " + token)
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String cookies() {
		return browser.manage()
			.getCookies()
			.stream()
			.map(cookie -> cookie.getName() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
	}

	/** A GET of a desk address with the browser's session, as htmx would send it. */
	private static HttpResponse<String> get(String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(platform.url("gateway") + path))
				.header("Cookie", cookies())
				.header("HX-Request", "true")
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A form post with the browser's session and the page's CSRF token. */
	private static HttpResponse<String> postForm(String path, String... fields) throws Exception {
		String csrf = browser.findElement(By.name("_csrf")).getAttribute("value");
		StringBuilder form = new StringBuilder("_csrf=").append(URLEncoder.encode(csrf, StandardCharsets.UTF_8));
		for (int i = 0; i < fields.length; i += 2) {
			form.append('&')
				.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
		}
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(platform.url("gateway") + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.header("Cookie", cookies())
				.POST(HttpRequest.BodyPublishers.ofString(form.toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

}
