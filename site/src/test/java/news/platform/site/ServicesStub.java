package news.platform.site;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * article-service's and media-service's public API as the site reads them (the shapes of issue 15:
 * sections with paths, the lookup by public path, lists and search, the article feed), over real
 * HTTP, with stories a test adds, publishes and withdraws. Visibility is the service's: a draft or
 * an embargoed story is never in any answer, as article-service's reader API never shows one.
 */
public final class ServicesStub implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static volatile ServicesStub shared;

	/** A story as the stub keeps it. */
	public static final class Story {

		final String id;

		volatile String slug;

		final String section;

		final String headline;

		volatile String standfirst;

		final List<String> paragraphs;

		/** The body as article-service sends it with rich text (issue 16); null: {@link #paragraphs} as plain paragraphs. */
		volatile List<Map<String, Object>> richBody;

		volatile Instant publishedAt;

		volatile Instant firstPublishedAt;

		/** draft, published, unpublished */
		volatile String status;

		final List<String> previousSlugs = new CopyOnWriteArrayList<>();

		final List<String> tags;

		final List<String> authors;

		Story(String id, String slug, String section, String headline, String standfirst, List<String> paragraphs,
				List<String> tags, List<String> authors) {
			this.id = id;
			this.slug = slug;
			this.section = section;
			this.headline = headline;
			this.standfirst = standfirst;
			this.paragraphs = paragraphs;
			this.tags = tags;
			this.authors = authors;
			this.status = "draft";
		}

		public String path() {
			return "/" + this.section + "/" + this.slug;
		}

		public String id() {
			return this.id;
		}

	}

	private final HttpServer server;

	private final Map<String, Story> stories = new ConcurrentHashMap<>();

	private final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();

	private volatile boolean down;

	private final Map<String, Story> previews = new ConcurrentHashMap<>();

	/** comment-service's side: comments by id, in the order they were posted. */
	private final Map<String, StubComment> comments = new java.util.concurrent.ConcurrentSkipListMap<>();

	private final java.util.concurrent.atomic.AtomicLong commentSequence = new java.util.concurrent.atomic.AtomicLong();

	/** While true, comment-service answers 503 (the other services keep answering). */
	private volatile boolean commentsDown;

	/** Replies nested under each comment in the thread answer; the rest come by the replies cursor. */
	static final int NESTED_REPLIES = 2;

	/** A comment as comment-service keeps it, reduced to what its reader answers show. */
	public static final class StubComment {

		final String id;

		final String articleId;

		final String parentId;

		final String author;

		volatile String text;

		final Instant createdAt;

		final long sequence;

		volatile String status = "visible";

		volatile long reactions;

		StubComment(String id, String articleId, String parentId, String author, String text, Instant createdAt,
				long sequence) {
			this.id = id;
			this.articleId = articleId;
			this.parentId = parentId;
			this.author = author;
			this.text = text;
			this.createdAt = createdAt;
			this.sequence = sequence;
		}

		public String id() {
			return this.id;
		}

	}

	/** A visible comment (a reply when {@code parent} is given) on a story, posted at {@code at}. */
	public StubComment comment(Story story, StubComment parent, String author, String text, Instant at) {
		long sequence = this.commentSequence.incrementAndGet();
		// comment-service's id shape: c + 25 of [a-z2-7]
		String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
		char[] id = new char[26];
		java.util.Arrays.fill(id, 'a');
		id[0] = 'c';
		long rest = sequence;
		for (int i = 25; i > 0 && rest > 0; i--) {
			id[i] = alphabet.charAt((int) (rest % 32));
			rest /= 32;
		}
		StubComment comment = new StubComment(new String(id), story.id,
				parent == null ? null : parent.id, author, text, at, sequence);
		this.comments.put(comment.id, comment);
		return comment;
	}

	/** A moderator removed it: no longer in any reader answer. */
	public void removeComment(StubComment comment) {
		comment.status = "rejected";
	}

	public void react(StubComment comment, long count) {
		comment.reactions = count;
	}

	public void commentsDown(boolean down) {
		this.commentsDown = down;
	}

	/** Events waiting for each open live stream (comment-service's Server-Sent Events), by article. */
	private final Map<String, List<java.util.concurrent.BlockingQueue<String>>> streams = new ConcurrentHashMap<>();

	private static final String CLOSE = "";

	private final Map<String, java.util.concurrent.atomic.AtomicInteger> streamsOpened = new ConcurrentHashMap<>();

	/** How many times an article's live stream was opened (a reconnect opens it again). */
	public int streamsOpened(Story story) {
		java.util.concurrent.atomic.AtomicInteger opened = this.streamsOpened.get(story.id);
		return opened == null ? 0 : opened.get();
	}

	/** How many readers follow an article's live stream now. */
	public int liveStreams(Story story) {
		return this.streams.getOrDefault(story.id, List.of()).size();
	}

	/** A comment became visible: every open stream of its article gets it, as comment-service sends it. */
	public void pushLive(StubComment comment) {
		String event = "event: comment\nid: " + comment.id + "\ndata: " + JSON.writeValueAsString(commentView(comment, false))
				+ "\n\n";
		this.streams.getOrDefault(comment.articleId, List.of()).forEach(queue -> queue.add(event));
	}

	/** Drops every open stream (a gateway or a replica going away): the browser must come back. */
	public void dropStreams() {
		this.streams.values().forEach(queues -> queues.forEach(queue -> queue.add(CLOSE)));
	}

	private void stream(HttpExchange exchange, String articleId) throws IOException {
		java.util.concurrent.BlockingQueue<String> queue = new java.util.concurrent.LinkedBlockingQueue<>();
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.getResponseHeaders().set("Cache-Control", "no-cache");
		exchange.sendResponseHeaders(200, 0);
		OutputStream out = exchange.getResponseBody();
		// comment-service's own retry hint is longer; short here so the reconnect test is quick
		out.write("retry: 300\n: open\n\n".getBytes(StandardCharsets.UTF_8));
		out.flush();
		this.streams.computeIfAbsent(articleId, any -> new CopyOnWriteArrayList<>()).add(queue);
		this.streamsOpened.computeIfAbsent(articleId, any -> new java.util.concurrent.atomic.AtomicInteger())
			.incrementAndGet();
		try {
			while (true) {
				String event = queue.poll(15, java.util.concurrent.TimeUnit.SECONDS);
				if (CLOSE.equals(event)) {
					return;
				}
				out.write((event == null ? ": heartbeat\n\n" : event).getBytes(StandardCharsets.UTF_8));
				out.flush();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			// the reader went away
		}
		finally {
			this.streams.get(articleId).remove(queue);
			out.close();
		}
	}

	/** A preview link's token for a story (a draft, usually). */
	public String previewToken(Story story) {
		String token = "pt_" + java.util.UUID.randomUUID().toString().replace("-", "");
		this.previews.put(token, story);
		return token;
	}

	private ServicesStub() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		// live streams hold a thread each while open
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	public static synchronized ServicesStub get() {
		if (shared == null) {
			shared = new ServicesStub();
		}
		return shared;
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** While down, every call answers 503 (the feed too). */
	public void down(boolean down) {
		this.down = down;
	}

	public Story draft(String id, String slug, String section, String headline, String standfirst, String... paragraphs) {
		Story story = new Story(id, slug, section, headline, standfirst, List.of(paragraphs), List.of("Promet"),
				List.of("Ana Anić"));
		this.stories.put(id, story);
		return story;
	}

	public Story publish(Story story, Instant at) {
		story.status = "published";
		story.publishedAt = at;
		if (story.firstPublishedAt == null) {
			story.firstPublishedAt = at;
		}
		event("article.published", story);
		return story;
	}

	public void update(Story story, String standfirst) {
		story.standfirst = standfirst;
		event("article.updated", story);
	}

	public void rename(Story story, String slug) {
		story.previousSlugs.add(story.slug);
		story.slug = slug;
		event("article.updated", story);
	}

	public void unpublish(Story story) {
		story.status = "unpublished";
		event("article.unpublished", story);
	}

	private void event(String type, Story story) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("slug", story.slug);
		data.put("status", story.status);
		data.put("section", story.section);
		data.put("language", "hr");
		data.put("publishedAt", String.valueOf(story.publishedAt));
		data.put("firstPublishedAt", String.valueOf(story.firstPublishedAt));
		data.put("tags", story.tags);
		data.put("authors", story.authors);
		Map<String, Object> event = new LinkedHashMap<>();
		synchronized (this.events) {
			event.put("seq", this.events.size() + 1);
			event.put("type", type);
			event.put("schemaVersion", 1);
			event.put("occurredAt", Instant.now().toString());
			event.put("articleId", story.id);
			event.put("data", data);
			this.events.add(event);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (this.down) {
				send(exchange, 503, Map.of("title", "down"));
				return;
			}
			String path = exchange.getRequestURI().getPath();
			Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
			switch (path) {
				case "/api/v1/sections" -> send(exchange, 200, Map.of("sections", List.of(
						Map.of("slug", "vijesti", "path", "vijesti", "name", "Vijesti", "position", 0, "children",
								List.of(Map.of("slug", "hrvatska", "path", "vijesti/hrvatska", "name", "Hrvatska",
										"parent", "vijesti", "position", 0))),
						Map.of("slug", "sport", "path", "sport", "name", "Sport", "position", 1, "children", List.of()))));
				case "/api/v1/articles/by-path" -> byPath(exchange, query.get("path"));
				case "/api/v1/articles" -> list(exchange, query, null);
				case "/api/v1/articles/search" -> list(exchange, query, query.get("q"));
				case "/api/v1/media" -> send(exchange, 200, Map.of("items", List.of()));
				case "/api/v1/articles/preview" -> {
					Story story = this.previews.get(String.valueOf(query.get("token")));
					exchange.getResponseHeaders().set("Cache-Control", "private, no-store");
					if (story == null) {
						send(exchange, 404, Map.of("title", "Not found"));
					}
					else {
						Map<String, Object> article = reader(story);
						article.put("publishedAt", null);
						article.put("firstPublishedAt", null);
						send(exchange, 200, article);
					}
				}
				case "/oauth2/authorize" -> authorize(exchange, query);
				case "/oauth2/token" -> token(exchange);
				case "/internal/v1/articles/events/head" -> send(exchange, 200, Map.of("seq", this.events.size()));
				case "/internal/v1/articles/events" -> {
					int after = Integer.parseInt(query.getOrDefault("after", "0"));
					int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
					List<Map<String, Object>> page = new ArrayList<>();
					for (int i = after; i < Math.min(this.events.size(), after + limit); i++) {
						page.add(this.events.get(i));
					}
					send(exchange, 200, Map.of("events", page));
				}
				default -> {
					if (path.startsWith("/api/v1/articles/") && path.endsWith("/related")) {
						related(exchange, path.substring("/api/v1/articles/".length(), path.length() - "/related".length()),
								query);
					}
					else if (path.startsWith("/api/v1/articles/") && path.lastIndexOf('/') == "/api/v1/articles".length()) {
						Story story = this.stories.get(path.substring("/api/v1/articles/".length()));
						if (story == null || !"published".equals(story.status)) {
							send(exchange, 404, Map.of("title", "Not found"));
						}
						else {
							send(exchange, 200, reader(story));
						}
					}
					else if (path.startsWith("/api/v1/comments/")) {
						comments(exchange, path.substring("/api/v1/comments/".length()), query);
					}
					else if (path.equals("/api/v1/comments") && query.containsKey("ids")) {
						commentsByIds(exchange, query.get("ids"));
					}
					else {
						send(exchange, 404, Map.of("title", "Not found"));
					}
				}
			}
		}
	}

	/** comment-service's batch read: the known ones of the ids, in the order asked, each once. */
	private void commentsByIds(HttpExchange exchange, String ids) throws IOException {
		if (this.commentsDown) {
			send(exchange, 503, Map.of("title", "down"));
			return;
		}
		List<Map<String, Object>> found = new ArrayList<>();
		for (String id : new java.util.LinkedHashSet<>(List.of(ids.split(",")))) {
			StubComment comment = this.comments.get(id);
			if (comment != null) {
				found.add(commentView(comment, false));
			}
		}
		send(exchange, 200, Map.of("comments", found));
	}

	private void comments(HttpExchange exchange, String rest, Map<String, String> query) throws IOException {
		if (this.commentsDown) {
			send(exchange, 503, Map.of("title", "down"));
			return;
		}
		if ("POST".equals(exchange.getRequestMethod()) && rest.startsWith("articles/")) {
			post(exchange, rest.substring("articles/".length()));
			return;
		}
		if (!"GET".equals(exchange.getRequestMethod())) {
			act(exchange, rest);
			return;
		}
		if ("GET".equals(exchange.getRequestMethod()) && !rest.contains("/") && this.comments.containsKey(rest)) {
			send(exchange, 200, commentView(this.comments.get(rest), false));
			return;
		}
		int limit = Integer.parseInt(query.getOrDefault("limit", "20"));
		int offset = query.containsKey("cursor") ? Integer.parseInt(new String(
				java.util.Base64.getUrlDecoder().decode(query.get("cursor")), StandardCharsets.UTF_8)) : 0;
		if (rest.startsWith("articles/") && rest.endsWith("/stream")) {
			stream(exchange, rest.substring("articles/".length(), rest.length() - "/stream".length()));
			return;
		}
		if (rest.startsWith("articles/")) {
			String articleId = rest.substring("articles/".length());
			String sort = query.getOrDefault("sort", "newest");
			List<StubComment> top = new ArrayList<>();
			long count = 0;
			for (StubComment comment : this.comments.values()) {
				if (comment.articleId.equals(articleId) && comment.status.equals("visible")) {
					count++;
					if (comment.parentId == null) {
						top.add(comment);
					}
				}
			}
			Comparator<StubComment> order = switch (sort) {
				case "oldest" -> Comparator.comparing((StubComment c) -> c.createdAt);
				case "reactions" -> Comparator.<StubComment>comparingLong(c -> c.reactions).reversed()
					.thenComparing(Comparator.comparing((StubComment c) -> c.createdAt).reversed());
				default -> Comparator.comparing((StubComment c) -> c.createdAt).reversed();
			};
			top.sort(order);
			List<Map<String, Object>> page = new ArrayList<>();
			for (int i = offset; i < Math.min(top.size(), offset + limit); i++) {
				page.add(commentView(top.get(i), true));
			}
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("articleId", articleId);
			body.put("sort", sort);
			body.put("count", count);
			body.put("comments", page);
			body.put("next", offset + limit < top.size() ? cursor(offset + limit) : null);
			send(exchange, 200, body);
			return;
		}
		if (rest.endsWith("/replies")) {
			String parentId = rest.substring(0, rest.length() - "/replies".length());
			if (!this.comments.containsKey(parentId)) {
				send(exchange, 404, Map.of("title", "Not found"));
				return;
			}
			List<StubComment> replies = repliesOf(parentId);
			List<Map<String, Object>> page = new ArrayList<>();
			for (int i = offset; i < Math.min(replies.size(), offset + limit); i++) {
				page.add(commentView(replies.get(i), false));
			}
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("commentId", parentId);
			body.put("replies", page);
			body.put("next", offset + limit < replies.size() ? cursor(offset + limit) : null);
			send(exchange, 200, body);
			return;
		}
		send(exchange, 404, Map.of("title", "Not found"));
	}

	// ---------------------------------------------------------------------------------------------
	// comment-service as a signed-in reader posts to it, and identity's sign-in (authorization code
	// with PKCE): only what the site's reader tests need

	/** A post that reached comment-service: whose token, which key, what text. */
	public record Post(String subject, String idempotencyKey, String articleId, String text, String parentId,
			boolean replayed) {
	}

	private final List<Post> posts = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final Map<String, String> idempotency = new ConcurrentHashMap<>();

	/** The status a new comment gets (comment-service's moderation): pending unless a test says otherwise. */
	private volatile String postStatus = "pending";

	/** A problem every post answers with, while set: {status, type, Retry-After or null, detail}. */
	private volatile String[] postProblem;

	public List<Post> posts() {
		return List.copyOf(this.posts);
	}

	public void postStatus(String status) {
		this.postStatus = status;
	}

	/** Posts answer this problem (e.g. {@code 409, "comments-closed", null}) until it is cleared with null. */
	public void postProblem(String... problem) {
		this.postProblem = problem;
	}

	private void post(HttpExchange exchange, String articleId) throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		java.util.Optional<com.nimbusds.jwt.JWTClaimsSet> claims = authorization == null
				|| !authorization.startsWith("Bearer ") ? java.util.Optional.empty()
						: news.platform.testsupport.TestTokens.verified(authorization.substring("Bearer ".length()));
		if (claims.isEmpty()) {
			send(exchange, 401, Map.of("title", "Unauthorized"));
			return;
		}
		String subject = claims.get().getSubject();
		Map<String, Object> body = JSON.readValue(exchange.getRequestBody().readAllBytes(), Map.class);
		String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
		String[] problem = this.postProblem;
		if (problem != null) {
			if (problem.length > 2 && problem[2] != null) {
				exchange.getResponseHeaders().set("Retry-After", problem[2]);
			}
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("type", "https://news.platform/problems/" + problem[1]);
			answer.put("title", problem[1]);
			answer.put("status", Integer.parseInt(problem[0]));
			answer.put("detail", problem.length > 3 ? problem[3] : problem[1]);
			send(exchange, Integer.parseInt(problem[0]), answer);
			return;
		}
		String text = String.valueOf(body.get("text"));
		String parentId = (String) body.get("parentId");
		String known = key == null ? null : this.idempotency.get(subject + "/" + key);
		if (known != null) {
			this.posts.add(new Post(subject, key, articleId, text, parentId, true));
			exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
			send(exchange, 201, commentView(this.comments.get(known), false));
			return;
		}
		Story story = this.stories.get(articleId);
		StubComment parent = parentId == null ? null : this.comments.get(parentId);
		StubComment comment = comment(story, parent, String.valueOf(claims.get().getClaim("name")), text, Instant.now());
		comment.status = this.postStatus;
		if (key != null) {
			this.idempotency.put(subject + "/" + key, comment.id);
		}
		this.posts.add(new Post(subject, key, articleId, text, parentId, false));
		send(exchange, 201, commentView(comment, false));
	}

	/** A reader's change of a comment that reached comment-service: {@code PUT c…/reactions/mine {"type":"like"}}. */
	public record Action(String subject, String method, String path, String body) {
	}

	private final List<Action> actions = new java.util.concurrent.CopyOnWriteArrayList<>();

	public List<Action> actions() {
		return List.copyOf(this.actions);
	}

	/** Edits, deletions, reactions and reports, with the reader's token; recorded as they came. */
	private void act(HttpExchange exchange, String rest) throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		java.util.Optional<com.nimbusds.jwt.JWTClaimsSet> claims = authorization == null
				|| !authorization.startsWith("Bearer ") ? java.util.Optional.empty()
						: news.platform.testsupport.TestTokens.verified(authorization.substring("Bearer ".length()));
		if (claims.isEmpty()) {
			send(exchange, 401, Map.of("title", "Unauthorized"));
			return;
		}
		String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		String method = exchange.getRequestMethod();
		this.actions.add(new Action(claims.get().getSubject(), method, rest, body));
		String id = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
		StubComment comment = this.comments.get(id);
		if (comment == null) {
			send(exchange, 404, Map.of("title", "Not found"));
			return;
		}
		switch (method + " " + rest.substring(id.length())) {
			case "PUT /reactions/mine" -> send(exchange, 200, Map.of("commentId", id, "reactionCount", comment.reactions + 1,
					"mine", JSON.readTree(body).path("type").asString()));
			case "POST /reports" -> send(exchange, 202, Map.of("commentId", id));
			case "PATCH " -> {
				comment.text = JSON.readTree(body).path("text").asString();
				send(exchange, 200, commentView(comment, false));
			}
			case "DELETE " -> {
				comment.status = "deleted";
				exchange.sendResponseHeaders(204, -1);
			}
			default -> send(exchange, 404, Map.of("title", "Not found"));
		}
	}

	/** An authorization request's parts, by the code it gave. */
	private record Grant(String subject, String name, String nonce, String challenge, String redirectUri) {
	}

	private final Map<String, Grant> grants = new ConcurrentHashMap<>();

	/** Who signs in next at the stub's authorization endpoint. */
	private volatile String[] nextReader = { "reader-1", "Ivana Čitateljica" };

	public void signsInNext(String subject, String name) {
		this.nextReader = new String[] { subject, name };
	}

	/** Signs the next reader in at once (the form is identity's business) and sends the code back. */
	private void authorize(HttpExchange exchange, Map<String, String> query) throws IOException {
		if (!"S256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null) {
			send(exchange, 400, Map.of("error", "invalid_request", "error_description", "PKCE required"));
			return;
		}
		String code = java.util.UUID.randomUUID().toString();
		this.grants.put(code, new Grant(this.nextReader[0], this.nextReader[1], query.get("nonce"),
				query.get("code_challenge"), query.get("redirect_uri")));
		exchange.getResponseHeaders().set("Location", query.get("redirect_uri") + "?code=" + code + "&state="
				+ java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
		exchange.sendResponseHeaders(302, -1);
	}

	private void token(HttpExchange exchange) throws IOException {
		Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		Grant grant = form.get("code") == null ? null : this.grants.remove(form.get("code"));
		if (grant == null || form.get("code_verifier") == null || !grant.challenge().equals(s256(form.get("code_verifier")))
				|| !grant.redirectUri().equals(form.get("redirect_uri"))) {
			send(exchange, 400, Map.of("error", "invalid_grant"));
			return;
		}
		String access = news.platform.testsupport.TestTokens.sign(news.platform.testsupport.TestTokens
			.claims(grant.subject(), "reader")
			.claim("name", grant.name())
			.build());
		Instant now = Instant.now();
		com.nimbusds.jwt.JWTClaimsSet.Builder id = new com.nimbusds.jwt.JWTClaimsSet.Builder()
			.issuer(news.platform.testsupport.TestTokens.ISSUER)
			.audience("site")
			.subject(grant.subject())
			.issueTime(java.util.Date.from(now))
			.expirationTime(java.util.Date.from(now.plusSeconds(3600)))
			.claim("name", grant.name());
		if (grant.nonce() != null) {
			id.claim("nonce", grant.nonce());
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("access_token", access);
		answer.put("token_type", "Bearer");
		answer.put("expires_in", 3600);
		answer.put("scope", "openid profile");
		answer.put("id_token", news.platform.testsupport.TestTokens.sign(id.build()));
		byte[] bytes = JSON.writeValueAsBytes(answer);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	private static String s256(String verifier) {
		try {
			byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
				.digest(verifier.getBytes(StandardCharsets.US_ASCII));
			return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<StubComment> repliesOf(String parentId) {
		List<StubComment> replies = new ArrayList<>();
		for (StubComment comment : this.comments.values()) {
			if (parentId.equals(comment.parentId) && comment.status.equals("visible")) {
				replies.add(comment);
			}
		}
		replies.sort(Comparator.comparingLong(c -> c.sequence));
		return replies;
	}

	private Map<String, Object> commentView(StubComment comment, boolean nest) {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", comment.id);
		view.put("articleId", comment.articleId);
		if (comment.parentId != null) {
			view.put("parentId", comment.parentId);
		}
		view.put("author", Map.of("id", "u-" + comment.author.hashCode(), "name", comment.author));
		view.put("text", comment.text);
		view.put("status", comment.status);
		view.put("createdAt", comment.createdAt.toString());
		view.put("edited", false);
		view.put("version", 1);
		view.put("reactionCount", comment.reactions);
		List<StubComment> replies = repliesOf(comment.id);
		view.put("replyCount", replies.size());
		if (nest) {
			List<Map<String, Object>> nested = new ArrayList<>();
			for (int i = 0; i < Math.min(NESTED_REPLIES, replies.size()); i++) {
				nested.add(commentView(replies.get(i), false));
			}
			view.put("replies", nested);
			if (replies.size() > NESTED_REPLIES) {
				view.put("moreReplies", cursor(NESTED_REPLIES));
			}
		}
		return view;
	}

	private static String cursor(int offset) {
		return java.util.Base64.getUrlEncoder().withoutPadding()
			.encodeToString(Integer.toString(offset).getBytes(StandardCharsets.UTF_8));
	}

	private void byPath(HttpExchange exchange, String path) throws IOException {
		if (path == null || path.lastIndexOf('/') <= 0) {
			send(exchange, 404, Map.of("title", "Not found"));
			return;
		}
		String slug = path.substring(path.lastIndexOf('/') + 1);
		Story story = this.stories.values()
			.stream()
			.filter(s -> s.slug.equals(slug) || s.previousSlugs.contains(slug))
			.findFirst()
			.orElse(null);
		if (story == null || story.status.equals("draft")) {
			send(exchange, 404, Map.of("title", "Not found"));
		}
		else if (story.status.equals("unpublished")) {
			send(exchange, 410, Map.of("type", "/problems/article-gone"));
		}
		else if (!story.path().equals(path)) {
			exchange.getResponseHeaders().set("Location", "/api/v1/articles/by-path?path=" + story.path());
			send(exchange, 301, Map.of("path", story.path(), "url", "https://www.example.hr" + story.path()));
		}
		else {
			send(exchange, 200, reader(story));
		}
	}

	/**
	 * Related stories as article-service answers them; chosen here as the story's section's newest
	 * (article-service's MoreLikeThis is its own tests' business).
	 */
	private void related(HttpExchange exchange, String id, Map<String, String> query) throws IOException {
		Story story = this.stories.get(id);
		if (story == null || !"published".equals(story.status)) {
			send(exchange, 404, Map.of("title", "Not found"));
			return;
		}
		int limit = Integer.parseInt(query.getOrDefault("limit", "5"));
		List<Map<String, Object>> items = this.stories.values()
			.stream()
			.filter(s -> s.status.equals("published") && s.section.equals(story.section) && s != story)
			.sorted(Comparator.comparing((Story s) -> s.publishedAt).reversed())
			.limit(limit)
			.map(ServicesStub::teaser)
			.toList();
		send(exchange, 200, Map.of("items", items));
	}

	private void list(HttpExchange exchange, Map<String, String> query, String q) throws IOException {
		if (q != null && (q.contains("\u0000") || q.length() > 200)) {
			send(exchange, 400, Map.of("title", "bad q"));
			return;
		}
		String section = query.get("section");
		Instant to = query.containsKey("to") ? Instant.parse(query.get("to")) : null;
		int limit = Integer.parseInt(query.getOrDefault("limit", "20"));
		List<Story> found = this.stories.values()
			.stream()
			.filter(s -> s.status.equals("published"))
			.filter(s -> section == null || s.section.equals(section))
			.filter(s -> !query.containsKey("tag") || s.tags.stream().anyMatch(tag -> folded(tag).equals(folded(query.get("tag")))))
			.filter(s -> !query.containsKey("author")
					|| s.authors.stream().anyMatch(author -> folded(author).equals(folded(query.get("author")))))
			.filter(s -> to == null || s.publishedAt.isBefore(to))
			.filter(s -> q == null || matches(s, q))
			.sorted(Comparator.comparing((Story s) -> s.publishedAt).reversed())
			.limit(limit)
			.toList();
		List<Map<String, Object>> items = new ArrayList<>();
		for (Story story : found) {
			Map<String, Object> item = teaser(story);
			if (q != null) {
				String word = q.strip().split("\\s+")[0].replaceAll("[^\\p{L}\\p{N}]", "");
				item.put("highlights", Map.of("headline", story.headline.replace(word, "<mark>" + word + "</mark>")));
			}
			items.add(item);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("items", items);
		body.put("nextCursor", null);
		send(exchange, 200, body);
	}

	/** The list filter's matching: case- and diacritic-insensitive. */
	private static String folded(String text) {
		return java.text.Normalizer.normalize(text.toLowerCase(Locale.ROOT).replace('đ', 'd'), java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}+", "");
	}

	private static boolean matches(Story story, String q) {
		String headline = story.headline.toLowerCase(Locale.ROOT);
		for (String word : q.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (!word.isEmpty() && headline.contains(word)) {
				return true;
			}
		}
		return false;
	}

	private static Map<String, Object> teaser(Story story) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("id", story.id);
		item.put("slug", story.slug);
		item.put("headline", story.headline);
		item.put("standfirst", story.standfirst);
		item.put("section", story.section);
		item.put("tags", story.tags);
		item.put("authors", story.authors.stream().map(name -> Map.of("id", "a-" + name.hashCode(), "name", name)).toList());
		item.put("language", "hr");
		item.put("publishedAt", story.publishedAt == null ? null : story.publishedAt.toString());
		item.put("url", "https://www.example.hr" + story.path());
		return item;
	}

	private static Map<String, Object> reader(Story story) {
		Map<String, Object> article = teaser(story);
		article.put("authors", story.authors);
		article.put("body", story.richBody != null ? story.richBody
				: story.paragraphs.stream().map(text -> Map.of("type", "paragraph", "text", text)).toList());
		article.put("firstPublishedAt", story.firstPublishedAt == null ? null : story.firstPublishedAt.toString());
		article.put("updatedAt", story.publishedAt == null ? null : story.publishedAt.toString());
		article.put("wordCount", 120);
		article.put("readingMinutes", 1);
		article.put("corrections", List.of());
		article.put("commentsOpen", true);
		return article;
	}

	private static Map<String, String> query(String raw) {
		Map<String, String> query = new LinkedHashMap<>();
		if (raw == null) {
			return query;
		}
		for (String pair : raw.split("&")) {
			int equals = pair.indexOf('=');
			if (equals > 0) {
				query.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return query;
	}

	private static void send(HttpExchange exchange, int status, Object body) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
