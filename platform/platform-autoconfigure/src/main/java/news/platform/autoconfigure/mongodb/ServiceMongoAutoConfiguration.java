package news.platform.autoconfigure.mongodb;

import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.micrometer.observation.ObservationRegistry;
import org.bson.Document;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's own database ({@code spring.mongodb.database}, else the URI's database) as a bean,
 * so store classes take a {@code MongoDatabase} and never see another service's data.
 */
@AutoConfiguration(after = MongoAutoConfiguration.class, before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnClass(MongoClient.class)
public class ServiceMongoAutoConfiguration {

	@Bean
	@ConditionalOnBean(MongoClient.class)
	@ConditionalOnMissingBean
	MongoDatabase serviceMongoDatabase(MongoClient client, MongoProperties properties) {
		String database = properties.getMongoClientDatabase();
		if (database == null || database.isBlank()) {
			throw new IllegalStateException(
					"No MongoDB database name: set spring.mongodb.database in the service's application.yml");
		}
		return client.getDatabase(database);
	}

	/** The registry of query shapes and named indexes that each service's coverage test reads. */
	@Bean
	@ConditionalOnMissingBean
	QueryShapes queryShapes() {
		return new QueryShapes();
	}

	/** MongoDB commands as spans of the request that caused them (no-op without tracing). */
	@Bean
	@ConditionalOnClass(name = "io.micrometer.observation.ObservationRegistry")
	MongoClientSettingsBuilderCustomizer mongoCommandObservations(
			ObjectProvider<ObservationRegistry> registry) {
		return settings -> settings.addCommandListener(
				new MongoCommandObservations(registry.getIfAvailable(() -> ObservationRegistry.NOOP)));
	}

	/**
	 * The driver waits 30 s for a server by default; a request should fail fast instead and let
	 * readiness report MongoDB down.
	 */
	@Bean
	MongoClientSettingsBuilderCustomizer failFastServerSelection() {
		return settings -> settings.applyToClusterSettings(cluster -> {
			if (cluster.build().getServerSelectionTimeout(TimeUnit.MILLISECONDS) == 30_000) {
				cluster.serverSelectionTimeout(5, TimeUnit.SECONDS);
			}
		});
	}

	/** Readiness, where the actuator is present. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	static class Readiness {

		/**
		 * Readiness asks the service's own database for a {@code ping}. Boot's indicator (same bean
		 * name, so it backs off) sends {@code hello} in a way the embedded server refuses once a
		 * database exists, which would mark every local service unready; {@code ping} answers the same
		 * question on both servers.
		 */
		@Bean
		@ConditionalOnBean(MongoClient.class)
		@ConditionalOnMissingBean(name = "mongoHealthIndicator")
		HealthIndicator mongoHealthIndicator(MongoDatabase database) {
			return () -> {
				try {
					database.runCommand(new Document("ping", 1));
					return Health.up().withDetail("database", database.getName()).build();
				}
				catch (RuntimeException ex) {
					return Health.down(ex).build();
				}
			};
		}

	}

}
