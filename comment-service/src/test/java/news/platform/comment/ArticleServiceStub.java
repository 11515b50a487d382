package news.platform.comment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import news.platform.testsupport.TestTokens;

/**
 * Stands in for article-service in comment-service's tests: its event feed and batch state
 * endpoint, answering the shapes the consumer contract pins. One per test JVM, on a fixed port once
 * started, so it can be stopped (article-service down) and started again.
 */
public final class ArticleServiceStub {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static volatile ArticleServiceStub instance;

	private final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();

	private final Map<String, Map<String, Object>> states = new ConcurrentHashMap<>();

	public final AtomicInteger stateCalls = new AtomicInteger();

	/** The {@code traceparent} of the last state call, to see the caller's trace carried along. */
	public volatile String lastStateTraceparent;

	/** Calls refused for want of a valid {@code service} token of the test issuer. */
	public final AtomicInteger unauthorizedCalls = new AtomicInteger();

	/** The subjects of the service tokens the stub accepted (a client's id at the test issuer). */
	public final Set<String> callers = ConcurrentHashMap.newKeySet();

	/** How long the state endpoint takes to answer (a slow article-service). */
	public volatile long stateDelayMillis;

	/** The section paths {@code GET /api/v1/sections} lists (a subsection as {@code parent/child}). */
	public final Set<String> sections = ConcurrentHashMap.newKeySet();

	/** Reads of the section list. */
	public final AtomicInteger sectionCalls = new AtomicInteger();

	/** What the section list answers instead of the list, when set (a failing article-service). */
	public volatile Integer sectionsStatus;

	private volatile int port;

	private volatile HttpServer server;

	private ArticleServiceStub() {
		this.sections.addAll(List.of("vijesti", "vijesti/hrvatska", "vijesti/svijet", "politika", "sport",
				"crna-kronika", "kultura"));
	}

	public static ArticleServiceStub get() {
		if (instance == null) {
			synchronized (ArticleServiceStub.class) {
				if (instance == null) {
					ArticleServiceStub stub = new ArticleServiceStub();
					stub.start();
					instance = stub;
				}
			}
		}
		return instance;
	}

	public String url() {
		return "http://localhost:" + this.port;
	}

	public synchronized void start() {
		if (this.server != null) {
			return;
		}
		try {
			HttpServer created = HttpServer.create(new InetSocketAddress("localhost", this.port), 50);
			created.createContext("/internal/v1/articles/events", this::events);
			created.createContext("/internal/v1/articles/state", this::state);
			created.createContext("/api/v1/sections", this::sections);
			created.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
			created.start();
			this.port = created.getAddress().getPort();
			this.server = created;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** article-service goes away: connections are refused until {@link #start()}. */
	public synchronized void stop() {
		if (this.server != null) {
			this.server.stop(0);
			this.server = null;
		}
	}

	public static String newArticleId() {
		return "a" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
	}

	/** Publishes a new article in a section (an {@code article.published} event and its state). */
	public String publish(String section) {
		String id = newArticleId();
		publish(id, section, Instant.now());
		return id;
	}

	public synchronized void publish(String id, String section, Instant firstPublishedAt) {
		event("article.published", id, "PUBLISHED", section, firstPublishedAt, true, null);
	}

	public synchronized void unpublish(String id, String section) {
		event("article.unpublished", id, "UNPUBLISHED", section, Instant.now(), true, null);
	}

	public synchronized void closeComments(String id, String section) {
		event("article.comments-changed", id, "PUBLISHED", section, Instant.now(), false, null);
	}

	/** An article article-service knows but has not announced (a draft, or published before the feed was read). */
	public void known(String id, boolean published, boolean commentsOpen) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("id", id);
		state.put("exists", true);
		state.put("published", published);
		state.put("commentsOpen", published && commentsOpen);
		state.put("commentsCloseAt", null);
		this.states.put(id, state);
	}

	/** A published article the feed has not announced yet, with the section and time its state carries. */
	public void knownPublished(String id, String section, Instant firstPublishedAt) {
		known(id, true, true);
		this.states.get(id).put("section", section);
		this.states.get(id).put("firstPublishedAt", firstPublishedAt.toString());
	}

	/** A {@code section.changed} event (schema version 2): no article, the section's slugs. */
	public synchronized void sectionChanged(String path, String previousPath) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("slug", path.substring(path.lastIndexOf('/') + 1));
		data.put("path", path);
		data.put("previousPath", previousPath);
		data.put("name", path);
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("seq", this.events.size() + 1L);
		event.put("type", "section.changed");
		event.put("schemaVersion", 2);
		event.put("occurredAt", Instant.now().toString());
		event.put("articleId", null);
		event.put("data", data);
		this.events.add(event);
	}

	/** An {@code article.saved} event (schema version 2): a write of an article readers cannot see. */
	public synchronized void saved(String id, String status, String section) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("status", status);
		data.put("section", section);
		data.put("owner", "journalist-1");
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("seq", this.events.size() + 1L);
		event.put("type", "article.saved");
		event.put("schemaVersion", 2);
		event.put("occurredAt", Instant.now().toString());
		event.put("articleId", id);
		event.put("data", data);
		this.events.add(event);
	}

	public long lastSeq() {
		return this.events.size();
	}

