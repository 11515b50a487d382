package news.platform.autoconfigure.session;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

import news.platform.autoconfigure.core.PlatformAutoConfiguration;
import news.platform.autoconfigure.mongodb.ServiceMongoAutoConfiguration;
import news.platform.autoconfigure.support.InMemoryMongo;

import static org.assertj.core.api.Assertions.assertThat;

class SessionAutoConfigurationTest {

	private static final AutoConfigurations CONFIG = AutoConfigurations.of(PlatformAutoConfiguration.class,
			MongoAutoConfiguration.class, ServiceMongoAutoConfiguration.class, SessionAutoConfiguration.class);

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner().withConfiguration(CONFIG)
		.withPropertyValues("spring.mongodb.uri=" + InMemoryMongo.connectionString(), "spring.mongodb.database=site");

	@Test
	void aWebApplicationThatAsksForThemGetsMongoSessionsItsOwnCookieAndAKeyMadeOnFirstStart(@TempDir Path data) {
		Path keyFile = data.resolve("site/session-key.env");
		this.servlet
			.withPropertyValues("platform.sessions.enabled=true", "platform.sessions.cookie-name=SITE_SESSION",
					"platform.sessions.key-file=" + keyFile)
			.run(context -> {
				assertThat(context).hasSingleBean(MongoSessions.class)
					.hasSingleBean(SessionRepositoryFilter.class)
					.hasSingleBean(CookieSerializer.class);
				assertThat(Files.readString(keyFile)).contains("SESSION_KEY=");
			});
	}

	@Test
	void withoutACookieNameTheApplicationDoesNotStart() {
		this.servlet.withPropertyValues("platform.sessions.enabled=true", "platform.sessions.key=" + "A".repeat(43) + "=")
			.run(context -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("platform.sessions.cookie-name"));
	}

	@Test
	void servicesAndReactiveProcessesKeepNoSessions() {
		this.servlet.run(context -> assertThat(context).doesNotHaveBean(MongoSessions.class)
			.doesNotHaveBean(SessionRepositoryFilter.class));
		new ReactiveWebApplicationContextRunner().withConfiguration(CONFIG)
			.withPropertyValues("platform.sessions.enabled=true", "platform.sessions.cookie-name=X")
			.run(context -> assertThat(context).doesNotHaveBean(MongoSessions.class));
	}

}
