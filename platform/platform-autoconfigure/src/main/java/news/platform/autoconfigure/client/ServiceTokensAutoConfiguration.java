package news.platform.autoconfigure.client;

import java.time.Clock;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;

import news.platform.autoconfigure.core.PlatformAutoConfiguration;

/**
 * For processes that call services: a {@link ServiceTokens} bean (the client-credentials grant at
 * {@code platform.service-tokens.token-uri}, when it is set), and {@link TraceHeaders} to carry the
 * trace along.
 */
@AutoConfiguration(after = PlatformAutoConfiguration.class)
@EnableConfigurationProperties(ServiceTokenProperties.class)
public class ServiceTokensAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClientClientCredentialsTokenResponseClient.class)
	static class Tokens {

		@Bean
		@ConditionalOnMissingBean
		@Conditional(ServiceTokenSourceConfigured.class)
		ServiceTokens serviceTokens(ServiceTokenProperties properties, Clock clock) {
			ClientCredentialsTokens grant = new ClientCredentialsTokens(properties, clock);
			return new CachedToken(grant::issue, properties.renewBefore(), clock);
		}

	}

	/** The calling span's trace headers for calls between services. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tracer.class)
	static class Tracing {

		@Bean
		@ConditionalOnMissingBean
		TraceHeaders traceHeaders(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
			Tracer current = tracer.getIfAvailable();
			Propagator headers = propagator.getIfAvailable();
			return current != null && headers != null ? new TraceHeaders(current, headers) : TraceHeaders.none();
		}

	}

	/** Without tracing on the classpath: no trace headers. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("io.micrometer.tracing.Tracer")
	static class NoTracing {

		@Bean
		@ConditionalOnMissingBean
		TraceHeaders traceHeaders() {
			return TraceHeaders.none();
		}

	}

}
