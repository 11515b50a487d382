package news.platform.gateway.cache;

import org.springframework.http.HttpHeaders;

/**
 * One stored response: what the service sent (minus per-request headers), when, and for how long
 * it may be served fresh and then stale while the service fails.
 */
record CachedResponse(HttpHeaders headers, byte[] body, long storedAtNanos, long freshNanos, long staleIfErrorNanos,
		String etag) {

	boolean isFresh(long now) {
		return now - this.storedAtNanos < this.freshNanos;
	}

	boolean isUsableWhenFailing(long now) {
		return now - this.storedAtNanos < this.freshNanos + this.staleIfErrorNanos;
	}

	long ageSeconds(long now) {
		return (now - this.storedAtNanos) / 1_000_000_000L;
	}

}
