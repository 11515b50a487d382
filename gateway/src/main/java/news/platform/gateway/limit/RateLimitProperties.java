package news.platform.gateway.limit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-client request budgets of one gateway replica ({@code platform.gateway.rate-limits.*}).
 * A budget is {@code capacity} requests, refilled smoothly over {@code period}.
 */
@ConfigurationProperties("platform.gateway.rate-limits")
record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("100000") long maxClients,
		@DefaultValue Budget read, @DefaultValue Budget write, @DefaultValue Budget anonymousCommentRead) {

	record Budget(@DefaultValue("300") long capacity, @DefaultValue("1m") Duration period) {
	}

}
