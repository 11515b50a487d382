package news.platform.gateway;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import news.platform.testsupport.Http;
import news.platform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The response cache: only anonymous GETs of responses marked public; fresh within the micro-cache
 * time (or the service's max-age if shorter); stale only while the service fails.
 */
class CacheTest extends GatewayTest {

	@Test
	void aPublicResponseIsServedFromTheCacheToAnonymousClients() {
		String path = unique("/api/v1/articles/public");
		Http.Response first = Client.get(gateway(path));
		Http.Response second = Client.get(gateway(path));
		assertThat(first.body()).isEqualTo(second.body());
		assertThat(second.header("X-Cache")).isEqualTo("HIT");
		assertThat(second.header("Cache-Control")).isEqualTo("public, max-age=60, stale-if-error=300");
		assertThat(second.header("traceparent")).isNotEqualTo(first.header("traceparent"));
		assertThat(upstream.requests(path)).hasSize(1);
	}

	@Test
	void requestsWithAuthorizationOrCookiesAndPrivateOrNoStoreResponsesAreNeverCached() {
		String path = unique("/api/v1/articles/public");
		String token = TestTokens.token("reader-cache", "reader");
		Client.get(gateway(path), "Authorization", Http.bearer(token));
		Client.get(gateway(path), "Authorization", Http.bearer(token));
		Client.get(gateway(path), "Cookie", "session=1");
		Client.get(gateway(path), "Cookie", "session=1");
		assertThat(upstream.requests(path)).hasSize(4);

		for (String kind : new String[] { "private", "nostore", "plain" }) {
			String other = unique("/api/v1/articles/" + kind);
			Client.get(gateway(other));
			assertThat(Client.get(gateway(other)).header("X-Cache")).isNull();
			assertThat(upstream.requests(other)).hasSize(2);
		}
	}

	@Test
	void aCachedResponseIsFreshOnlyForTheShorterOfMicroCacheAndMaxAge() {
		String path = unique("/api/v1/articles/public1");
		Client.get(gateway(path));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(Client.get(gateway(path)).body()).contains("\"count\":2"));
	}

	@Test
	void aStaleCopyIsServedOnlyWhileTheServiceFails() {
		String path = unique("/api/v1/articles/public0");
		int first = Client.get(gateway(path)).json().path("count").asInt();
		// max-age=0: not fresh, so the next request asks the service again
		Http.Response second = Client.get(gateway(path));
		assertThat(second.json().path("count").asInt()).isGreaterThan(first);

		upstream.failing(path);
		Http.Response stale = Client.get(gateway(path));
		assertThat(stale.status()).isEqualTo(200);
		assertThat(stale.header("X-Cache")).isEqualTo("STALE");
		assertThat(stale.body()).isEqualTo(second.body());

		upstream.recovered(path);
		Http.Response recovered = Client.get(gateway(path));
		assertThat(recovered.header("X-Cache")).isNull();
		// the service's own fresh answer again (a later count; on a loaded machine a timed-out
		// attempt may have been retried, so not necessarily the fourth)
		assertThat(recovered.json().path("count").asInt()).isGreaterThan(second.json().path("count").asInt());
	}

	@Test
	void aFailureWithoutACachedCopyIsTheServicesOwnAnswer() {
		String path = unique("/api/v1/articles/public0");
		upstream.failing(path);
		assertThat(Client.get(gateway(path)).status()).isEqualTo(500);
	}

}
