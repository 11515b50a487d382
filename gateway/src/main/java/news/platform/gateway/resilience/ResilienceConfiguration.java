package news.platform.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The breakers the {@code CircuitBreaker} default filter creates, one per route id, configured
 * from {@link ResilienceProperties}. The SSE route's breaker has no time limiter
 * ({@code spring.cloud.circuitbreaker.resilience4j.disable-time-limiter-map}): a stream is meant
 * to stay open.
 */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

	@Bean
	Customizer<ReactiveResilience4JCircuitBreakerFactory> routeCircuitBreakers(ResilienceProperties properties) {
		CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
			.slidingWindowSize(properties.slidingWindow())
			.minimumNumberOfCalls(properties.minimumCalls())
			.failureRateThreshold(properties.failureRateThreshold())
			.waitDurationInOpenState(properties.openWait())
			.permittedNumberOfCallsInHalfOpenState(2)
			.automaticTransitionFromOpenToHalfOpenEnabled(false)
			.build();
		return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id).circuitBreakerConfig(breaker)
			.timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(properties.timeLimitFor(id)).build())
			.build());
	}

}
