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
 * The photo desk in headless Chromium through the gateway, against identity, article-service and
 * media-service (its test profile: 1 MB per file): an editor uploads three pictures at once with a
 * file that is not a picture, an empty one and one over the limit (each gets its own message, the
 * others are saved), sets a focal point by clicking and sees the crops change, is told a point
 * outside the picture is not one, describes the picture, writes a story in the editor with it as
 * the hero and another picture in the body (both chosen in the picker's dialog, the second by
 * keyboard alone), publishes it, and cannot delete the hero while the published story uses it.
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
		DeskPlatform.signIn(browser, "editor");
		browser.findElement(By.id("upload-files"))
			.sendKeys(String.join("\n", List.of(bridge, notAPicture, river, empty, town, tooLarge)
				.stream()
				.map(path -> path.toAbsolutePath().toString())
				.toList()));
		browser.findElement(By.cssSelector("form.upload button[type=submit]")).click();
		// upload.js sends them one request each, with a progress bar per file, and puts the answer in its line
		new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> driver.findElements(By.cssSelector(".upload-result"))
			.size() == 6 && driver.findElements(By.cssSelector(".upload-result.pending")).isEmpty());

		List<String> results = browser.findElements(By.cssSelector(".upload-result")).stream().map(WebElement::getText).toList();
		assertThat(results).hasSize(6);
		assertThat(results.get(0)).startsWith("most-drava.png: spremljeno.");
		assertThat(results.get(1)).startsWith("popis.txt: to nije fotografija");
		assertThat(results.get(2)).startsWith("rijeka.png: spremljeno.");
		assertThat(results.get(3)).startsWith("prazna.png: datoteka je prazna");
		assertThat(results.get(4)).startsWith("grad.png: spremljeno.");
		assertThat(results.get(5)).startsWith("prevelika.png: datoteka je prevelika");
		List<String> saved = browser.findElements(By.cssSelector(".upload-result a"))
			.stream()
			.map(link -> link.getAttribute("href"))
			.toList();
		assertThat(saved).hasSize(3);
		String riverId = saved.get(1).substring(saved.get(1).lastIndexOf('/') + 1);

		Results accessibility = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze(browser);
		assertThat(accessibility.getViolations()
			.stream()
			.filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.map(rule -> rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes())
			.toList()).as("serious or critical axe-core violations on the library").isEmpty();
		assertThat(DeskPlatform.horizontalOverflow(browser)).isLessThanOrEqualTo(0);
		Chromium.screenshot(browser, SCREENSHOTS.resolve("photos-library-1280x800.png"));
		browser.manage().window().setSize(new Dimension(768, 1024));
		try {
			assertThat(DeskPlatform.horizontalOverflow(browser)).as("no horizontal scroll at 768×1024").isLessThanOrEqualTo(0);
		}
		finally {
			browser.manage().window().setSize(new Dimension(1280, 800));
		}

		// two pictures dropped on the upload form: a progress bar each, then their answers, then the grid
		Object dropped = browser.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				var bars = 0;
				new MutationObserver(function (changes) {
				  changes.forEach(function (change) {
				    change.addedNodes.forEach(function (node) {
				      if (node.querySelector && node.querySelector('progress')) { bars++; }
				    });
				  });
				}).observe(document.querySelector('ul.uploads'), { childList: true });
				function png(name, colour) {
				  var canvas = document.createElement('canvas');
				  canvas.width = 400; canvas.height = 300;
				  var context = canvas.getContext('2d');
				  context.fillStyle = colour; context.fillRect(0, 0, 400, 300);
				  return new Promise(function (resolve) {
				    canvas.toBlob(function (blob) { resolve(new File([blob], name, { type: 'image/png' })); }, 'image/png');
				  });
				}
				Promise.all([png('povuceno-jedan.png', '#336699'), png('povuceno-dva.png', '#996633')]).then(function (files) {
				  var transfer = new DataTransfer();
				  files.forEach(function (file) { transfer.items.add(file); });
				  var form = document.getElementById('upload-form');
				  form.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: transfer }));
				  form.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
				  setTimeout(function () { done(bars); }, 0);
				});
				""");
		assertThat(((Number) dropped).intValue()).as("a progress bar per dropped file").isEqualTo(2);
		new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> driver.findElements(By.cssSelector(".upload-result"))
			.size() == 2 && driver.findElements(By.cssSelector(".upload-result.pending")).isEmpty());
		assertThat(browser.findElements(By.cssSelector(".upload-result")).stream().map(WebElement::getText).toList())
			.satisfiesExactly(first -> assertThat(first).startsWith("povuceno-jedan.png: spremljeno."),
					second -> assertThat(second).startsWith("povuceno-dva.png: spremljeno."));
		awaitText(By.id("library-grid"), "povuceno-dva.png");

		// the first picture: a click on its left upper part moves the focal point, the crops follow
		browser.get(saved.get(0));
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

		// a story from the editor: this picture as its hero, the river in its body, both picked from
		// the library in the picker's dialog (the second by keyboard alone); then it is published
		browser.get(platform.url("gateway") + "/desk/prica/nova");
		browser.findElement(By.id("headline")).sendKeys("Most preko Drave");
		new Select(browser.findElement(By.id("section"))).selectByValue("vijesti");
		WebElement paragraph = browser.findElement(By.cssSelector("#blocks > li.block .text"));
		paragraph.click();
		paragraph.sendKeys("Most je otvoren.");
		browser.findElement(By.cssSelector(".hero-field .pick-photo")).click();
		WebElement words = new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("picker-q")));
		words.sendKeys("drave", Keys.ENTER);
		// the search's own answer (the listing asked for on opening may also name the picture, and is replaced)
		By heroChoice = By.cssSelector("#picker-results[data-query='drave'] button.pick[data-media-id='" + mediaId + "']");
		WebElement heroPick = new WebDriverWait(browser, Duration.ofSeconds(15))
			.until(ExpectedConditions.elementToBeClickable(heroChoice));
		Results pickerAccessibility = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze(browser);
		assertThat(pickerAccessibility.getViolations()
			.stream()
			.filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.map(rule -> rule.getId() + ": " + rule.getHelp() + " " + rule.getNodes())
			.toList()).as("serious or critical axe-core violations with the picker open").isEmpty();
		Chromium.screenshot(browser, SCREENSHOTS.resolve("photos-picker-1280x800.png"));
		heroPick.click();
		assertThat(browser.findElement(By.id("photo-picker")).isDisplayed()).isFalse();
		assertThat(browser.findElement(By.id("heroMediaId")).getAttribute("value")).isEqualTo(mediaId);
		assertThat(browser.findElement(By.cssSelector(".hero-field .picked-thumb")).getAttribute("src"))
			.contains("/api/v1/media/" + mediaId);

		// the picker's bad input: answered 400 in words, nothing asked of media-service
		assertThat(DeskPlatform.fetchText(browser, "/desk/fotografije/odabir?ids=" + mediaId + ",nije-id"))
			.startsWith("400 ").contains("nije ID fotografije");
		assertThat(DeskPlatform.fetchText(browser, "/desk/fotografije/odabir?q=" + "a".repeat(201))).startsWith("400 ")
			.contains("Predugo");

		new Select(browser.findElement(By.id("new-block-type"))).selectByValue("image");
		browser.findElement(By.id("add-block")).click();
		List<WebElement> blocks = browser.findElements(By.cssSelector("#blocks > li.block"));
		WebElement imageBlock = blocks.get(blocks.size() - 1);
		WebElement pickButton = imageBlock.findElement(By.cssSelector(".pick-photo"));
		browser.executeScript("arguments[0].focus();", pickButton);
		browser.switchTo().activeElement().sendKeys(Keys.ENTER);
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(driver -> "picker-q".equals(driver.switchTo().activeElement().getAttribute("id")));
		browser.switchTo().activeElement().sendKeys(Keys.chord(Keys.CONTROL, "a"), "rijeka", Keys.ENTER);
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(driver -> riverId.equals(
				driver.switchTo().activeElement().getAttribute("data-media-id")));
		browser.switchTo().activeElement().sendKeys(Keys.ENTER);
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(driver -> riverId.equals(imageBlock.findElement(By.cssSelector(".f-mediaId")).getAttribute("value")));
		assertThat(browser.switchTo().activeElement()).as("focus back on the button that opened the picker")
			.isEqualTo(pickButton);
		imageBlock.findElement(By.cssSelector(".f-alt")).sendKeys("Rijeka u proljeće");
		browser.findElement(By.id("save")).click();
		new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> driver.getCurrentUrl().contains("poruka=created"));
		String articleId = browser.getCurrentUrl().replaceAll(".*/prica/([^?]+)\\?.*", "$1");
		// the saved story's hero shown as a thumbnail (picker.js asks for it with ids=)
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(
				ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hero-field .picked-thumb")));
		browser.findElement(By.id("action-publish")).click();
		awaitText(By.id("story-status"), "objavljeno");

		String editor = platform.accessToken("editor");
		JsonNode article = send("GET", platform.url("article-service") + "/api/v1/articles/" + articleId, editor, null,
				200);
		assertThat(article.path("heroMediaId").asString()).isEqualTo(mediaId);
		assertThat(article.path("body").valueStream()
			.filter(block -> "image".equals(block.path("type").asString()))
			.map(block -> block.path("mediaId").asString())).containsExactly(riverId);

		// the hero of a published story: delete is refused, and the page says why
		browser.get(photoUrl);
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



}
