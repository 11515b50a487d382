package news.platform.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * One fake upstream for all routes, driven by the path so that tests never share state:
 * <ul>
 * <li>{@code .../public/...}: {@code Cache-Control: public, max-age=60, stale-if-error=300}; with
 * {@code public0} {@code max-age=0}; {@code private}, {@code nostore} the matching directives;
 * the body carries a per-path counter, so a cached answer is visible;</li>
 * <li>{@code .../hang-once/...}: the first request hangs (until {@link #close()}), later ones answer;</li>
 * <li>{@code .../slow/...}: answers after 300 ms (within the route timeout);</li>
 * <li>{@code .../stream}: two Server-Sent Events with a pause between them;</li>
 * <li>{@code .../gzip/...}: a gzip body when the client accepts it; {@code .../etag/...} honours
 * {@code If-None-Match}; {@code .../range/...} honours {@code Range};</li>
 * <li>{@code .../own-headers/...}: the security headers a web application sets on its pages (its own
 * Content-Security-Policy, {@code X-Frame-Options}, {@code Referrer-Policy});</li>
 * <li>{@link #failing(String)} answers 500 for that path; {@link #hanging} makes every media call hang.</li>
 * </ul>
 * Every request is recorded with its headers.
 */
final class StubUpstream implements AutoCloseable {

	record Recorded(String method, String path, Headers headers, int bodyLength) {
	}

	/** The policy of {@code .../own-headers/...} answers. */
	static final String OWN_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https://media.example";

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Queue<Recorded> recorded = new ConcurrentLinkedQueue<>();

	private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();

	private final Map<String, Boolean> failing = new ConcurrentHashMap<>();

	private final CountDownLatch release = new CountDownLatch(1);

	final AtomicBoolean mediaHanging = new AtomicBoolean();

	StubUpstream() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String uri() {
		return "http://localhost:" + this.server.getAddress().getPort();
	}

	void failing(String path) {
		this.failing.put(path, true);
	}

	void recovered(String path) {
		this.failing.remove(path);
	}

	List<Recorded> requests(String pathPart) {
		return this.recorded.stream().filter(r -> r.path().contains(pathPart)).toList();
	}

	List<Recorded> all() {
		return List.copyOf(this.recorded);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getRawPath();
		byte[] requestBody = exchange.getRequestBody().readAllBytes();
		String query = exchange.getRequestURI().getRawQuery();
		this.recorded.add(new Recorded(exchange.getRequestMethod(), query == null ? path : path + "?" + query,
				exchange.getRequestHeaders(),
				requestBody.length));
		int count = this.counters.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
		Headers response = exchange.getResponseHeaders();
		if ((path.contains("/hang-once/") && count == 1)
				|| (this.mediaHanging.get() && path.startsWith("/api/v1/media"))) {
			hang();
			exchange.close();
			return;
		}
		if (this.failing.containsKey(path)) {
			send(exchange, 500, "application/problem+json", "{\"status\":500}".getBytes(StandardCharsets.UTF_8));
			return;
		}
		if (path.contains("/slow/")) {
			// slower than the others, still within the route's response timeout
			pause(300);
		}
		if (path.endsWith("/stream")) {
			stream(exchange);
			return;
		}
		if (path.contains("/public/")) {
			response.set("Cache-Control", "public, max-age=60, stale-if-error=300");
		}
		else if (path.contains("/public0/")) {
			response.set("Cache-Control", "public, max-age=0, stale-if-error=300");
		}
		else if (path.contains("/public1/")) {
			response.set("Cache-Control", "public, max-age=1");
		}
		else if (path.contains("/private/")) {
			response.set("Cache-Control", "private, max-age=60");
		}
		else if (path.contains("/nostore/")) {
			response.set("Cache-Control", "public, no-store");
		}
		else if (path.contains("/cors-own/")) {
			response.set("Access-Control-Allow-Origin", "*");
		}
		if (path.contains("/own-headers/")) {
			response.set("Content-Security-Policy", OWN_POLICY);
			response.set("X-Frame-Options", "SAMEORIGIN");
			response.set("Referrer-Policy", "strict-origin-when-cross-origin");
		}
		String body = "{\"path\":\"" + path + "\",\"count\":" + count + ",\"padding\":\"" + "x".repeat(64) + "\"}";
		if (path.contains("/etag/")) {
			response.set("ETag", "\"v1\"");
			response.set("Cache-Control", "no-cache");
			if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.sendResponseHeaders(304, -1);
				exchange.close();
				return;
			}
			body = "{\"path\":\"" + path + "\"}";
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		if (path.contains("/range/") && exchange.getRequestHeaders().getFirst("Range") != null) {
			response.set("Content-Range", "bytes 0-3/" + bytes.length);
			send(exchange, 206, "application/json", java.util.Arrays.copyOf(bytes, 4));
			return;
		}
		String acceptEncoding = exchange.getRequestHeaders().getFirst("Accept-Encoding");
		if (path.contains("/gzip/") && acceptEncoding != null && acceptEncoding.contains("gzip")) {
			response.set("Content-Encoding", "gzip");
			response.set("Vary", "Accept-Encoding");
			response.set("ETag", "\"gz-1\"");
			bytes = gzip(bytes);
		}
		send(exchange, 200, "application/json", bytes);
	}

	private void stream(HttpExchange exchange) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.getResponseHeaders().set("Cache-Control", "no-store");
		exchange.sendResponseHeaders(200, 0);
		OutputStream out = exchange.getResponseBody();
		out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
		out.flush();
		// longer than the response timeout (500 ms) and the time limiter (3 s) of the plain routes
		pause(3500);
		out.write("data: second\n\n".getBytes(StandardCharsets.UTF_8));
		out.flush();
		exchange.close();
	}

	private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	private void hang() {
		try {
			this.release.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static byte[] gzip(byte[] bytes) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		return out.toByteArray();
	}

	@Override
	public void close() {
		this.release.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
