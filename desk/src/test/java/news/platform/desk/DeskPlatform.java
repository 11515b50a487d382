package news.platform.desk;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import news.platform.testsupport.launcher.PlatformLauncher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One launch of the platform for every browser test class of the desk: launching identity, the
 * services, the site, the desk and the gateway as jars takes about a minute, so four classes each
 * launching their own spent most of the module's build time. The classes share the databases, so
 * each one makes the stories, pictures and comments it looks for and never counts what others made.
 * The processes stop when the test JVM exits.
 */
final class DeskPlatform {

	private static PlatformLauncher platform;

	private DeskPlatform() {
	}

	static synchronized PlatformLauncher get() {
		if (platform == null) {
			// the desk is told media-service's per-file limit of its test profile (PhotosIT uploads one over it)
			platform = PlatformLauncher
				.configure("identity", "article-service", "media-service", "comment-service", "site", "desk", "gateway")
				.with("desk", "desk.photos.max-file-size", "1MB")
				.launch();
			PlatformLauncher launched = platform;
			Runtime.getRuntime().addShutdownHook(new Thread(launched::close, "desk-platform-stop"));
		}
		return platform;
	}

	/** Forgets every sign-in: the desk's, the gateway's and identity's cookies, all on localhost. */
	static void signOut(ChromeDriver browser) {
		browser.get(get().url("gateway") + "/desk/assets/desk.css");
		browser.manage().deleteAllCookies();
		browser.get(get().url("identity") + "/login");
		browser.manage().deleteAllCookies();
	}

	/** Fills identity's sign-in form the desk sent the browser to, and waits to be back in the desk. */
	static void signIn(ChromeDriver browser, String username) {
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
		browser.findElement(By.name("username")).sendKeys(username);
		browser.findElement(By.name("password")).sendKeys(get().accounts().get(username));
		browser.findElement(By.cssSelector("form button[type=submit], form input[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(driver -> driver.getCurrentUrl().startsWith(get().url("gateway") + "/desk"));
	}

	/**
	 * Signs {@code username} in on the site from an article page, as a reader does: the page's
	 * "Prijava" link, identity's form, and back on the article.
	 */
	static void signInOnTheSite(ChromeDriver browser, String articleUrl, String username) {
		browser.get(articleUrl);
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#komentari-osobno a[href^='/prijava']")))
			.click();
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
		browser.findElement(By.name("username")).sendKeys(username);
		browser.findElement(By.name("password")).sendKeys(get().accounts().get(username));
		browser.findElement(By.cssSelector("form button[type=submit], form input[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.urlToBe(articleUrl));
		// the comment box is there only for a signed-in reader
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#komentari-osobno textarea[name=tekst]")));
	}

	/** Opens a desk page as {@code username}, signing in at identity when asked. */
	static void open(ChromeDriver browser, String path, String username) {
		browser.get(get().url("gateway") + path);
		if (!browser.findElements(By.name("username")).isEmpty()) {
			signIn(browser, username);
		}
		assertThat(browser.getCurrentUrl()).startsWith(get().url("gateway") + path.replaceAll("\\?.*", ""));
	}

	/**
	 * Presses a button that sends a form and waits until the browser shows the answer's page: a
	 * refusal page has the same ids as the page before it, so reading right after the click can
	 * reach the old page's element just as it goes (a stale element reference).
	 */
	static void submit(ChromeDriver browser, By button) {
		WebElement page = browser.findElement(By.tagName("html"));
		browser.findElement(button).click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(page));
	}

	/** A GET from the page, as its scripts make it (with its cookies): the status and the text of the answer. */
	static String fetchText(ChromeDriver browser, String path) {
		return (String) browser.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				fetch(arguments[0], { credentials: 'same-origin' })
				  .then(function (answer) { return answer.text().then(function (text) { done(answer.status + ' ' + text); }); })
				  .catch(function (error) { done('failed ' + error); });
				""", path);
	}

	/** How far the page is wider than the window: more than 0 is a horizontal scroll bar. */
	static long horizontalOverflow(ChromeDriver browser) {
		Object overflow = browser.executeScript(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		return ((Number) overflow).longValue();
	}

}
