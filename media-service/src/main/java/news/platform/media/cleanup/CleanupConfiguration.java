package news.platform.media.cleanup;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import news.platform.autoconfigure.client.ServiceTokens;
import news.platform.media.MediaProperties;

@Configuration(proxyBeanMethods = false)
class CleanupConfiguration {

	@Bean
	ArticleReferences articleReferences(@Value("${platform.upstreams.article-service:}") String baseUrl,
			ObjectProvider<ServiceTokens> tokens, MediaProperties properties) {
		// without a token source the call goes out bare, article-service answers 401, and the run
		// deletes nothing
		Supplier<String> authorization = () -> {
			ServiceTokens source = tokens.getIfAvailable();
			return source == null ? null : source.authorization();
		};
		return new ArticleReferences(baseUrl, authorization, properties.cleanup().timeout());
	}

	/**
	 * The question to article-service is bounded by the call's timeout (plus a second for the
	 * token), and not asked while the breaker is open after repeated failures.
	 */
	@Bean
	Customizer<Resilience4JCircuitBreakerFactory> articleReferencesBreaker(MediaProperties properties) {
		Duration timeout = properties.cleanup().timeout();
		return factory -> factory.configure(builder -> builder
			.timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(timeout.plusSeconds(1)).build())
			.circuitBreakerConfig(CircuitBreakerConfig.custom()
				.slidingWindowSize(5)
				.minimumNumberOfCalls(3)
				.failureRateThreshold(50)
				.waitDurationInOpenState(Duration.ofMinutes(1))
				.build()), MediaCleanup.BREAKER);
	}

	@Bean
	CleanupSchedule cleanupSchedule(MediaCleanup cleanup, MediaProperties properties, Clock clock) {
		return new CleanupSchedule(cleanup, properties.cleanup(), clock);
	}

	/** Runs the job every {@code media.cleanup.interval} on a thread of its own, when enabled. */
	static final class CleanupSchedule implements SmartLifecycle {

		private static final Logger log = LoggerFactory.getLogger(CleanupSchedule.class);

		private final MediaCleanup cleanup;

		private final MediaProperties.Cleanup settings;

		private final Clock clock;

		private volatile ScheduledExecutorService executor;

		CleanupSchedule(MediaCleanup cleanup, MediaProperties.Cleanup settings, Clock clock) {
			this.cleanup = cleanup;
			this.settings = settings;
			this.clock = clock;
		}

		@Override
		public void start() {
			if (!this.settings.enabled() || this.executor != null) {
				return;
			}
			ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
				Thread thread = new Thread(runnable, "media-cleanup");
				thread.setDaemon(true);
				return thread;
			});
			long millis = Math.max(1000, this.settings.interval().toMillis());
			executor.scheduleWithFixedDelay(this::runSafely, millis, millis, TimeUnit.MILLISECONDS);
			this.executor = executor;
		}

		private void runSafely() {
			try {
				this.cleanup.run(this.clock.instant());
			}
			catch (RuntimeException ex) {
				log.warn("media clean-up run failed; retrying at the next interval", ex);
			}
		}

		@Override
		public void stop() {
			ScheduledExecutorService executor = this.executor;
			if (executor != null) {
				executor.shutdownNow();
			}
			this.executor = null;
		}

		@Override
		public boolean isRunning() {
			return this.executor != null;
		}

	}

}
