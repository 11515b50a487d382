package news.platform.testsupport.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the system's packages ({@code chromium}, {@code chromium-driver}) through
 * Selenium, with nothing downloaded (no Selenium Manager). Without the packages a browser test is
 * skipped with a message that says which file is missing; {@code .ci/run} installs them.
 * One browser per test class: start it in {@code @BeforeAll}, quit it in {@code @AfterAll}.
 */
public final class Chromium {

	private static final Path BROWSER = Path.of(System.getenv().getOrDefault("CHROME_PATH", "/usr/bin/chromium"));

	private static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_PATH", "/usr/bin/chromedriver"));

	private Chromium() {
	}

	/** Skips the calling test class (a JUnit assumption) when the browser or its driver is missing. */
	public static void assumeInstalled() {
		Assumptions.assumeTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
				() -> "Browser tests skipped: " + (Files.isExecutable(BROWSER) ? DRIVER : BROWSER)
						+ " is missing (apt-get install chromium chromium-driver)");
	}

	/** A headless browser with a window of {@code width} × {@code height} CSS pixels. */
	public static ChromeDriver start(int width, int height) {
		assumeInstalled();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=" + width + "," + height, "--lang=hr-HR", "--disable-extensions",
				"--no-first-run", "--password-store=basic");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
		return driver;
	}

	/** Writes a PNG of what the browser shows to {@code file} (under the module's build folder). */
	public static Path screenshot(ChromeDriver driver, Path file) {
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			File shot = driver.getScreenshotAs(OutputType.FILE);
			Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
