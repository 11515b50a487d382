package news.platform.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import news.platform.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What browsers and apps rely on: CORS from configuration, bodies and caching headers passed
 * through untouched, Server-Sent Events without a timeout.
 */
class WebClientsTest extends GatewayTest {

	@Test
	void aPreflightFromAnAllowedOriginIsAnsweredByTheGatewayOnce() {
		String path = unique("/api/v1/articles/cors");
		Http.Response preflight = Client.send("OPTIONS", gateway(path), null, "Origin", "https://app.example",
				"Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "authorization,content-type");
		assertThat(preflight.status()).isEqualTo(200);
		assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example");
		assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("3600");
		assertThat(upstream.requests(path)).isEmpty();

		Http.Response foreign = Client.send("OPTIONS", gateway(path), null, "Origin", "https://evil.example",
				"Access-Control-Request-Method", "POST");
		assertThat(foreign.status()).isEqualTo(403);
		assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void corsHeadersAreNotDuplicatedWhenTheServiceSetsItsOwn() {
		String path = unique("/api/v1/articles/cors-own");
		Http.Response response = Client.get(gateway(path), "Origin", "https://app.example");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().allValues("Access-Control-Allow-Origin")).hasSize(1);
	}

	@Test
	void conditionalRequestsAndEtagsPassThrough() {
		String path = unique("/api/v1/articles/etag");
		Http.Response first = Client.get(gateway(path));
		assertThat(first.header("ETag")).isEqualTo("\"v1\"");
		assertThat(first.header("Cache-Control")).isEqualTo("no-cache");
		Http.Response notModified = Client.get(gateway(path), "If-None-Match", "\"v1\"");
		assertThat(notModified.status()).isEqualTo(304);
		assertThat(upstream.requests(path)).hasSize(2)
			.last()
			.satisfies(r -> assertThat(r.headers().getFirst("If-None-Match")).isEqualTo("\"v1\""));
	}

	@Test
	void rangeRequestsPassThrough() {
		String path = unique("/api/v1/media/range");
		Http.Response partial = Client.get(gateway(path), "Range", "bytes=0-3");
		assertThat(partial.status()).isEqualTo(206);
		assertThat(partial.header("Content-Range")).startsWith("bytes 0-3/");
		assertThat(partial.body()).hasSize(4);
	}

	@Test
	void compressedBodiesAreNeitherDecompressedNorCompressedAgain() throws Exception {
		String path = unique("/api/v1/articles/gzip");
		HttpResponse<byte[]> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
			.send(HttpRequest.newBuilder(URI.create(gateway(path))).header("Accept-Encoding", "gzip").build(),
					HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(response.headers().firstValue("ETag")).hasValue("\"gz-1\"");
		String expected = "{\"path\":\"" + path + "\",\"count\":1,\"padding\":\"" + "x".repeat(64) + "\"}";
		assertThat(response.body()).isEqualTo(gzip(expected.getBytes(StandardCharsets.UTF_8)));

		Http.Response plain = Client.get(gateway(unique("/api/v1/articles/plain")));
		assertThat(plain.header("Content-Encoding")).isNull();
	}

	@Test
	void serverSentEventsStreamWithoutTheRoutesTimeouts() {
		String path = unique("/api/v1/comments") + "/stream";
		Http.Response response = Client.get(gateway(path), "Accept", "text/event-stream", "Authorization",
				Http.bearer(freshUserToken()));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("text/event-stream");
		assertThat(response.body()).contains("data: first").contains("data: second");
	}

	private static byte[] gzip(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		return out.toByteArray();
	}

}
