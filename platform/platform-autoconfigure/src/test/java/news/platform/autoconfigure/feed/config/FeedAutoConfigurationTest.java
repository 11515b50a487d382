package news.platform.autoconfigure.feed.config;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import news.platform.autoconfigure.core.PlatformAutoConfiguration;
import news.platform.autoconfigure.feed.follow.FeedFollowing;
import news.platform.autoconfigure.feed.publish.FeedEndpoint;
import news.platform.autoconfigure.feed.publish.FeedPublisher;
import news.platform.autoconfigure.feed.publish.FeedPublishing;
import news.platform.autoconfigure.feed.publish.Leases;
import news.platform.autoconfigure.feed.publish.PublishedFeed;
import news.platform.autoconfigure.mongodb.ServiceMongoAutoConfiguration;
import news.platform.autoconfigure.support.InMemoryMongo;

import static org.assertj.core.api.Assertions.assertThat;

class FeedAutoConfigurationTest {

	private static final AutoConfigurations CONFIG = AutoConfigurations.of(PlatformAutoConfiguration.class,
			MongoAutoConfiguration.class, ServiceMongoAutoConfiguration.class, FeedAutoConfiguration.class);

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner().withConfiguration(CONFIG)
		.withPropertyValues("spring.mongodb.uri=" + InMemoryMongo.connectionString(), "spring.mongodb.database=feeds",
				"platform.feed.relay.enabled=false");

	@Test
	void aServiceWithMongoCanPublishAndFollowButServesNoFeedUntilItDeclaresOne() {
		this.servlet.run(context -> assertThat(context).hasSingleBean(FeedPublishing.class)
			.hasSingleBean(Leases.class)
			.hasSingleBean(FeedFollowing.class)
			.doesNotHaveBean(FeedEndpoint.class));
	}

	@Test
	void noThreadStartsUntilARelayOrFollowerNeedsOne() {
		this.servlet.run(context -> assertThat(context.getBean(FeedThreads.class).started()).isFalse());
		this.servlet.withUserConfiguration(Publishes.class)
			.withPropertyValues("platform.feed.relay.enabled=true")
			.run(context -> assertThat(context.getBean(FeedThreads.class).started()).isTrue());
	}

	@Test
	void aDeclaredFeedIsServedByTheSharedEndpoint() {
		this.servlet.withUserConfiguration(Publishes.class)
			.run(context -> assertThat(context).hasSingleBean(FeedPublisher.class).hasSingleBean(FeedEndpoint.class));
	}

	@Test
	void aProcessWithoutMongoGetsNoFeedMachinery() {
		new ApplicationContextRunner().withConfiguration(CONFIG)
			.withClassLoader(new FilteredClassLoader(MongoDatabase.class))
			.run(context -> assertThat(context).doesNotHaveBean(FeedPublishing.class)
				.doesNotHaveBean(FeedFollowing.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class Publishes {

		@Bean
		FeedPublisher thingFeed(FeedPublishing publishing) {
			return publishing.publisher(PublishedFeed.of("things", "thingId", "things", "thing_outbox"));
		}

	}

}
