package news.platform.comment.articlestate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * comment-service's view of article-service's internal API: the event feed and the batch state
 * endpoint. It reads only the fields it uses and ignores the rest, so the provider may add fields
 * freely; the consumer contract ({@code contracts/}) pins exactly these.
 */
public class ArticleServiceClient {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final HttpClient http;

	private final String baseUrl;

	private final Supplier<String> authorization;

	private final Duration timeout;

	public ArticleServiceClient(String baseUrl, Supplier<String> authorization, Duration timeout) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.authorization = authorization;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(timeout)
			.build();
	}

	public record FeedPage(List<FeedEvent> events, long next) {
	}

	public record FeedEvent(long seq, String type, int schemaVersion, Instant occurredAt, String articleId,
			Data data) {

		public record Data(String status, String section, Instant publishedAt, Instant firstPublishedAt,
				Boolean commentsOpen, Instant commentsCloseAt) {
		}

	}

	public record StateAnswer(String id, boolean exists, boolean published, boolean commentsOpen,
			Instant commentsCloseAt, String section, Instant firstPublishedAt) {
	}

	record StateResponse(List<StateAnswer> articles) {
	}

	/** Feed events after {@code after}, in seq order. */
	public FeedPage events(long after, int limit) {
		HttpRequest request = request("/internal/v1/articles/events?after=" + after + "&limit=" + limit).GET().build();
		return JSON.readValue(send(request), FeedPage.class);
	}

	/** For each id (at most 500): exists, published, comments open, close time. */
	public List<StateAnswer> state(List<String> ids) {
		return state(ids, Map.of());
	}

	/** As {@link #state(List)}, sending {@code traceHeaders} so article-service's spans join the caller's trace. */
	public List<StateAnswer> state(List<String> ids, Map<String, String> traceHeaders) {
		String body = JSON.writeValueAsString(Map.of("ids", ids));
		HttpRequest.Builder builder = request("/internal/v1/articles/state").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		traceHeaders.forEach(builder::header);
		HttpRequest request = builder.build();
		StateResponse response = JSON.readValue(send(request), StateResponse.class);
		return response.articles() == null ? List.of() : response.articles();
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(this.timeout)
			.header("Accept", "application/json");
		String value = this.authorization.get();
		if (value != null) {
			builder.header("Authorization", value);
		}
		return builder;
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