	private void event(String type, String id, String status, String section, Instant firstPublishedAt,
			boolean commentsOpen, Instant closeAt) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("slug", "clanak-" + id);
		data.put("status", status);
		data.put("section", section);
		data.put("language", "hr");
		data.put("publishedAt", firstPublishedAt.toString());
		data.put("firstPublishedAt", firstPublishedAt.toString());
		data.put("commentsOpen", commentsOpen);
		data.put("commentsCloseAt", closeAt == null ? null : closeAt.toString());
		data.put("heroMediaId", null);
		data.put("mediaIds", List.of());
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("seq", this.events.size() + 1L);
		event.put("type", type);
		event.put("schemaVersion", 1);
		event.put("occurredAt", Instant.now().toString());
		event.put("articleId", id);
		event.put("data", data);
		this.events.add(event);
		Map<String, Object> state = new LinkedHashMap<>();
		boolean published = "PUBLISHED".equals(status);
		state.put("id", id);
		state.put("exists", !"article.deleted".equals(type));
		state.put("published", published);
		state.put("commentsOpen", published && commentsOpen);
		state.put("commentsCloseAt", null);
		this.states.put(id, state);
	}

	/**
	 * What article-service's internal API lets through: a valid token of the test issuer with the
	 * {@code service} role, as comment-service gets it by the client-credentials grant.
	 */
	private boolean authorized(HttpExchange exchange) throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		Optional<JWTClaimsSet> token = authorization != null && authorization.startsWith("Bearer ")
				? TestTokens.verified(authorization.substring("Bearer ".length())) : Optional.empty();
		if (token.isEmpty()) {
			this.unauthorizedCalls.incrementAndGet();
			respond(exchange, 401, Map.of("type", "/problems/unauthorized"));
			return false;
		}
		if (!roles(token.get()).contains("service")) {
			this.unauthorizedCalls.incrementAndGet();
			respond(exchange, 403, Map.of("type", "/problems/forbidden"));
			return false;
		}
		this.callers.add(token.get().getSubject());
		return true;
	}

	private static List<String> roles(JWTClaimsSet claims) {
		try {
			List<String> roles = claims.getStringListClaim("roles");
			return roles == null ? List.of() : roles;
		}
		catch (ParseException ex) {
			return List.of();
		}
	}

	private void events(HttpExchange exchange) throws IOException {
		if (!authorized(exchange)) {
			return;
		}
		Map<String, String> query = new LinkedHashMap<>();
		String raw = exchange.getRequestURI().getRawQuery();
		if (raw != null) {
			for (String pair : raw.split("&")) {
				String[] parts = pair.split("=", 2);
				query.put(parts[0], parts.length > 1 ? parts[1] : "");
			}
		}
		long after = Long.parseLong(query.getOrDefault("after", "0"));
		int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
		List<Map<String, Object>> page = new ArrayList<>();
		for (long seq = after + 1; seq <= this.events.size() && page.size() < limit; seq++) {
			page.add(this.events.get((int) seq - 1));
		}
		long next = page.isEmpty() ? after : (Long) page.get(page.size() - 1).get("seq");
		respond(exchange, 200, Map.of("events", page, "next", next));
	}

	private void state(HttpExchange exchange) throws IOException {
		if (!authorized(exchange)) {
			return;
		}
		this.stateCalls.incrementAndGet();
		this.lastStateTraceparent = exchange.getRequestHeaders().getFirst("traceparent");
		if (this.stateDelayMillis > 0) {
			try {
				Thread.sleep(this.stateDelayMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
		List<Map<String, Object>> answers = new ArrayList<>();
		body.path("ids").forEach(idNode -> {
			String id = idNode.asString();
			Map<String, Object> known = this.states.get(id);
			if (known != null) {
				answers.add(known);
			}
			else {
				Map<String, Object> unknown = new LinkedHashMap<>();
				unknown.put("id", id);
				unknown.put("exists", false);
				unknown.put("published", false);
				unknown.put("commentsOpen", false);
				unknown.put("commentsCloseAt", null);
				answers.add(unknown);
			}
		});
		respond(exchange, 200, Map.of("articles", answers));
	}

	/**
	 * {@code GET /api/v1/sections} as article-service answers it: top-level sections in order, each
	 * with its subsections under {@code children}. Public: a token is neither needed nor checked.
	 */
	private void sections(HttpExchange exchange) throws IOException {
		this.sectionCalls.incrementAndGet();
		Integer failing = this.sectionsStatus;
		if (failing != null) {
			respond(exchange, failing, Map.of("type", "/problems/internal"));
			return;
		}
		Map<String, Map<String, Object>> top = new java.util.TreeMap<>();
		for (String path : new java.util.TreeSet<>(this.sections)) {
			String[] parts = path.split("/");
			Map<String, Object> parent = top.computeIfAbsent(parts[0], slug -> section(slug, slug));
			if (parts.length == 2) {
				@SuppressWarnings("unchecked")
				List<Object> children = (List<Object>) parent.get("children");
				children.add(section(parts[1], path));
			}
		}
		respond(exchange, 200, Map.of("sections", new ArrayList<>(top.values())));
	}

	private static Map<String, Object> section(String slug, String path) {
		Map<String, Object> section = new LinkedHashMap<>();
		section.put("id", "s-" + path.replace('/', '-'));
		section.put("slug", slug);
		section.put("path", path);
		section.put("name", slug.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + slug.substring(1));
		section.put("description", null);
		section.put("position", 0);
		section.put("parent", path.contains("/") ? path.substring(0, path.indexOf('/')) : null);
		section.put("url", "http://localhost:8080/" + path);
		section.put("revision", 1);
		section.put("children", new ArrayList<>());
		return section;
	}

	private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
