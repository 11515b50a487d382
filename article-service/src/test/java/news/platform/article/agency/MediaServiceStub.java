package news.platform.article.agency;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * media-service's internal agency-picture endpoint as article-service sees it: a JDK
 * {@code HttpServer} that every test context points {@code platform.upstreams.media-service} at.
 * It records each call; a URL containing {@code 10.0.0.1} is refused the way media-service refuses
 * a non-public address (422 naming {@code url}); any other answers 201 with a new id. The real
 * address checks are media-service's own tests.
 */
final class MediaServiceStub {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static MediaServiceStub instance;

	private final HttpServer server;

	private final AtomicInteger ids = new AtomicInteger();

	final List<Call> calls = new CopyOnWriteArrayList<>();

	record Call(String authorization, JsonNode body) {
	}

	private MediaServiceStub() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/internal/v1/media/agency-pictures", this::picture);
		this.server.start();
	}

	static synchronized MediaServiceStub get() {
		if (instance == null) {
			try {
				instance = new MediaServiceStub();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return instance;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private void picture(HttpExchange exchange) throws IOException {
		JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
		this.calls.add(new Call(exchange.getRequestHeaders().getFirst("Authorization"), body));
		String url = body.path("url").asString();
		if (url.contains("10.0.0.1")) {
			send(exchange, 422, "application/problem+json", """
					{"type":"/problems/validation","title":"Request is not valid","status":422,
					 "detail":"The picture URL is refused: '10.0.0.1' resolves to 10.0.0.1, a private address.",
					 "errors":[{"field":"url","message":"'10.0.0.1' resolves to 10.0.0.1, a private address"}]}""");
			return;
		}
		send(exchange, 201, "application/json",
				"{\"id\":\"agencypic" + this.ids.incrementAndGet() + "\",\"uploadedBy\":\""
						+ body.path("onBehalfOf").asString() + "\"}");
	}

	private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", type);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
