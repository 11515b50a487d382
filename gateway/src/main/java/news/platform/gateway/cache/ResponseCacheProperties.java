package news.platform.gateway.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's response cache ({@code platform.gateway.cache.*}). {@code microCache} bounds how
 * long a response is served without asking the service (the article service promises changes
 * within 2 s, so at most 1 s here); a stale copy is kept only as long as the service's
 * {@code stale-if-error} allows.
 */
@ConfigurationProperties("platform.gateway.cache")
record ResponseCacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration microCache,
		@DefaultValue("10000") long maxEntries, @DefaultValue("256KB") DataSize maxEntrySize) {
}
