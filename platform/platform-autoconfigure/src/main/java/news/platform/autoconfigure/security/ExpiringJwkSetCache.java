package news.platform.autoconfigure.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.cache.Cache;
import org.springframework.cache.support.SimpleValueWrapper;

/**
 * Where a resource server keeps the issuer's JWKS between fetches, for a configured time
 * ({@code platform.security.jwk-set-cache-ttl}). A token whose {@code kid} is not in the cached set
 * makes the decoder fetch the set again, so a new key is picked up at once; a removed key stops
 * validating once the cached set expires, which is what an operator waits for after removing a key.
 */
final class ExpiringJwkSetCache implements Cache {

	private record Entry(Object value, Instant expiresAt) {
	}

	private final Map<Object, Entry> entries = new ConcurrentHashMap<>();

	private final Duration timeToLive;

	private final Clock clock;

	ExpiringJwkSetCache(Duration timeToLive, Clock clock) {
		this.timeToLive = timeToLive;
		this.clock = clock;
	}

	@Override
	public String getName() {
		return "jwk-set";
	}

	@Override
	public Object getNativeCache() {
		return this.entries;
	}

	@Override
	public ValueWrapper get(Object key) {
		Object value = live(key);
		return value == null ? null : new SimpleValueWrapper(value);
	}

	@Override
	public <T> T get(Object key, Class<T> type) {
		Object value = live(key);
		return type.isInstance(value) ? type.cast(value) : null;
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T get(Object key, Callable<T> valueLoader) {
		Object value = live(key);
		if (value != null) {
			return (T) value;
		}
		try {
			T loaded = valueLoader.call();
			put(key, loaded);
			return loaded;
		}
		catch (Exception ex) {
			throw new ValueRetrievalException(key, valueLoader, ex);
		}
	}

	@Override
	public void put(Object key, Object value) {
		if (value != null) {
			this.entries.put(key, new Entry(value, this.clock.instant().plus(this.timeToLive)));
		}
	}

	@Override
	public void evict(Object key) {
		this.entries.remove(key);
	}

	@Override
	public void clear() {
		this.entries.clear();
	}

	private Object live(Object key) {
		Entry entry = this.entries.get(key);
		if (entry == null) {
			return null;
		}
		if (!this.clock.instant().isBefore(entry.expiresAt())) {
			this.entries.remove(key, entry);
			return null;
		}
		return entry.value();
	}

}
