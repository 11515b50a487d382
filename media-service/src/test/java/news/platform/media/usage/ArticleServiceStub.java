package news.platform.media.usage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import news.platform.testsupport.TestTokens;

/**
 * Stands in for article-service's event feed: a JDK HTTP server on a random port serving
 * {@code GET /internal/v1/articles/events?after=&limit=} from events the tests add. It can be
 * told to fail, to show the follower survives an unreachable feed. One per test JVM, shared by the
 * one Spring context.
 */
public final class ArticleServiceStub {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static volatile ArticleServiceStub instance;

	private final HttpServer server;

	private final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private final AtomicBoolean failing = new AtomicBoolean();

	/** How {@code POST /internal/v1/articles/media-references} answers. */
	public enum References {

		/** 200 with an answer per id: referenced unless listed in {@link #unreferenced}. */
		ANSWER,
		/** 404, as an article-service without the endpoint. */
		MISSING,
		/** 503. */
		FAILING,
		/** No answer for 5 s (past media's timeout). */
		HANGING

	}

	private volatile References references = References.ANSWER;

	private final Set<String> unreferenced = ConcurrentHashMap.newKeySet();

	private final List<List<String>> referenceQuestions = new CopyOnWriteArrayList<>();

	private ArticleServiceStub() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/internal/v1/articles/events", this::events);
		this.server.createContext("/internal/v1/articles/media-references", this::references);
		this.server.setExecutor(Executors.newFixedThreadPool(4));
		this.server.start();
	}

	public static ArticleServiceStub get() {
		if (instance == null) {
			synchronized (ArticleServiceStub.class) {
				if (instance == null) {
					instance = new ArticleServiceStub();
				}
			}
		}
		return instance;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public void failing(boolean fail) {
		this.failing.set(fail);
	}

	/** Every {@code Authorization} header the feed received, valid or not, in order. */
	public List<String> authorizations() {
		return List.copyOf(this.authorizations);
	}

	public void references(References mode) {
		this.references = mode;
	}

	/** Media ids article-service answers "nothing names it" for; every other id is named. */
	public void unreferenced(Collection<String> mediaIds) {
		this.unreferenced.addAll(mediaIds);
	}

	/** The id lists media-service asked about, in order. */
	public List<List<String>> referenceQuestions() {
		return List.copyOf(this.referenceQuestions);
	}

	/** An event of schema version 2 (a staff or taxonomy event) with the given data. */
	public synchronized long publishV2(String type, String articleId, Map<String, Object> data) {
		long seq = this.events.size() + 1;
		Map<String, Object> event = new java.util.LinkedHashMap<>();
		event.put("seq", seq);
		event.put("type", type);
		event.put("schemaVersion", 2);
		event.put("occurredAt", Instant.now().toString());
		event.put("articleId", articleId);
		event.put("data", data);
		this.events.add(event);
		return seq;
	}

	/** {@code article.saved} (schema 2): a write of an article readers cannot see. */
	public long saved(String articleId, String status, String heroMediaId, List<String> mediaIds) {
		Map<String, Object> data = new java.util.LinkedHashMap<>();
		data.put("status", status);
		data.put("ownerId", "journalist-1");
		data.put("section", "vijesti");
		data.put("heroMediaId", heroMediaId);
		data.put("mediaIds", mediaIds);
		data.put("updatedAt", Instant.now().toString());
		return publishV2("article.saved", articleId, data);
	}

	/** The last seq published. */
	public long head() {
		return this.events.size();
	}

	/** Appends an event with the next seq and answers it. */
	public synchronized long publish(String type, String articleId, String status, String heroMediaId,
			List<String> mediaIds, Instant occurredAt) {
		long seq = this.events.size() + 1;
		Map<String, Object> data = new java.util.LinkedHashMap<>();
		data.put("slug", "clanak-" + articleId);
		data.put("status", status);
		data.put("section", "vijesti");
		data.put("language", "hr");
		data.put("heroMediaId", heroMediaId);
		data.put("mediaIds", mediaIds);
		data.put("commentsOpen", true);
		Map<String, Object> event = new java.util.LinkedHashMap<>();
		event.put("seq", seq);
		event.put("type", type);
		event.put("schemaVersion", 1);
		event.put("occurredAt", occurredAt.toString());
		event.put("articleId", articleId);
		event.put("data", data);
		this.events.add(event);
		return seq;
	}

	private void events(HttpExchange exchange) throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		this.authorizations.add(String.valueOf(authorization));
		if (this.failing.get()) {
			respond(exchange, 503, "{\"type\":\"/problems/unavailable\"}");
			return;
		}
		// what article-service's feed lets through: a valid token of the test issuer with the
		// service role, as media-service gets it by the client-credentials grant
		Optional<JWTClaimsSet> token = authorization != null && authorization.startsWith("Bearer ")
				? TestTokens.verified(authorization.substring("Bearer ".length())) : Optional.empty();
		if (token.isEmpty()) {
			respond(exchange, 401, "{\"type\":\"/problems/unauthorized\"}");
			return;
		}
		if (!hasServiceRole(token.get())) {
			respond(exchange, 403, "{\"type\":\"/problems/forbidden\"}");
			return;
		}
		long after = 0;
		int limit = 100;
		String query = exchange.getRequestURI().getQuery();
		if (query != null) {
			for (String pair : query.split("&")) {
				String[] kv = pair.split("=", 2);
				if (kv[0].equals("after")) {
					after = Long.parseLong(kv[1]);
				}
				else if (kv[0].equals("limit")) {
					limit = Integer.parseInt(kv[1]);
				}
			}
		}
		List<Map<String, Object>> page = new ArrayList<>();
		for (long seq = after + 1; seq <= this.events.size() && page.size() < limit; seq++) {
			page.add(this.events.get((int) seq - 1));
		}
		long next = page.isEmpty() ? after : (long) page.get(page.size() - 1).get("seq");
		respond(exchange, 200, JSON.writeValueAsString(Map.of("events", page, "next", next)));
	}

	private void references(HttpExchange exchange) throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		Optional<JWTClaimsSet> token = authorization != null && authorization.startsWith("Bearer ")
				? TestTokens.verified(authorization.substring("Bearer ".length())) : Optional.empty();
		byte[] body = exchange.getRequestBody().readAllBytes();
		if (token.isEmpty() || !hasServiceRole(token.get())) {
			respond(exchange, 401, "{\"type\":\"/problems/unauthorized\"}");
			return;
		}
		List<String> ids = new ArrayList<>();
		JSON.readTree(body).path("mediaIds").forEach(id -> ids.add(id.asString()));
		this.referenceQuestions.add(List.copyOf(ids));
		switch (this.references) {
			case MISSING -> respond(exchange, 404, "{\"type\":\"/problems/not-found\"}");
			case FAILING -> respond(exchange, 503, "{\"type\":\"/problems/upstream-unavailable\"}");
			case HANGING -> {
				try {
					Thread.sleep(5000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				respond(exchange, 503, "{}");
			}
			case ANSWER -> {
				List<Map<String, Object>> answers = new ArrayList<>();
				for (String id : ids) {
					boolean named = !this.unreferenced.contains(id);
					answers.add(Map.of("mediaId", id, "referenced", named, "by",
							named ? List.of("article") : List.of()));
				}
				respond(exchange, 200, JSON.writeValueAsString(Map.of("references", answers)));
			}
		}
	}

	private static boolean hasServiceRole(JWTClaimsSet claims) {
		try {
			List<String> roles = claims.getStringListClaim("roles");
			return roles != null && roles.contains("service");
		}
		catch (ParseException ex) {
			return false;
		}
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
