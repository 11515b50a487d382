package news.platform.site;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import news.platform.testsupport.Http;
import news.platform.testsupport.TestIssuer;
import news.platform.testsupport.browser.Chromium;
import news.platform.testsupport.launcher.PlatformLauncher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader in headless Chromium, through the gateway (the site's and the gateway's built jars,
 * started by the shared launcher; the services answered by {@link ServicesStub} in this JVM): the
 * home page, a section, a story, older stories and a search; no horizontal scroll on a phone or a
 * laptop; axe-core finds no serious or critical violation on the main pages. Screenshots go to
 * {@code <build dir>/screenshots} (the README says how to copy them into docs/).
 */
class SiteBrowserIT {

	private static final Path SCREENSHOTS = Path.of(System.getProperty("platform.build.directory", "target"),
			"screenshots");

	private static final ServicesStub services = ServicesStub.get();

	private static PlatformLauncher platform;

	private static ChromeDriver browser;

	private static ServicesStub.Story lead;

	@BeforeAll
	static void launch() {
		// skipped with a message without chromium and chromium-driver (.ci/run installs both)
		Chromium.assumeInstalled();
		Instant start = Instant.now().minus(Duration.ofHours(30));
		for (int i = 0; i < 24; i++) {
			ServicesStub.Story story = services.draft("hr-" + i, "vijest-iz-hrvatske-" + i, "vijesti/hrvatska",
					"Vijest iz Hrvatske broj " + i, "Kratki sažetak vijesti broj " + i + ".", "Odlomak teksta.");
			services.publish(story, start.plus(Duration.ofMinutes(i)));
		}
		services.publish(services.draft("sport-1", "rukometasi-u-finalu", "sport", "Rukometaši u finalu prvenstva",
				"Hrvatska reprezentacija igra za zlato.", "Utakmica je bila napeta do kraja."), start.plus(Duration.ofHours(1)));
		lead = services.publish(services.draft("lead", "novi-most-preko-save-otvoren-za-promet", "vijesti",
				"Novi most preko Save otvoren za promet",
				"Nakon dvije godine gradnje, most povezuje Novi Zagreb sa središtem grada.",
				"Most je dug 450 metara i ima po dvije trake u svakom smjeru, biciklističku stazu i nogostup.",
				"Gradonačelnik je na otvorenju rekao da će most skratiti putovanje za dvadeset minuta.",
				"Promet je pušten u subotu u podne."), start.plus(Duration.ofHours(2)));
		Instant now = Instant.now();
		for (int i = 1; i <= 22; i++) {
			services.comment(lead, null, "Čitatelj " + i, "Komentar broj " + i + " o novom mostu.",
					now.minus(Duration.ofMinutes(100 - i)));
		}
		ServicesStub.StubComment asked = services.comment(lead, null, "Marija Horvat",
				"Hoće li autobusi voziti preko mosta?\nPitam za susjedu.", now.minus(Duration.ofMinutes(5)));
		for (int i = 1; i <= 3; i++) {
			services.comment(lead, asked, "Ivan " + i, "Hoće, od ponedjeljka (odgovor " + i + ").",
					now.minus(Duration.ofMinutes(4 - i)));
		}
		platform = PlatformLauncher.configure("site", "gateway")
			.with("site", "platform.upstreams.article-service", services.url())
			.with("site", "platform.upstreams.comment-service", services.url())
			// the live comment stream goes through the gateway's own route to comment-service
			.with("gateway", "platform.upstreams.comment-service", services.url())
			.with("site", "platform.upstreams.media-service", services.url())
			.with("site", "platform.service-tokens.token-uri", TestIssuer.get().tokenUri())
			.with("site", "platform.service-tokens.client-secret", TestIssuer.CLIENT_SECRET)
			.launch();
		browser = Chromium.start(1280, 800);
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

	private static String gateway(String path) {
		return platform.url("gateway") + path;
	}

	@Test
	void aReaderOpensTheHomePageASectionAStoryOlderStoriesAndSearches() {
		browser.manage().window().setSize(new Dimension(1280, 800));
		browser.get(gateway("/"));
		assertThat(browser.findElement(By.cssSelector(".teaser.lead h2")).getText())
			.isEqualTo("Novi most preko Save otvoren za promet");
		Chromium.screenshot(browser, SCREENSHOTS.resolve("home-1280.png"));

		browser.findElement(By.cssSelector("nav.sections a[href$='/vijesti']")).click();
		waitForHeading("Vijesti");
		Chromium.screenshot(browser, SCREENSHOTS.resolve("section-1280.png"));
		browser.findElement(By.cssSelector("a[rel=next]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).withMessage(() -> "no older stories in:\n"
				+ browser.findElement(By.tagName("main")).getText())
			.until(driver -> !driver.findElements(By.linkText("Vijest iz Hrvatske broj 0")).isEmpty());
		Chromium.screenshot(browser, SCREENSHOTS.resolve("section-older-1280.png"));

		browser.get(gateway("/vijesti"));
		browser.findElement(By.linkText("Novi most preko Save otvoren za promet")).click();
		waitForHeading("Novi most preko Save otvoren za promet");
		assertThat(browser.getCurrentUrl()).endsWith(lead.path());
		Chromium.screenshot(browser, SCREENSHOTS.resolve("article-1280.png"));

		WebElement search = browser.findElement(By.cssSelector("form[role=search] input[name=q]"));
		search.sendKeys("Rukometaši");
		search.submit();
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> !driver.findElements(By.tagName("mark")).isEmpty());
		assertThat(browser.findElement(By.tagName("mark")).getText()).isEqualTo("Rukometaši");
		Chromium.screenshot(browser, SCREENSHOTS.resolve("search-1280.png"));
	}

	@Test
	void aReaderReadsTheCommentsInAnotherOrderWithMorePagesAndReplies() {
		browser.manage().window().setSize(new Dimension(1280, 800));
		browser.get(gateway(lead.path()));
		WebElement section = browser.findElement(By.id("komentari"));
		assertThat(section.findElement(By.tagName("h2")).getText()).isEqualTo("Komentari (26)");
		// posted 5 minutes before the launch, which may take a while on a busy machine
		assertThat(section.findElement(By.cssSelector(".comment-items > article.comment time")).getText())
			.matches("prije \\d+ minut[aeu]");
		Chromium.screenshot(browser, SCREENSHOTS.resolve("comments-1280.png"));

		// more replies, in place
		browser.findElement(By.linkText("Još odgovora")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until(driver -> driver.findElements(By.xpath("//p[contains(., 'odgovor 3')]")).size() == 1);

		// another order: htmx swaps the list (elements found before the swap go stale: looked up again)
		browser.findElement(By.linkText("Najstarije")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(driver -> driver
			.findElement(By.cssSelector("#komentari .comment-items > article.comment .comment-text"))
			.getText()
			.equals("Komentar broj 1 o novom mostu."));
		assertThat(browser.findElement(By.cssSelector(".comment-sorts a[aria-current=true]")).getText())
			.isEqualTo("Najstarije");

		// the next comments, added below
		browser.findElement(By.linkText("Još komentara")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(
				driver -> driver.findElements(By.cssSelector("#komentari .comment-items > article.comment")).size() == 23);
		assertThat(browser.getCurrentUrl()).endsWith(lead.path());
	}

	@Test
	void aNewCommentArrivesLiveWithoutMovingThePageAndTheStreamComesBackAfterADrop() {
		// a story of its own, so the other tests' counts stay as they are
		ServicesStub.Story story = services.publish(services.draft("live", "rasprava-o-mostu-uzivo", "vijesti",
				"Rasprava o mostu uživo", "Čitatelji komentiraju.", "Odlomak."), Instant.now().minus(Duration.ofHours(1)));
		for (int i = 1; i <= 15; i++) {
			services.comment(story, null, "Čitatelj " + i, "Raniji komentar broj " + i + ".",
					Instant.now().minus(Duration.ofMinutes(60 - i)));
		}
		browser.manage().window().setSize(new Dimension(1280, 800));
		browser.get(gateway(story.path()));
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
		wait.withMessage("the page did not open the live stream").until(driver -> services.liveStreams(story) > 0);

		// the list's top is in view: the comment goes in at its place (newest first)
		browser.executeScript("document.querySelector('#komentari .comment-items').scrollIntoView();");
		ServicesStub.StubComment live = services.comment(story, null, "Drugi čitatelj", "Stiže uživo <b>bez oznaka</b>",
				Instant.now());
		services.pushLive(live);
		wait.until(driver -> !driver.findElements(By.id("komentar-" + live.id())).isEmpty());
		WebElement first = browser.findElement(By.cssSelector("#komentari .comment-items > article.comment"));
		assertThat(first.getAttribute("id")).isEqualTo("komentar-" + live.id());
		assertThat(first.findElement(By.className("comment-text")).getText()).isEqualTo("Stiže uživo <b>bez oznaka</b>");

		// the reader is further down: nothing moves, a notice says what came
		browser.executeScript("window.scrollTo(0, document.body.scrollHeight);");
		Object before = browser.executeScript("return window.scrollY;");
		ServicesStub.StubComment above = services.comment(story, null, "Treći čitatelj", "Komentar iznad pogleda",
				Instant.now());
		services.pushLive(above);
		WebElement notice = wait.until(driver -> {
			List<WebElement> found = driver.findElements(By.cssSelector("button.comments-new"));
			return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
		});
		assertThat(notice.getText()).startsWith("Novi komentari: 1");
		assertThat(browser.findElements(By.id("komentar-" + above.id()))).isEmpty();
		assertThat(browser.executeScript("return window.scrollY;")).isEqualTo(before);
		notice.click();
		wait.until(driver -> !driver.findElements(By.id("komentar-" + above.id())).isEmpty());

		// the stream drops (a gateway restart): the page connects again and keeps receiving
		int opened = services.streamsOpened(story);
		services.dropStreams();
		wait.withMessage("the page did not reconnect")
			.until(driver -> services.streamsOpened(story) > opened && services.liveStreams(story) > 0);
		ServicesStub.StubComment again = services.comment(story, null, "Četvrti čitatelj", "Nakon prekida",
				Instant.now());
		services.pushLive(again);
		wait.until(driver -> !driver.findElements(By.id("komentar-" + again.id())).isEmpty());
		Chromium.screenshot(browser, SCREENSHOTS.resolve("comments-live-1280.png"));
	}

	@Test
	void noPageScrollsSidewaysOnAPhoneOrALaptop() {
		for (Dimension size : List.of(new Dimension(360, 740), new Dimension(1280, 800))) {
			browser.manage().window().setSize(size);
			for (String path : List.of("/", "/vijesti", lead.path(), "/trazi?q=most")) {
				browser.get(gateway(path));
				Object overflow = browser.executeScript(
						"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
				assertThat(((Number) overflow).intValue()).as(path + " at " + size).isLessThanOrEqualTo(0);
			}
			if (size.getWidth() == 360) {
				browser.get(gateway("/"));
				Chromium.screenshot(browser, SCREENSHOTS.resolve("home-360.png"));
				browser.get(gateway(lead.path()));
				Chromium.screenshot(browser, SCREENSHOTS.resolve("article-360.png"));
			}
		}
	}

	@Test
	void axeFindsNoSeriousOrCriticalViolationOnTheMainPages() {
		browser.manage().window().setSize(new Dimension(1280, 800));
		for (String path : List.of("/", "/vijesti", lead.path(), "/trazi?q=most")) {
			browser.get(gateway(path));
			Results results = new AxeBuilder().analyze(browser);
			List<String> serious = results.getViolations()
				.stream()
				.filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
				.map(SiteBrowserIT::describe)
				.toList();
			assertThat(serious).as(path).isEmpty();
		}
	}

	@Test
	void theGatewayPassesTheSitesOwnSecurityHeadersThrough() {
		Http.Response direct = Http.get(platform.url("site") + lead.path());
		Http.Response routed = Http.get(gateway(lead.path()));
		assertThat(routed.status()).isEqualTo(200);
		assertThat(routed.header("Content-Security-Policy")).isEqualTo(direct.header("Content-Security-Policy"))
			.contains("script-src 'self'");
		assertThat(routed.header("ETag")).isEqualTo(direct.header("ETag"));
		assertThat(routed.header("Cache-Control")).isEqualTo(direct.header("Cache-Control"));
		assertThat(routed.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(Http.get(gateway("/nema/ove/stranice")).status()).isEqualTo(404);
		assertThat(Http.get(gateway("/actuator/health")).status()).isEqualTo(404);
	}

	private static String describe(Rule rule) {
		return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " " + rule.getNodes()
			.stream()
			.map(node -> String.valueOf(node.getTarget()))
			.limit(3)
			.toList();
	}

	/** Waits for the page a click opened: both pages have a heading, so reading at once may see the old one. */
	private static void waitForHeading(String heading) {
		new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.withMessage(() -> "the heading is " + browser.findElement(By.tagName("h1")).getText())
			.until(driver -> heading.equals(driver.findElement(By.tagName("h1")).getText()));
	}

}
