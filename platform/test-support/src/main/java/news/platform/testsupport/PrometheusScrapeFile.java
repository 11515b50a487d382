package news.platform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;

/**
 * When a service's test context closes (after all its tests, so every meter they caused exists),
 * writes what its {@code /actuator/prometheus} answers, unchanged, to
 * {@code <build directory>/prometheus/<application>.prom}: the k8s module checks that every metric
 * its dashboards and alerts read is really exported.
 */
final class PrometheusScrapeFile implements ApplicationListener<ContextClosedEvent> {

	@Override
	public void onApplicationEvent(ContextClosedEvent event) {
		Environment environment = event.getApplicationContext().getEnvironment();
		String port = environment.getProperty("local.management.port");
		String application = environment.getProperty("spring.application.name");
		if (port == null || application == null) {
			return;
		}
		Http.Response scrape = Http.get("http://localhost:" + port + "/actuator/prometheus");
		if (scrape.status() != 200) {
			return;
		}
		Path folder = Path.of(System.getProperty("platform.build.directory", "target"), "prometheus");
		try {
			Files.createDirectories(folder);
			Files.writeString(folder.resolve(application + ".prom"), scrape.body(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
