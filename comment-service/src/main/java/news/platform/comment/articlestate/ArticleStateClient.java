package news.platform.comment.articlestate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * article-service's batch state endpoint ({@code POST /internal/v1/articles/state}), asked for an
 * article the feed has not brought yet. It reads only the fields it uses and ignores the rest, so
 * the provider may add fields freely; the consumer contract ({@code contracts/}) pins exactly these.
 * (The feed itself is read by the shared {@code HttpFeedSource}.)
 */
public class ArticleStateClient {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final HttpClient http;

	private final URI stateUrl;

	private final String baseUrl;

	private final Supplier<String> authorization;

	private final Duration timeout;

	/**
	 * @param baseUrl article-service ({@code http://article-service:8081})
	 * @param authorization the {@code Authorization} header value, asked for on every call
	 * @param timeout connect and answer time allowed per call
	 */
	public ArticleStateClient(String baseUrl, Supplier<String> authorization, Duration timeout) {
		String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.stateUrl = URI.create(base + "/internal/v1/articles/state");
		this.baseUrl = base;
		this.authorization = authorization;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(timeout)
			.build();
	}

	public record StateAnswer(String id, boolean exists, boolean published, boolean commentsOpen,
			Instant commentsCloseAt, String section, Instant firstPublishedAt) {
	}

	record StateResponse(List<StateAnswer> articles) {
	}

	/** For each id (at most 500): exists, published, comments open, close time, section, first publication. */
	public List<StateAnswer> state(List<String> ids) {
		return state(ids, Map.of());
	}

	/** As {@link #state(List)}, sending {@code traceHeaders} so article-service's spans join the caller's trace. */
	public List<StateAnswer> state(List<String> ids, Map<String, String> traceHeaders) {
		String body = JSON.writeValueAsString(Map.of("ids", ids));
		HttpRequest.Builder builder = HttpRequest.newBuilder(this.stateUrl)
			.timeout(this.timeout)
			.header("Accept", "application/json")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		String value = this.authorization.get();
		if (value != null) {
			builder.header("Authorization", value);
		}
		traceHeaders.forEach(builder::header);
		StateResponse response = JSON.readValue(send(builder.build()), StateResponse.class);
		return response.articles() == null ? List.of() : response.articles();
	}

	/**
	 * Every section's path ({@code vijesti}, {@code vijesti/hrvatska}) from article-service's
	 * section list at {@code path} ({@code GET /api/v1/sections}): an object with a
	 * {@code sections} array (or the array itself), each section with its {@code path} (else its
	 * {@code slug}) and its subsections under {@code children}. Other fields are ignored.
	 */
	public Set<String> sectionPaths(String path, Map<String, String> traceHeaders) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(this.timeout)
			.header("Accept", "application/json")
			.GET();
		String value = this.authorization.get();
		if (value != null) {
			builder.header("Authorization", value);
		}
		traceHeaders.forEach(builder::header);
		JsonNode root = JSON.readTree(send(builder.build()));
		JsonNode list = root.isArray() ? root : root.path("sections");
		if (!list.isArray()) {
			throw new ArticleServiceUnavailable("GET " + path + " answered no section list");
		}
		Set<String> paths = new LinkedHashSet<>();
		collect(list, null, paths);
		return paths;
	}

	private static void collect(JsonNode sections, String parent, Set<String> paths) {
		for (JsonNode section : sections) {
			String own = section.path("path").isString() ? section.path("path").asString() : null;
			if (own == null && section.path("slug").isString()) {
				own = parent == null ? section.path("slug").asString() : parent + "/" + section.path("slug").asString();
			}
			if (own != null && !own.isBlank()) {
				paths.add(own);
			}
			if (section.path("children").isArray()) {
				collect(section.path("children"), own, paths);
			}
		}
	}

	private String send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new ArticleServiceUnavailable(
						request.method() + " " + request.uri().getPath() + " answered " + response.statusCode());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new ArticleServiceUnavailable(request.method() + " " + request.uri().getPath() + ": " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ArticleServiceUnavailable("interrupted");
		}
	}

	/** article-service did not answer as expected: down, slow, or refusing our token. */
	public static class ArticleServiceUnavailable extends RuntimeException {

		public ArticleServiceUnavailable(String message) {
			super(message);
		}

	}

}
