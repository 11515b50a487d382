package news.platform.desk;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import news.platform.testsupport.browser.Chromium;
import news.platform.testsupport.launcher.PlatformLauncher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The photo desk in headless Chromium through the gateway, against identity, article-service and
 * media-service (its test profile: 1 MB per file): an editor uploads three pictures at once with a
 * file that is not a picture, an empty one and one over the limit (each gets its own message, the
 * others are saved), sets a focal point by clicking and sees the crops change, is told a point
 * outside the picture is not one, describes the picture, and cannot delete it while a published
 * story uses it.
 */
class PhotosIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Path SCREENSHOTS = Path.of(System.getProperty("platform.build.directory", "target"),
			"screenshots");

	private static PlatformLauncher platform;

	private static ChromeDriver browser;

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

	@Test
	void anEditorUploadsSeveralPicturesSetsAFocalPointAndCannotDeleteOneAPublishedStoryUses(@TempDir Path files)
			throws Exception {
		Path bridge = picture(files, "most-drava.png", Color.BLUE);
		Path river = picture(files, "rijeka.png", Color.GREEN);
		Path town = picture(files, "grad.png", Color.RED);
		Path notAPicture = Files.writeString(files.resolve("popis.txt"), "ovo nije fotografija\n");
		Path empty = Files.write(files.resolve("prazna.png"), new byte[0]);
		byte[] noise = new byte[1_200_000];
		new Random(7).nextBytes(noise);
		Path tooLarge = Files.write(files.resolve("prevelika.png"), noise);

		browser.get(platform.url("gateway") + "/desk/fotografije");
		signIn("editor");
		browser.findElement(By.id("upload-files"))
			.sendKeys(String.join("\n", List.of(bridge, notAPicture, river, empty, town, tooLarge)
				.stream()
				.map(path -> path.toAbsolutePath().toString())
				.toList()));
		browser.findElement(By.cssSelector("form.upload button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(60))
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".uploads")));

		List<String> results = browser.findElements(By.cssSelector(".upload-result")).stream().map(WebElement::getText).toList();
		assertThat(results).hasSize(6);
		assertThat(results.get(0)).startsWith("most-drava.png: spremljeno.");
		assertThat(results.get(1)).startsWith("popis.txt: to nije fotografija");
		assertThat(results.get(2)).startsWith("rijeka.png: spremljeno.");
		assertThat(results.get(3)).startsWith("prazna.png: datoteka je prazna");
		assertThat(results.get(4)).startsWith("grad.png: spremljeno.");
		assertThat(results.get(5)).startsWith("prevelika.png: datoteka je prevelika");

		Results accessibility = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze(browser);
		assertThat(accessibility.getViolations()
			.stream()
			.filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.map(rule -> rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes())
			.toList()).as("serious or critical axe-core violations on the library").isEmpty();
		assertThat(horizontalOverflow()).isLessThanOrEqualTo(0);
		Chromium.screenshot(browser, SCREENSHOTS.resolve("photos-library-1280x800.png"));
		browser.manage().window().setSize(new Dimension(768, 1024));
		try {
			assertThat(horizontalOverflow()).as("no horizontal scroll at 768×1024").isLessThanOrEqualTo(0);
		}
		finally {
			browser.manage().window().setSize(new Dimension(1280, 800));
		}

		// the first picture: a click on its left upper part moves the focal point, the crops follow
		browser.findElements(By.cssSelector(".upload-result a")).get(0).click();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("focal-image")));
		String photoUrl = browser.getCurrentUrl();
		String mediaId = photoUrl.substring(photoUrl.lastIndexOf('/') + 1);
		String cardBefore = crop("card");
		assertThat(cardBefore).contains("fp=0.5,0.5");
		// a window tall enough for the whole picture: WebDriver's offsets start at the centre of the
		// element's visible part
		browser.manage().window().setSize(new Dimension(1280, 1600));
		WebElement image = browser.findElement(By.id("focal-image"));
		int width = image.getRect().getWidth();
		int height = image.getRect().getHeight();
		new Actions(browser).moveToElement(image, -width / 2 + width / 5, -height / 2 + height / 4).click().perform();
		new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
			.until(driver -> !crop("card").equals(cardBefore));
		assertThat(crop("card")).matches(".*fp=0\\.[12][0-9]*,0\\.2[0-9]*.*");
		assertThat(browser.findElement(By.id("focal")).getText()).contains("Žarište je postavljeno");
		browser.manage().window().setSize(new Dimension(1280, 800));
		Chromium.screenshot(browser, SCREENSHOTS.resolve("photos-photo-1280x800.png"));

		// a focal point outside the picture: said, nothing saved
		WebElement x = browser.findElement(By.id("focal-x"));
		x.clear();
		x.sendKeys("1.5");
		String cardAfterClick = crop("card");
		browser.findElement(By.cssSelector("#focal-form button[type=submit]")).click();
		awaitText(By.id("focal"), "Žarište mora biti na fotografiji");
		assertThat(crop("card")).isEqualTo(cardAfterClick);

		// the texts, at the version the focal point left (the form follows it)
		browser.findElement(By.id("meta-alt")).sendKeys("Novi most preko Drave u sumrak");
		browser.findElement(By.id("meta-caption")).sendKeys("Most preko Drave kod Osijeka");
		browser.findElement(By.id("meta-tags")).sendKeys("Osijek, mostovi");
		browser.findElement(By.cssSelector("#meta-form button[type=submit]")).click();
		awaitText(By.tagName("main"), "Spremljeno.");
		assertThat(browser.findElement(By.id("meta-alt")).getAttribute("value")).isEqualTo("Novi most preko Drave u sumrak");

		// a published story uses it as its hero: delete is refused, and the page says why
		String editor = platform.accessToken("editor");
		JsonNode article = send("POST", platform.url("article-service") + "/api/v1/articles", editor,
				"{\"headline\":\"Most preko Drave\",\"section\":\"vijesti\",\"heroMediaId\":\"" + mediaId + "\","
						+ "\"body\":[{\"type\":\"paragraph\",\"text\":\"Most je otvoren.\"}]}",
				201);
		send("POST", platform.url("article-service") + "/api/v1/articles/" + article.path("id").asString() + "/publish",
				editor, null, 200);
		new WebDriverWait(browser, Duration.ofSeconds(30)).until(driver -> {
			driver.navigate().refresh();
			return driver.findElement(By.id("usage-heading")).findElement(By.xpath("..")).getText().contains("objavljeno");
		});
		browser.findElement(By.cssSelector("form.delete button[type=submit]")).click();
		awaitText(By.tagName("main"), "ne može obrisati dok je koristi objavljena priča");
		assertThat(browser.findElement(By.id("focal-image")).isDisplayed()).isTrue();
	}

	private static Path picture(Path folder, String name, Color colour) throws Exception {
		BufferedImage image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setPaint(new GradientPaint(0, 0, colour, 800, 600, Color.WHITE));
		graphics.fillRect(0, 0, 800, 600);
		graphics.dispose();
		Path file = folder.resolve(name);
		ImageIO.write(image, "png", file.toFile());
		return file;
	}

	private static String crop(String preset) {
		return browser.findElement(By.cssSelector("img.crop[data-preset=" + preset + "]")).getAttribute("src");
	}

	private static JsonNode send(String method, String url, String token, String body, int expected) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		HttpResponse<String> answer = HttpClient.newHttpClient()
			.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(method + " " + url + ": " + answer.body()).isEqualTo(expected);
		return answer.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(answer.body());
	}

	private static void awaitText(By where, String text) {
		new WebDriverWait(browser, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class).until(driver -> {
			List<WebElement> found = driver.findElements(where);
			return !found.isEmpty() && found.get(0).getText().contains(text);
		});
	}

	private static void signIn(String username) {
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
		browser.findElement(By.name("username")).sendKeys(username);
		browser.findElement(By.name("password")).sendKeys(platform.accounts().get(username));
		browser.findElement(By.cssSelector("form button[type=submit], form input[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.until(driver -> driver.getCurrentUrl().startsWith(platform.url("gateway") + "/desk"));
	}

	private static long horizontalOverflow() {
		Object overflow = browser.executeScript(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
		return ((Number) overflow).longValue();
	}

}
