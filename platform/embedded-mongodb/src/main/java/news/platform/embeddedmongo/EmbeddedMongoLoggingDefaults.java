package news.platform.embeddedmongo;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * mongo-java-server logs every client connection, database and index at INFO; the embedded server announces itself
 * in one line instead ({@link EmbeddedMongoAutoConfiguration}). Sets its loggers to WARN unless configured; runs
 * before logging is initialised.
 */
class EmbeddedMongoLoggingDefaults implements EnvironmentPostProcessor {

    static final String LOGGER_PROPERTY = "logging.level.de.bwaldvogel.mongo";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.containsProperty(LOGGER_PROPERTY)) {
            environment.getPropertySources()
                .addLast(new MapPropertySource("embeddedMongoLoggingDefaults", Map.of(LOGGER_PROPERTY, "warn")));
        }
    }
}
