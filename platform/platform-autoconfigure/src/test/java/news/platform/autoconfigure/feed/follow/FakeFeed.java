package news.platform.autoconfigure.feed.follow;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A producer's feed endpoint on a real port, as the shared {@code FeedEndpoint} answers it, that a
 * test makes fail (500), hang (no answer until released) or refuse the token (401), and recover.
 */
final class FakeFeed implements AutoCloseable {

	enum Mode {
		ANSWER, FAIL, HANG, UNAUTHORIZED
	}

	private final HttpServer server;

	private final List<String> events = new ArrayList<>();

	private final AtomicInteger requests = new AtomicInteger();

	private volatile Mode mode = Mode.ANSWER;

	private volatile CountDownLatch release = new CountDownLatch(1);

	private volatile String lastAuthorization;

	FakeFeed() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.createContext("/internal/v1/articles/events", this::answer);
		this.server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Appends an event with the next seq, occurred at {@code at}. */
	synchronized long publish(String type, String articleId, Instant at) {
		long seq = this.events.size() + 1;
		this.events.add("{\"seq\":" + seq + ",\"type\":\"" + type + "\",\"schemaVersion\":1,\"occurredAt\":\"" + at
				+ "\",\"articleId\":\"" + articleId + "\",\"data\":{\"status\":\"PUBLISHED\",\"mediaIds\":[\"m" + seq
				+ "\"],\"future\":{\"nested\":true}},\"addedLater\":1}");
		return seq;
	}

	void mode(Mode mode) {
		if (mode == Mode.HANG) {
			this.release = new CountDownLatch(1);
		}
		else {
			this.release.countDown();
		}
		this.mode = mode;
	}

	int requests() {
		return this.requests.get();
	}

	String lastAuthorization() {
		return this.lastAuthorization;
	}

	private void answer(HttpExchange exchange) throws IOException {
		this.requests.incrementAndGet();
		this.lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
		try (exchange) {
			switch (this.mode) {
				case FAIL -> send(exchange, 500, "{\"type\":\"/problems/internal\"}");
				case UNAUTHORIZED -> send(exchange, 401, "{\"type\":\"/problems/unauthorized\"}");
				case HANG -> {
					try {
						this.release.await(30, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					send(exchange, 500, "{}");
				}
				case ANSWER -> {
					if (exchange.getRequestURI().getPath().endsWith("/head")) {
						synchronized (this) {
							send(exchange, 200, "{\"seq\":" + this.events.size() + "}");
						}
						return;
					}
					Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
					long after = Long.parseLong(query.getOrDefault("after", "0"));
					int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
					StringBuilder body = new StringBuilder("{\"events\":[");
					long next = after;
					synchronized (this) {
						for (long seq = after + 1; seq <= Math.min(this.events.size(), after + limit); seq++) {
							if (seq > after + 1) {
								body.append(',');
							}
							body.append(this.events.get((int) seq - 1));
							next = seq;
						}
					}
					body.append("],\"next\":").append(next).append('}');
					send(exchange, 200, body.toString());
				}
			}
		}
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> values = new HashMap<>();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				String[] parts = pair.split("=", 2);
				values.put(parts[0], parts.length > 1 ? parts[1] : "");
			}
		}
		return values;
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.release.countDown();
		this.server.stop(0);
	}

}
