package news.platform.starter.client;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import news.platform.starter.security.PlatformSecurityProperties;

/**
 * A {@link ServiceTokens} bean for services that call other services, when
 * {@code platform.service-tokens.token-uri} or {@code .signing-key-location} is set.
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

}
