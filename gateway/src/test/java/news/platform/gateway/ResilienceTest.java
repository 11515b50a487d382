package news.platform.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import news.platform.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Circuit breaker, time limiter and retries against a stub that hangs and recovers. The media
 * route (response timeout 200 ms in this context) is this class's own, so its breaker is not
 * disturbed by other tests.
 */
class ResilienceTest extends GatewayTest {

	@Test
	void aHangingServiceOpensTheCircuitThenFast503sAndStaleCacheThenRecovers() {
		String cached = unique("/api/v1/media/public0");
		assertThat(Client.get(gateway(cached)).status()).isEqualTo(200);

		upstream.mediaHanging.set(true);
		try {
			// each call times out (after its retries); the breaker opens after the minimum number of calls
			await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10)).untilAsserted(() -> {
				Http.Response response = Client.get(gateway(unique("/api/v1/media/slow")));
				assertProblem(response, 503, "/problems/upstream-unavailable");
			});
			Http.Response open = Client.get(gateway(unique("/api/v1/media/open")));
			assertProblem(open, 503, "/problems/upstream-unavailable");
			assertThat(open.header("Retry-After")).isNotBlank();

			// a published, public response is still answered, stale, from the gateway's cache
			Http.Response stale = Client.get(gateway(cached));
			assertThat(stale.status()).isEqualTo(200);
			assertThat(stale.header("X-Cache")).isEqualTo("STALE");
			assertThat(stale.body()).contains("\"count\":1");
		}
		finally {
			upstream.mediaHanging.set(false);
		}
		// after the open wait the breaker lets probes through; healthy answers close it
		await().atMost(Duration.ofSeconds(20)).untilAsserted(
				() -> assertThat(Client.get(gateway(unique("/api/v1/media/recovered"))).status()).isEqualTo(200));
		Http.Response fresh = Client.get(gateway(cached));
		assertThat(fresh.header("X-Cache")).isNull();
		assertThat(fresh.body()).contains("\"count\":2");
	}

	@Test
	void manyConcurrentSlowCallsAreNeitherRefusedNorCountedAsFailures() {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		List<CompletableFuture<HttpResponse<String>>> calls = IntStream.range(0, 60)
			.mapToObj(i -> client.sendAsync(HttpRequest.newBuilder(URI.create(gateway(unique("/api/v1/articles/slow"))))
				.build(), HttpResponse.BodyHandlers.ofString()))
			.toList();
		assertThat(calls).allSatisfy(call -> assertThat(call.join().statusCode()).isEqualTo(200));
	}

	@Test
	void aGetIsRetriedAfterATimeoutButAPostNever() {
		String get = unique("/api/v1/articles/hang-once");
		Http.Response response = Client.get(gateway(get));
		assertThat(response.status()).isEqualTo(200);
		assertThat(upstream.requests(get)).hasSize(2);

		String post = unique("/api/v1/articles/hang-once");
		Http.Response refused = Client.post(gateway(post), "{}", "Authorization", Http.bearer(freshUserToken()),
				"Content-Type", "application/json");
		assertProblem(refused, 504, "/problems/upstream-timeout");
		assertThat(upstream.requests(post)).hasSize(1);
	}

}
