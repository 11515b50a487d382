package news.platform.embeddedmongo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import com.mongodb.ConnectionString;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Starts an {@link EmbeddedMongoServer} in the {@code local} profile when no MongoDB is configured, and points Boot's
 * MongoDB client at it through a {@link MongoConnectionDetails} bean (Boot's own, built from {@code spring.mongodb.*},
 * backs off when one exists).
 * <p>
 * Active when: profile {@code local}, neither {@code spring.mongodb.uri} nor {@code spring.mongodb.host} set,
 * {@code platform.mongodb.embedded.enabled} not {@code false}, and no other {@link MongoConnectionDetails} bean
 * (a Testcontainers service connection, for example).
 */
@AutoConfiguration(before = MongoAutoConfiguration.class,
    beforeName = "org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration")
@ConditionalOnClass(ConnectionString.class)
@ConditionalOnBooleanProperty(name = "platform.mongodb.embedded.enabled", matchIfMissing = true)
@Conditional(OnEmbeddedMongoCondition.class)
@ConditionalOnMissingBean(MongoConnectionDetails.class)
@EnableConfigurationProperties(EmbeddedMongoProperties.class)
public final class EmbeddedMongoAutoConfiguration {

    private static final Log log = LogFactory.getLog(EmbeddedMongoAutoConfiguration.class);

    static final String DEFAULT_DATABASE = "test";

    @Bean(destroyMethod = "close")
    EmbeddedMongoServer embeddedMongoServer(EmbeddedMongoProperties properties, Environment environment) {
        long started = System.nanoTime();
        EmbeddedMongoServer server;
        String where;
        if (properties.backend() == EmbeddedMongoProperties.Backend.MEMORY) {
            server = EmbeddedMongoServer.startInMemory(properties.bindAddress(), properties.port());
            where = "in memory (data is lost when the process ends)";
        } else {
            Path file = properties.resolvePath(environment.getProperty("spring.application.name"));
            server = EmbeddedMongoServer.startDurable(file, properties.bindAddress(), properties.port());
            where = "file " + server.file().orElseThrow() + " (" + sizeOf(server.file().orElseThrow()) + ")";
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("Embedded MongoDB (local profile, backend %s) %s, listening on %s, started in %d ms; set MONGODB_URI to use a real MongoDB"
            .formatted(properties.backend().name().toLowerCase(Locale.ROOT), where, server.connectionString(), millis));
        return server;
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongoServer server, Environment environment) {
        String database = environment.getProperty("spring.mongodb.database");
        if (!StringUtils.hasText(database)) {
            database = DEFAULT_DATABASE;
        }
        ConnectionString connectionString = new ConnectionString(server.connectionString() + "/" + database.trim());
        return () -> connectionString;
    }

    private static String sizeOf(Path file) {
        try {
            return "%.1f MB".formatted(Files.size(file) / 1e6);
        } catch (IOException e) {
            return "size unknown";
        }
    }
}
