package news.platform.autoconfigure.startup;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Conventions that must hold before any bean exists: {@code MONGODB_URI}, the name operators
 * know, feeds {@code spring.mongodb.uri}; a failed start is reported by
 * {@link OneLineFailureReporter} alone.
 */
class PlatformEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources()
			.addLast(new MapPropertySource("platformStartupDefaults",
					Map.of("logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter", "off")));
		String mongodbUri = environment.getProperty("MONGODB_URI");
		if (StringUtils.hasText(mongodbUri) && !environment.containsProperty("spring.mongodb.uri")) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("platformMongodbUri", Map.of("spring.mongodb.uri", mongodbUri)));
		}
	}


	@Override
	public int getOrder() {
		// after the config data processor has activated the profiles
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

}
