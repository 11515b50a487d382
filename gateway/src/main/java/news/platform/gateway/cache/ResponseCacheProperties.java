package news.platform.gateway.cache;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's response cache ({@code platform.gateway.cache.*}). {@code microCache} bounds how
 * long a response is served without asking the service (the article service promises changes
 * within 2 s, so at most 1 s here); a stale copy is kept only as long as the service's
 * {@code stale-if-error} allows.
 * <p>
 * Bound through setters, not as a record: Spring Cloud re-binds such a bean in place on
 * {@code POST /actuator/refresh} (it cannot re-bind a record). {@code enabled} and
 * {@code maxEntrySize} are read on every request, so a refresh applies them to the next one;
 * {@code microCache} and {@code maxSize} shape the cache when it is built and need a restart.
 */
@ConfigurationProperties("platform.gateway.cache")
class ResponseCacheProperties {

	private volatile boolean enabled = true;

	private volatile Duration microCache = Duration.ofSeconds(1);

	/** All stored responses together, bodies and headers: the cache is bounded by what it holds, not by a count. */
	private volatile DataSize maxSize = DataSize.ofMegabytes(64);

	private volatile DataSize maxEntrySize = DataSize.ofKilobytes(256);

	boolean enabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	Duration microCache() {
		return this.microCache;
	}

	public void setMicroCache(Duration microCache) {
		this.microCache = microCache;
	}

	DataSize maxSize() {
		return this.maxSize;
	}

	public void setMaxSize(DataSize maxSize) {
		this.maxSize = maxSize;
	}

	DataSize maxEntrySize() {
		return this.maxEntrySize;
	}

	public void setMaxEntrySize(DataSize maxEntrySize) {
		this.maxEntrySize = maxEntrySize;
	}

}
