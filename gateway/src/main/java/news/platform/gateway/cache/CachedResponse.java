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

	/**
	 * About the bytes this entry holds: the body, the key and the headers' text, two bytes a
	 * character for strings, plus a fixed allowance for the objects around them.
	 */
	int weight(String key) {
		long bytes = 256L + this.body.length + 2L * key.length();
		for (var header : this.headers.headerSet()) {
			bytes += 48 + 2L * header.getKey().length();
			for (String value : header.getValue()) {
				bytes += 2L * value.length();
			}
		}
		return (int) Math.min(Integer.MAX_VALUE, bytes);
	}

	long ageSeconds(long now) {
		return (now - this.storedAtNanos) / 1_000_000_000L;
	}

}
