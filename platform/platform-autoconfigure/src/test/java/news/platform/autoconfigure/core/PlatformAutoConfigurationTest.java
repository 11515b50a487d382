package news.platform.autoconfigure.core;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformAutoConfigurationTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PlatformAutoConfiguration.class));

	@Test
	void everyProcessGetsOneSystemClock() {
		this.runner.run(context -> assertThat(context.getBean(Clock.class).getZone()).isEqualTo(ZoneOffset.UTC));
	}

	@Test
	void aClockOfTheApplicationsOwnWins() {
		Clock fixed = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);
		this.runner.withBean(Clock.class, () -> fixed)
			.run(context -> assertThat(context.getBean(Clock.class)).isSameAs(fixed));
	}

}
