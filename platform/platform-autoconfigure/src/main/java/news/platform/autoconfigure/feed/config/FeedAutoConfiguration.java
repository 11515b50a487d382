package news.platform.autoconfigure.feed.config;

import java.time.Clock;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import news.platform.autoconfigure.client.ServiceTokens;
import news.platform.autoconfigure.client.ServiceTokensAutoConfiguration;
import news.platform.autoconfigure.core.PlatformAutoConfiguration;
import news.platform.autoconfigure.feed.FeedProperties;
import news.platform.autoconfigure.feed.follow.FeedFollowing;
import news.platform.autoconfigure.feed.publish.FeedEndpoint;
import news.platform.autoconfigure.feed.publish.FeedPublisher;
import news.platform.autoconfigure.feed.publish.FeedPublishing;
import news.platform.autoconfigure.feed.publish.Leases;
import news.platform.autoconfigure.mongodb.QueryShapes;
import news.platform.autoconfigure.mongodb.ServiceMongoAutoConfiguration;

/**
 * The event-feed machinery, producer and consumer, for any process with MongoDB: a
 * {@link FeedPublishing} to declare the feeds a service publishes (served by one endpoint,
 * {@code /internal/v1/<feed>/events}), and a {@link FeedFollowing} to declare the feeds it follows.
 */
@AutoConfiguration(after = { ServiceMongoAutoConfiguration.class, ServiceTokensAutoConfiguration.class,
		PlatformAutoConfiguration.class })
@ConditionalOnClass({ MongoDatabase.class, MeterRegistry.class })
@EnableConfigurationProperties(FeedProperties.class)
public class FeedAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	FeedThreads feedThreads(FeedProperties properties) {
		return new FeedThreads(properties.threads());
	}

	@Bean
	@ConditionalOnMissingBean
	FeedFollowing feedFollowing(FeedProperties properties, FeedThreads threads, ObjectProvider<MeterRegistry> meters,
			ObjectProvider<ServiceTokens> tokens, ObjectProvider<MongoDatabase> database,
			ObjectProvider<QueryShapes> shapes) {
		// backoff and lag are real time, not the application's clock, which a test may move on
		return new FeedFollowing(properties, threads.scheduler(), Clock.systemUTC(),
				meters.getIfAvailable(SimpleMeterRegistry::new), tokens, database, shapes);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean({ MongoDatabase.class, QueryShapes.class })
	static class Publishing {

		@Bean
		@ConditionalOnMissingBean
		Leases leases(MongoDatabase database, Clock clock, QueryShapes shapes) {
			return new Leases(database, clock, shapes);
		}

		@Bean
		@ConditionalOnMissingBean
		FeedPublishing feedPublishing(MongoDatabase database, QueryShapes shapes, Leases leases,
				FeedProperties properties, FeedThreads threads, Clock clock) {
			return new FeedPublishing(database, shapes, leases, properties, threads.scheduler(), clock);
		}

	}

	/** The read endpoint, in servlet services that publish at least one feed. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnBean(FeedPublisher.class)
	@Import(FeedEndpoint.class)
	static class Endpoint {

	}

}
