package news.platform.media.agency;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import news.platform.media.MediaApi;
import news.platform.media.TestImages;
import news.platform.testsupport.ServiceIntegrationTest;
import news.platform.testsupport.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agency pictures by URL over the internal endpoint, against a local picture server (the test
 * profile lets 127.0.0.1 through; every other non-public address stays refused, before any
 * request is made).
 */
@ServiceIntegrationTest
class AgencyPictureTest {

	private static final String SERVICE = TestTokens.token("article-service", "service");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private static final byte[] JPEG = TestImages.jpeg(TestImages.picture(640, 400, 7));

	private static final AtomicInteger REQUESTS = new AtomicInteger();

	private static HttpServer server;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startPictureServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
		server.createContext("/", (exchange) -> {
			REQUESTS.incrementAndGet();
			String path = exchange.getRequestURI().getPath();
			switch (path) {
				case "/photo.jpg" -> send(exchange, 200, "image/jpeg", JPEG);
				case "/moved" -> {
					exchange.getResponseHeaders().add("Location", "/photo.jpg");
					send(exchange, 302, "text/plain", new byte[0]);
				}
				case "/to-metadata" -> {
					exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
					send(exchange, 302, "text/plain", new byte[0]);
				}
				case "/loop" -> {
					exchange.getResponseHeaders().add("Location", "/loop");
					send(exchange, 302, "text/plain", new byte[0]);
				}
				case "/page.html" -> send(exchange, 200, "text/html", "<html></html>".getBytes());
				case "/huge.jpg" -> send(exchange, 200, "image/jpeg", new byte[2 * 1024 * 1024]);
				case "/gone.jpg" -> send(exchange, 404, "text/plain", new byte[0]);
				default -> send(exchange, 500, "text/plain", new byte[0]);
			}
		});
		server.start();
	}

	@AfterAll
	static void stopPictureServer() {
		server.stop(0);
	}

	@Test
	void aPictureBecomesAMediaItemUploadedByTheImportingPerson() {
		HttpResponse<String> created = post(body(local("/photo.jpg"), "journalist-wire-1", "Most u Čačku", "HINA"),
				SERVICE);

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode item = JSON.readTree(created.body());
		assertThat(item.path("uploadedBy").asString()).isEqualTo("journalist-wire-1");
		assertThat(item.path("caption").asString()).isEqualTo("Most u Čačku");
		assertThat(item.path("credit").asString()).isEqualTo("HINA");
		assertThat(item.path("mediaType").asString()).isEqualTo("image/jpeg");
		assertThat(item.path("width").asInt()).isEqualTo(640);
		MediaApi.Response stored = new MediaApi(this.port).get("/api/v1/media/" + item.path("id").asString());
		assertThat(stored.status()).isEqualTo(200);
	}

	@Test
	void aRedirectIsFollowedAfterTheSameCheck() {
		HttpResponse<String> created = post(body(local("/moved"), "journalist-wire-1", null, null), SERVICE);

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

	@Test
	void aRedirectToTheCloudMetadataAddressIsRefused() {
		int before = REQUESTS.get();

		HttpResponse<String> refused = post(body(local("/to-metadata"), "journalist-wire-1", null, null), SERVICE);

		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(field(refused)).isEqualTo("url");
		assertThat(JSON.readTree(refused.body()).at("/errors/0/message").asString()).contains("169.254.169.254",
				"redirect 1");
		// the first hop only: nothing was asked of 169.254.169.254
		assertThat(REQUESTS.get()).isEqualTo(before + 1);
	}

	@Test
	void endlessRedirectsStop() {
		HttpResponse<String> refused = post(body(local("/loop"), "journalist-wire-1", null, null), SERVICE);

		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(field(refused)).isEqualTo("url");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.2:%d/photo.jpg", "http://[::1]:%d/photo.jpg", "http://0.0.0.0:%d/photo.jpg", "http://10.1.2.3:%d/photo.jpg",
			"http://172.16.0.1:%d/photo.jpg", "http://192.168.1.1:%d/photo.jpg", "http://169.254.169.254:%d/photo.jpg",
			"http://100.64.0.1:%d/photo.jpg", "http://224.0.0.1:%d/photo.jpg", "http://[fd00::1]:%d/photo.jpg",
			"http://[fe80::1]:%d/photo.jpg", "http://[::ffff:10.0.0.1]:%d/photo.jpg" })
	void nonPublicAddressesAreRefusedWithoutARequest(String pattern) {
		int before = REQUESTS.get();

		HttpResponse<String> refused = post(body(pattern.formatted(server.getAddress().getPort()), "journalist-wire-1",
				null, null), SERVICE);

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(field(refused)).isEqualTo("url");
		assertThat(REQUESTS.get()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://127.0.0.1/photo.jpg", "file:///etc/passwd", "gopher://127.0.0.1:70/",
			"http://user:secret@127.0.0.1/photo.jpg", "not a url at all", "//127.0.0.1/photo.jpg" })
	void urlsThatAreNotPlainHttpAreRefusedWithoutARequest(String url) {
		int before = REQUESTS.get();

		HttpResponse<String> refused = post(body(url, "journalist-wire-1", null, null), SERVICE);

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		assertThat(field(refused)).isEqualTo("url");
		assertThat(REQUESTS.get()).isEqualTo(before);
	}

	@Test
	void onlyImagesWithinTheSizeLimitAreKept() {
		HttpResponse<String> page = post(body(local("/page.html"), "journalist-wire-1", null, null), SERVICE);
		HttpResponse<String> huge = post(body(local("/huge.jpg"), "journalist-wire-1", null, null), SERVICE);
		HttpResponse<String> gone = post(body(local("/gone.jpg"), "journalist-wire-1", null, null), SERVICE);

		assertThat(page.statusCode()).isEqualTo(415);
		assertThat(huge.statusCode()).isEqualTo(413);
		assertThat(gone.statusCode()).isEqualTo(503);
		for (HttpResponse<String> refused : List.of(page, huge, gone)) {
			assertThat(field(refused)).isEqualTo("url");
		}
	}

	@Test
	void onlyServicesCallIt() {
		HttpResponse<String> journalist = post(body(local("/photo.jpg"), "journalist-wire-1", null, null),
				MediaApi.JOURNALIST);
		HttpResponse<String> anonymous = post(body(local("/photo.jpg"), "journalist-wire-1", null, null), null);

		assertThat(journalist.statusCode()).isEqualTo(403);
		assertThat(anonymous.statusCode()).isEqualTo(401);
	}

	@Test
	void theImportingPersonIsRequired() {
		int before = REQUESTS.get();

		HttpResponse<String> refused = post(body(local("/photo.jpg"), null, null, null), SERVICE);

		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(field(refused)).isEqualTo("onBehalfOf");
		assertThat(REQUESTS.get()).isEqualTo(before);
	}

	private static String local(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	private static String body(String url, String onBehalfOf, String caption, String credit) {
		var node = JSON.createObjectNode().put("url", url);
		if (onBehalfOf != null) {
			node.put("onBehalfOf", onBehalfOf);
		}
		if (caption != null) {
			node.put("caption", caption);
		}
		if (credit != null) {
			node.put("credit", credit);
		}
		return node.toString();
	}

	private HttpResponse<String> post(String body, String token) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/internal/v1/media/agency-pictures"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String field(HttpResponse<String> response) {
		return JSON.readTree(response.body()).at("/errors/0/field").asString();
	}

	private static void send(com.sun.net.httpserver.HttpExchange exchange, int status, String type, byte[] body)
			throws IOException {
		exchange.getResponseHeaders().add("Content-Type", type);
		exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
		if (body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		exchange.close();
	}

}
