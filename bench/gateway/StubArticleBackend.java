import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for article-service's reader endpoint in the gateway benchmark: one 5 KB JSON
 * article, from memory, at two paths that differ only in caching headers.
 * <pre>
 *   java bench/gateway/StubArticleBackend.java 18081
 * </pre>
 * {@code /api/v1/articles/cached} is what a published article answers ({@code public}, short
 * max-age, {@code stale-if-error}), so the gateway may cache it; {@code /api/v1/articles/pass}
 * says {@code no-cache}, so every request goes through to here. On JDK 21+ each request runs on a
 * virtual thread, as the services do.
 */
public final class StubArticleBackend {

	public static void main(String[] args) throws IOException {
		int port = Integer.parseInt(args[0]);
		byte[] body = article();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
		server.setExecutor(executor());
		server.createContext("/api/v1/articles/", exchange -> {
			String path = exchange.getRequestURI().getPath();
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.getResponseHeaders().set("ETag", "\"a1-v7\"");
			exchange.getResponseHeaders().set("Cache-Control",
					path.endsWith("/cached") ? "public, max-age=1, stale-if-error=60" : "no-cache");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
		System.out.println("stub article backend on " + port + ", body " + body.length + " bytes");
	}

	private static java.util.concurrent.Executor executor() {
		try {
			return (java.util.concurrent.Executor) Executors.class.getMethod("newVirtualThreadPerTaskExecutor")
				.invoke(null);
		}
		catch (ReflectiveOperationException ex) {
			return Executors.newFixedThreadPool(64);
		}
	}

	private static byte[] article() {
		StringBuilder text = new StringBuilder();
		while (text.length() < 4800) {
			text.append("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. ");
		}
		String json = "{\"id\":\"a1\",\"slug\":\"benchmark-article\",\"status\":\"published\",\"section\":\"news\","
				+ "\"language\":\"en\",\"headline\":\"A benchmark article\",\"body\":\"" + text + "\"}";
		return json.getBytes(StandardCharsets.UTF_8);
	}

}
