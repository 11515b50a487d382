package news.platform.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import news.platform.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every request gets at the door: a trace context, clean identity headers, security headers;
 * and what never gets past it: traversal paths, actuator and internal paths.
 */
class EdgeTest extends GatewayTest {

	private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	@Test
	void aValidTraceparentIsContinuedUpstreamAndReturned() {
		String path = unique("/api/v1/articles/trace");
		Http.Response response = Client.get(gateway(path), "traceparent", TRACEPARENT);
		// the same trace; the parent the service sees is the gateway's own span
		assertThat(traceId(response.header("traceparent"))).isEqualTo(traceId(TRACEPARENT));
		assertThat(upstream.requests(path)).singleElement().satisfies(r -> {
			String sent = r.headers().getFirst("traceparent");
			assertThat(traceId(sent)).isEqualTo(traceId(TRACEPARENT));
			assertThat(sent).isNotEqualTo(TRACEPARENT);
		});
	}

	private static String traceId(String traceparent) {
		assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
		return traceparent.substring(3, 35);
	}

	@Test
	void aMissingOrInvalidTraceparentIsReplacedByANewOne() {
		for (String sent : new String[] { null, "00-zzz-bad-01", "00-00000000000000000000000000000000-00f067aa0ba902b7-01" }) {
			String path = unique("/api/v1/articles/trace");
			Http.Response response = sent == null ? Client.get(gateway(path))
					: Client.get(gateway(path), "traceparent", sent);
			String returned = response.header("traceparent");
			assertThat(returned).isNotEqualTo(sent);
			assertThat(upstream.requests(path)).singleElement()
				.satisfies(r -> assertThat(traceId(r.headers().getFirst("traceparent"))).isEqualTo(traceId(returned)));
		}
	}

	@Test
	void problemsCarryTheTraceIdOfTheRequest() {
		Http.Response response = Client.get(gateway("/api/no/such/path"), "traceparent", TRACEPARENT);
		assertThat(assertProblem(response, 404, "/problems/not-found").path("traceId").asString())
			.isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
	}

	@Test
	void headersOnlyTheGatewayMaySetAreStrippedFromClientRequests() {
		String path = unique("/api/v1/articles/strip");
		Client.get(gateway(path), "X-User-Id", "admin", "X-User-Roles", "admin", "X-Forwarded-For", "6.6.6.6",
				"X-Forwarded-Host", "evil.example", "Forwarded", "for=6.6.6.6");
		StubUpstream.Recorded received = upstream.requests(path).get(0);
		assertThat(received.headers().keySet()).noneMatch(name -> name.toLowerCase().startsWith("x-user-"));
		assertThat(received.headers().keySet()).noneMatch(name -> name.equalsIgnoreCase("forwarded"));
		assertThat(String.valueOf(received.headers().get("X-Forwarded-For"))).doesNotContain("6.6.6.6");
		assertThat(String.valueOf(received.headers().get("X-Forwarded-Host"))).doesNotContain("evil.example");
	}

	@Test
	void securityHeadersAreOnEveryResponse() {
		for (Http.Response response : new Http.Response[] { Client.get(gateway(unique("/api/v1/articles/headers"))),
				Client.get(gateway("/api/no/such/path")) }) {
			assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
			assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'");
			// HSTS only where clients come over TLS (k8s)
			assertThat(response.header("Strict-Transport-Security")).isNull();
		}
	}

	@Test
	void traversalPathsAreRefusedAndNeverReachAService() {
		String[] paths = { "/api/v1/articles/../../actuator/health", "/api/v1/articles/%2e%2e/%2e%2e/actuator",
				"/api/v1/articles/%2E%2E/%2E%2E/internal/v1/articles", "/api/v1/articles/..%2f..%2factuator",
				"/api/v1/articles/%252e%252e/actuator", "/api/v1/articles/./x", "/api/v1/articles/..%5c..%5cactuator" };
		for (String path : paths) {
			Http.Response response = Client.get(gateway(path));
			assertThat(response.status()).as(path).isIn(400, 404);
			assertThat(response.contentType()).as(path).startsWith("application/problem+json");
		}
		assertThat(upstream.all()).noneMatch(r -> r.path().contains("actuator") || r.path().contains("internal")
				|| r.path().contains(".."));
	}

	@Test
	void actuatorAndInternalPathsAreNotRoutedEvenWithAToken() {
		String token = freshUserToken("admin");
		assertProblem(Client.get(gateway("/actuator/prometheus"), "Authorization", Http.bearer(token)), 404,
				"/problems/not-found");
		assertProblem(Client.get(gateway("/internal/v1/articles/events?after=0"), "Authorization", Http.bearer(token)),
				404, "/problems/not-found");
	}

	@Test
	void anOversizedHeaderIsRefusedBeforeAnyRouting() throws Exception {
		String path = unique("/api/v1/articles/big-header");
		// a client of its own: Netty refuses the header block in its decoder and the connection
		// is not fit for reuse, so it must not go back into the shared client's pool
		{
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(gateway(path)))
				.header("X-Big", "x".repeat(20 * 1024))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isBetween(400, 499);
		}
		assertThat(upstream.requests(path)).isEmpty();
	}

}
