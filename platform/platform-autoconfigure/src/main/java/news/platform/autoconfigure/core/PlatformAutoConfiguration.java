package news.platform.autoconfigure.core;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * What every process shares regardless of its web stack: one {@link Clock} that the rules read
 * (embargoes, edit windows, leases, token lifetimes), so a test context can bring its own and move
 * time on, and the platform's public URLs ({@link PublicUrls}).
 */
@AutoConfiguration
@EnableConfigurationProperties(PublicUrls.class)
public class PlatformAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
