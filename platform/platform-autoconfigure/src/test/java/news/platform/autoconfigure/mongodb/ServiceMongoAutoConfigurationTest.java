package news.platform.autoconfigure.mongodb;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import news.platform.autoconfigure.support.InMemoryMongo;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceMongoAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class, ServiceMongoAutoConfiguration.class));

	@Test
	void aServiceGetsItsOwnDatabaseTheQueryShapeRegistryAndAPingReadiness() {
		this.runner
			.withPropertyValues("spring.mongodb.uri=" + InMemoryMongo.connectionString(), "spring.mongodb.database=articles")
			.run(context -> {
				assertThat(context.getBean(MongoDatabase.class).getName()).isEqualTo("articles");
				assertThat(context).hasSingleBean(QueryShapes.class);
				assertThat(context.getBean("mongoHealthIndicator", HealthIndicator.class).health(false).getStatus())
					.hasToString("UP");
			});
	}

	@Test
	void withoutADatabaseNameTheServiceDoesNotStart() {
		this.runner.withPropertyValues("spring.mongodb.uri=" + InMemoryMongo.connectionString())
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("spring.mongodb.database"));
	}

	@Test
	void aProcessWithoutTheDriverGetsNone() {
		this.runner.withClassLoader(new FilteredClassLoader(MongoClient.class))
			.run(context -> assertThat(context).doesNotHaveBean(MongoDatabase.class).doesNotHaveBean(QueryShapes.class));
	}

}
