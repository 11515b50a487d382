package news.platform.starter.client;

import java.time.Clock;
import java.util.List;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import news.platform.starter.security.PlatformSecurityProperties;

/**
 * For services that call other services: a {@link ServiceTokens} bean, when
 * {@code platform.service-tokens.token-uri} or {@code .signing-key-location} is set, and
 * {@link TraceHeaders} to carry the trace along.
 */
@AutoConfiguration
@EnableConfigurationProperties({ ServiceTokenProperties.class, PlatformSecurityProperties.class })
public class ServiceTokensAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@Conditional(ServiceTokenSourceConfigured.class)
	ServiceTokens serviceTokens(ServiceTokenProperties properties, PlatformSecurityProperties security,
			@Value("${spring.security.oauth2.resourceserver.jwt.audiences:news-platform}") List<String> audiences,
			@Value("${spring.application.name}") String applicationName) {
		Clock clock = Clock.systemUTC();
		if (properties.clientCredentials()) {
			ClientCredentialsTokens grant = new ClientCredentialsTokens(properties, clock);
			return new CachedToken(grant::issue, properties.renewBefore(), clock);
		}
		SelfSignedTokens signer = new SelfSignedTokens(properties.signingKeyLocation(), security.issuer(),
				audiences.get(0), applicationName, properties.lifetime(), clock);
		return new CachedToken(signer::issue, properties.renewBefore(), clock);
	}

	/** The calling span's trace headers for calls between services (none without tracing). */
	@Bean
	@ConditionalOnMissingBean
	TraceHeaders traceHeaders(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		Tracer current = tracer.getIfAvailable();
		Propagator headers = propagator.getIfAvailable();
		return current != null && headers != null ? new TraceHeaders(current, headers) : TraceHeaders.none();
	}

}
