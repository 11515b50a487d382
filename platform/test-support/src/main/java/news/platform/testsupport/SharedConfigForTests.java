package news.platform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * Gives a {@link ServiceIntegrationTest} the configuration the config server would serve it: the
 * shared {@code application.yml} and the service's own file from {@code config/}'s config
 * repository, with the documents of the active profiles, read directly from the working tree.
 * Runs after Boot's config data processing, when the application name and profiles are known.
 */
class SharedConfigForTests implements EnvironmentPostProcessor, Ordered {

	static final String DIRECTORY_PROPERTY = "platform.test.shared-config-directory";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String directory = environment.getProperty(DIRECTORY_PROPERTY);
		if (directory == null) {
			return;
		}
		Path root = Path.of(directory);
		String name = environment.getRequiredProperty("spring.application.name");
		List<PropertySource<?>> sources = new ArrayList<>();
		sources.addAll(load(root.resolve(name + ".yml"), environment));
		sources.addAll(load(root.resolve("application.yml"), environment));
		MutablePropertySources propertySources = environment.getPropertySources();
		String anchor = propertySources.stream()
			.map(PropertySource::getName)
			.filter(source -> source.startsWith("Config resource"))
			.findFirst()
			.orElse(null);
		for (PropertySource<?> source : sources) {
			if (anchor != null) {
				propertySources.addBefore(anchor, source);
			}
			else {
				propertySources.addLast(source);
			}
		}
	}

	/** The file's documents that apply to the active profiles, the last document first. */
	private static List<PropertySource<?>> load(Path file, ConfigurableEnvironment environment) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("Shared test configuration not found: " + file.toAbsolutePath());
		}
		try {
			List<PropertySource<?>> documents = new YamlPropertySourceLoader().load("shared config " + file,
					new FileSystemResource(file));
			List<PropertySource<?>> active = new ArrayList<>();
			for (PropertySource<?> document : documents) {
				Object onProfile = document.getProperty("spring.config.activate.on-profile");
				if (onProfile == null || environment.matchesProfiles(onProfile.toString())) {
					active.add(0, document);
				}
			}
			return active;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

}
