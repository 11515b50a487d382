package news.platform.gateway.resilience;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One circuit breaker and one time limiter per route ({@code platform.gateway.resilience.*}):
 * the breaker opens when {@code failureRateThreshold} percent of the last {@code slidingWindow}
 * calls failed (after at least {@code minimumCalls}), stays open for {@code openWait}, then lets
 * a few calls probe. {@code timeLimit} bounds a whole call including retries; {@code timeLimits}
 * overrides it per route id.
 */
@ConfigurationProperties("platform.gateway.resilience")
record ResilienceProperties(@DefaultValue("20") int slidingWindow, @DefaultValue("10") int minimumCalls,
		@DefaultValue("50") float failureRateThreshold, @DefaultValue("10s") Duration openWait,
		@DefaultValue("5s") Duration timeLimit, Map<String, Duration> timeLimits) {

	Duration timeLimitFor(String routeId) {
		Duration specific = this.timeLimits != null ? this.timeLimits.get(routeId) : null;
		return specific != null ? specific : this.timeLimit;
	}

}
