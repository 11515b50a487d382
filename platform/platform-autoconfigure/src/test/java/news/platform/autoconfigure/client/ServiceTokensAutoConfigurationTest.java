package news.platform.autoconfigure.client;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import news.platform.autoconfigure.core.PlatformAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceTokensAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PlatformAutoConfiguration.class, ServiceTokensAutoConfiguration.class))
		.withPropertyValues("spring.application.name=media-service");

	@Test
	void aTokenEndpointGivesTheServiceItsServiceTokens() {
		this.runner
			.withPropertyValues("platform.service-tokens.token-uri=http://identity:8086/oauth2/token",
					"platform.service-tokens.client-id=media-service", "platform.service-tokens.client-secret=s")
			.run(context -> assertThat(context).hasSingleBean(ServiceTokens.class).hasSingleBean(TraceHeaders.class));
	}

	@Test
	void withoutATokenSourceThereAreNoServiceTokensButTraceHeadersStill() {
		this.runner.run(context -> assertThat(context).doesNotHaveBean(ServiceTokens.class)
			.hasSingleBean(TraceHeaders.class));
		this.runner.withPropertyValues("platform.service-tokens.token-uri=")
			.run(context -> assertThat(context).doesNotHaveBean(ServiceTokens.class));
	}

	@Test
	void withoutTheOAuth2ClientOrTracingOnTheClasspathTheRestStillWorks() {
		this.runner
			.withClassLoader(new FilteredClassLoader("org.springframework.security.oauth2.client", "io.micrometer.tracing"))
			.withPropertyValues("platform.service-tokens.token-uri=http://identity:8086/oauth2/token")
			.run(context -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(ServiceTokens.class);
				assertThat(context.getBean(TraceHeaders.class).current()).isEmpty();
			});
	}

}
