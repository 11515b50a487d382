package news.platform.autoconfigure.feed.follow;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import news.platform.autoconfigure.feed.FeedData;
import news.platform.autoconfigure.feed.FeedEvent;
import news.platform.autoconfigure.feed.FeedPage;
import news.platform.autoconfigure.feed.FeedSource;
import news.platform.autoconfigure.feed.FeedUnavailableException;

/**
 * Another service's feed over HTTP: {@code GET <base>/internal/v1/<feed>/events?after=&limit=}
 * with a {@code service} token, read leniently (unknown fields are ignored, so the producer may add
 * fields freely). Every call has a time limit: a producer that hangs is a failed read.
 */
public final class HttpFeedSource implements FeedSource {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final String feedUrl;

	private final String subjectField;

	private final Supplier<String> authorization;

	private final Duration timeout;

	/**
	 * @param baseUrl the producing service ({@code http://article-service:8081})
	 * @param feed the feed's name ({@code articles})
	 * @param subjectField the envelope's subject field ({@code articleId})
	 * @param authorization the {@code Authorization} header value, asked for on every call
	 * @param timeout connect and answer time allowed per call
	 */
	public HttpFeedSource(String baseUrl, String feed, String subjectField, Supplier<String> authorization,
			Duration timeout) {
		String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.feedUrl = base + "/internal/v1/" + feed + "/events";
		this.subjectField = subjectField;
		this.authorization = authorization;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
	}

	@Override
	public FeedPage read(long after, int limit) {
		JsonNode page = get("?after=" + after + "&limit=" + limit);
		List<FeedEvent> events = new ArrayList<>();
		for (JsonNode event : page.path("events")) {
			events.add(event(event));
		}
		return new FeedPage(events, events.isEmpty() ? after : events.get(events.size() - 1).seq());
	}

	@Override
	public long head() {
		JsonNode head = get("/head").path("seq");
		if (!head.canConvertToLong()) {
			throw new FeedUnavailableException("the feed's head answer has no seq");
		}
		return head.asLong();
	}

	@SuppressWarnings("unchecked")
	private FeedEvent event(JsonNode event) {
		JsonNode seq = event.path("seq");
		if (!seq.canConvertToLong()) {
			throw new FeedUnavailableException("a feed event without a seq");
		}
		Map<String, Object> data = event.path("data").isObject() ? JSON.convertValue(event.path("data"), Map.class)
				: Map.of();
		return new FeedEvent(seq.asLong(), text(event, "type"), event.path("schemaVersion").asInt(1),
				instant(text(event, "occurredAt")), text(event, this.subjectField), new FeedData(data));
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() ? value.asString() : null;
	}

	private static Instant instant(String text) {
		try {
			return text == null ? null : Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private JsonNode get(String suffix) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.feedUrl + suffix))
			.timeout(this.timeout)
			.header("Accept", "application/json")
			.GET();
		String value = this.authorization.get();
		if (value != null) {
			request.header("Authorization", value);
		}
		try {
			HttpResponse<byte[]> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new FeedUnavailableException("GET " + this.feedUrl + suffix + " answered " + response.statusCode());
			}
			return JSON.readTree(response.body());
		}
		catch (IOException | JacksonException ex) {
			throw new FeedUnavailableException("GET " + this.feedUrl + suffix + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FeedUnavailableException("interrupted", ex);
		}
	}

	@Override
	public String toString() {
		return this.feedUrl;
	}

}
