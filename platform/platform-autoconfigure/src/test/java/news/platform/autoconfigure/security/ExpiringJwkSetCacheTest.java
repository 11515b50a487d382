package news.platform.autoconfigure.security;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import news.platform.autoconfigure.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiringJwkSetCacheTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T10:00:00Z"));

	private final ExpiringJwkSetCache cache = new ExpiringJwkSetCache(Duration.ofMinutes(5), this.clock);

	@Test
	void aFetchedKeySetIsKeptForItsTimeThenFetchedAgain() {
		int[] fetches = new int[1];
		String uri = "http://identity:8086/oauth2/jwks";

		assertThat(this.cache.get(uri, () -> "keys-" + ++fetches[0])).isEqualTo("keys-1");
		this.clock.advance(Duration.ofMinutes(4));
		assertThat(this.cache.get(uri, () -> "keys-" + ++fetches[0])).isEqualTo("keys-1");
		assertThat(this.cache.get(uri, String.class)).isEqualTo("keys-1");

		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.cache.get(uri)).as("expired").isNull();
		assertThat(this.cache.get(uri, () -> "keys-" + ++fetches[0])).isEqualTo("keys-2");
	}

	@Test
	void anEvictedKeySetIsFetchedAgainAtOnce() {
		this.cache.put("uri", "old");
		this.cache.evict("uri");

		assertThat(this.cache.get("uri")).isNull();
		this.cache.put("uri", "new");
		assertThat(this.cache.get("uri", String.class)).isEqualTo("new");
	}

}
