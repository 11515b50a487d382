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
		this.server.setExecutor(Executors.newFixedThreadPool(8));
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
				default -> send(exchange, 404, Map.of("title", "Not found"));
			}
		}
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
