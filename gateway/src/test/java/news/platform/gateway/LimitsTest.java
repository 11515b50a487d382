package news.platform.gateway;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import news.platform.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits (per user, per address; stricter for writes and anonymous comment reads) and body
 * size limits per route. Budgets in this test context: 3 writes and 5 anonymous comment reads; a desk
 * session 4 requests, all desk sessions of one address 10.
 */
class LimitsTest extends GatewayTest {

	@Test
	void writesBeyondTheUsersBudgetAre429WithRetryAfterAndNeverReachTheService() {
		String token = freshUserToken("journalist");
		String path = unique("/api/v1/articles/writes");
		for (int i = 0; i < 3; i++) {
			assertThat(Client.post(gateway(path), "{}", "Authorization", Http.bearer(token), "Content-Type",
					"application/json").status()).isEqualTo(200);
		}
		Http.Response refused = Client.post(gateway(path), "{}", "Authorization", Http.bearer(token), "Content-Type",
				"application/json");
		assertProblem(refused, 429, "/problems/rate-limited");
		assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
		assertThat(upstream.requests(path)).hasSize(3);
		// another user has a budget of their own; reads are a separate budget
		assertThat(Client.post(gateway(path), "{}", "Authorization", Http.bearer(freshUserToken()), "Content-Type",
				"application/json").status()).isEqualTo(200);
		assertThat(Client.get(gateway(path), "Authorization", Http.bearer(token)).status()).isEqualTo(200);

		String metrics = Client.get("http://localhost:" + this.managementPort + "/actuator/prometheus").body();
		assertThat(metrics).containsPattern("gateway_rate_limit_rejections_total\\{[^}]*reason=\"write\"[^}]*route=\"articles\"");
	}

	@Test
	void anonymousCommentReadsHaveAStricterBudgetByAddressThanSignedInReads() {
		String path = unique("/api/v1/comments/threads");
		int accepted = 0;
		Http.Response last = null;
		for (int i = 0; i < 6; i++) {
			last = Client.get(gateway(path));
			if (last.status() == 200) {
				accepted++;
			}
		}
		assertThat(accepted).isEqualTo(5);
		assertProblem(last, 429, "/problems/rate-limited");
		// the same reads with a token count against the user's read budget
		assertThat(Client.get(gateway(path), "Authorization", Http.bearer(freshUserToken())).status()).isEqualTo(200);
	}

	@Test
	void deskSessionsHaveBudgetsOfTheirOwnUnderACeilingPerAddressSoInventedCookiesGainNothing() {
		String path = unique("/desk/sessions");
		String[] sessions = { unique("first"), unique("second"), unique("invented") };
		// the first session uses its budget; its fifth request is refused, as a page for a browser
		for (int i = 0; i < 4; i++) {
			assertThat(deskGet(path, sessions[0]).status()).isEqualTo(200);
		}
		Http.Response refused = Client.get(gateway(path), "Cookie", "DESK_SESSION=" + sessions[0], "Accept",
				"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Content-Type")).startsWith("text/html");
		assertThat(refused.header("Cache-Control")).isEqualTo("no-store");
		assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
		assertThat(refused.body()).contains("<html lang=\"hr\"", "Previše zahtjeva", "Too many requests");
		// another person at the same address has a budget of their own...
		for (int i = 0; i < 4; i++) {
			assertThat(deskGet(path, sessions[1]).status()).isEqualTo(200);
		}
		// ...but every session from that address shares the ceiling (10): a new cookie per request gains nothing
		assertThat(deskGet(path, sessions[2]).status()).isEqualTo(200);
		assertThat(deskGet(path, sessions[2]).status()).isEqualTo(200);
		Http.Response ceiling = Client.get(gateway(path), "Cookie", "DESK_SESSION=" + unique("another"), "Accept",
				"application/json");
		assertProblem(ceiling, 429, "/problems/rate-limited");
		assertThat(desk.requests(path)).hasSize(10);

		String metrics = Client.get("http://localhost:" + this.managementPort + "/actuator/prometheus").body();
		assertThat(metrics).containsPattern(
				"gateway_rate_limit_rejections_total\\{[^}]*reason=\"session-address-ceiling\"[^}]*route=\"desk\"");
	}

	private Http.Response deskGet(String path, String session) {
		return Client.get(gateway(path), "Cookie", "DESK_SESSION=" + session);
	}

	@Test
	void aBodyLargerThanTheRouteAllowsIs413AndNeverReachesTheService() throws Exception {
		String path = unique("/api/v1/comments/big");
		String body = "x".repeat(70 * 1024);
		// a client of its own: the refused body is never read, so the connection is closed after the answer
		{
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(gateway(path)))
				.header("Authorization", Http.bearer(freshUserToken()))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(413);
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					type -> assertThat(type).startsWith("application/problem+json"));
			assertThat(response.body()).contains("\"type\":\"/problems/payload-too-large\"");
		}
		assertThat(upstream.requests(path)).isEmpty();
	}

	@Test
	void mediaUploadsMayBeLarger() {
		String path = unique("/api/v1/media/upload");
		String body = "x".repeat(70 * 1024);
		Http.Response response = Client.post(gateway(path), body, "Authorization", Http.bearer(freshUserToken()),
				"Content-Type", "application/octet-stream");
		assertThat(response.status()).isEqualTo(200);
		assertThat(upstream.requests(path)).singleElement().satisfies(r -> assertThat(r.bodyLength()).isEqualTo(70 * 1024));
	}

	@Test
	void aChunkedBodyIsCutOffAtTheLimit() throws Exception {
		String path = unique("/api/v1/comments/chunked");
		byte[] body = new byte[200 * 1024];
		HttpRequest request = HttpRequest.newBuilder(URI.create(gateway(path)))
			.header("Authorization", Http.bearer(freshUserToken()))
			.header("Content-Type", "application/json")
			// no length known in advance: sent chunked
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
			.build();
		{
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);
		}
		assertThat(upstream.requests(path)).allSatisfy(r -> assertThat(r.bodyLength()).isLessThan(body.length));
	}

}
