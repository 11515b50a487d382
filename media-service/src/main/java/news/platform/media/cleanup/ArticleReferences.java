package news.platform.media.cleanup;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks article-service whether anything it stores names media items, before the clean-up job
 * deletes them: {@code POST /internal/v1/articles/media-references} with a {@code service} token
 * and {@code {"mediaIds": [...]}} (at most 100), answered {@code {"references": [{"mediaId",
 * "referenced", ...}]}}. Reads only those two fields, so article-service may add more. Any answer
 * but a readable 200 is not a "no": 404 (an article-service without the endpoint) is told apart,
 * everything else is {@link Unavailable}.
 */
public class ArticleReferences {

	static final String PATH = "/internal/v1/articles/media-references";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final URI url;

	private final Supplier<String> authorization;

	private final Duration timeout;

	/**
	 * @param baseUrl article-service ({@code http://article-service:8081}); empty when unknown
	 * @param authorization the {@code Authorization} header value, asked for on every call
	 * @param timeout connect and answer time allowed per call
	 */
	public ArticleReferences(String baseUrl, Supplier<String> authorization, Duration timeout) {
		String base = baseUrl == null ? "" : baseUrl.strip();
		base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		this.url = base.isEmpty() ? null : URI.create(base + PATH);
		this.authorization = authorization;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
	}

	/** What article-service said. */
	public sealed interface Answer permits Answered, EndpointMissing, Unavailable {

	}

	/** For each id asked that article-service answered for: whether anything names it. */
	public record Answered(Map<String, Boolean> referenced) implements Answer {

		/** Ids article-service did not answer for count as named: nothing is deleted on a guess. */
		public boolean mayDelete(String mediaId) {
			return Boolean.FALSE.equals(this.referenced.get(mediaId));
		}

	}

	/** 404: this article-service has no such endpoint (an older version). */
	public record EndpointMissing(String detail) implements Answer {
	}

	/** No usable answer: down, slow, an error, a refused token, an unreadable body, the breaker open. */
	public record Unavailable(String detail) implements Answer {
	}

	/**
	 * @throws ArticleServiceUnavailable on anything but a readable 200 or a 404, so the circuit
	 * breaker counts it
	 */
	public Answer ask(List<String> mediaIds) {
		if (this.url == null) {
			throw new ArticleServiceUnavailable("no address for article-service (platform.upstreams.article-service)");
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(this.url)
			.timeout(this.timeout)
			.header("Accept", "application/json")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("mediaIds", mediaIds))));
		String value = this.authorization.get();
		if (value != null) {
			request.header("Authorization", value);
		}
		HttpResponse<String> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new ArticleServiceUnavailable("POST " + PATH + ": " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ArticleServiceUnavailable("interrupted");
		}
		if (response.statusCode() == 404) {
			return new EndpointMissing("POST " + PATH + " answered 404");
		}
		if (response.statusCode() != 200) {
			throw new ArticleServiceUnavailable("POST " + PATH + " answered " + response.statusCode());
		}
		return new Answered(read(response.body()));
	}

	private static Map<String, Boolean> read(String body) {
		Map<String, Boolean> referenced = new HashMap<>();
		try {
			JsonNode references = JSON.readTree(body).path("references");
			if (!references.isArray()) {
				throw new ArticleServiceUnavailable("POST " + PATH + " answered 200 without a references array");
			}
			for (JsonNode reference : references) {
				JsonNode id = reference.path("mediaId");
				JsonNode named = reference.path("referenced");
				if (id.isString() && named.isBoolean()) {
					// an id answered twice counts as named if either answer says so
					referenced.merge(id.asString(), named.asBoolean(), Boolean::logicalOr);
				}
			}
		}
		catch (JacksonException ex) {
			throw new ArticleServiceUnavailable("POST " + PATH + " answered 200 with a body that is not JSON");
		}
		return referenced;
	}

	/** article-service did not answer usably. */
	public static class ArticleServiceUnavailable extends RuntimeException {

		public ArticleServiceUnavailable(String message) {
			super(message);
		}

	}

}
