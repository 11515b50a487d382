package news.platform.site.readers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * comment-service's API as a signed-in reader: every call carries the reader's own access token, so
 * comment-service applies its rules to that reader (rate limit, suspension, edit window, own
 * pending comments). Never used for what every reader sees (that is read anonymously, and cached).
 */
final class ReaderComments {

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/** comment-service's bound on one batch read. */
	static final int MOST_AT_ONCE = 50;

	private final String base;

	private final HttpClient http;

	private final Duration timeout;

	ReaderComments(String baseUrl, Duration connectTimeout, Duration timeout) {
		// not configured (a process that shows no comments): every call answers "unavailable"
		this.base = baseUrl == null || baseUrl.isBlank() ? null
				: baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1).build();
		this.timeout = timeout;
	}

	/**
	 * comment-service's answer: 2xx with the body, or a problem ({@code type}'s last segment,
	 * {@code detail}, {@code Retry-After}); {@code status} 0 when it did not answer at all.
	 */
	record Outcome(int status, JsonNode body, String problem, String detail, long retryAfterSeconds) {

		boolean ok() {
			return this.status >= 200 && this.status < 300;
		}

		static Outcome unavailable() {
			return new Outcome(0, null, "upstream-unavailable", null, 0);
		}

	}

	Outcome post(String token, String articleId, String text, String parentId, String idempotencyKey) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("text", text);
		if (parentId != null) {
			body.put("parentId", parentId);
		}
		return send(token, "POST", "/api/v1/comments/articles/" + articleId, body, "Idempotency-Key", idempotencyKey);
	}

	Outcome comment(String token, String commentId) {
		return send(token, "GET", "/api/v1/comments/" + commentId, null);
	}

	/**
	 * Several comments in one call ({@code GET /api/v1/comments?ids=}), each as comment-service shows
	 * it to this token's holder, in the order asked; those it may not see are left out. The ids must
	 * be comment ids already (checked by the caller), at most {@link #MOST_AT_ONCE}.
	 */
	Outcome comments(String token, List<String> commentIds) {
		return send(token, "GET", "/api/v1/comments?ids=" + String.join(",", commentIds), null);
	}

	Outcome edit(String token, String commentId, String text, long version) {
		return send(token, "PATCH", "/api/v1/comments/" + commentId, Map.of("text", text, "version", version));
	}

	Outcome delete(String token, String commentId) {
		return send(token, "DELETE", "/api/v1/comments/" + commentId, null);
	}

	Outcome react(String token, String commentId, String type) {
		return send(token, "PUT", "/api/v1/comments/" + commentId + "/reactions/mine", Map.of("type", type));
	}

	Outcome report(String token, String commentId, String reason) {
		return send(token, "POST", "/api/v1/comments/" + commentId + "/reports",
				reason == null ? Map.of() : Map.of("reason", reason));
	}

	private Outcome send(String token, String method, String path, Object body, String... headers) {
		if (this.base == null) {
			return Outcome.unavailable();
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(this.timeout)
			.header("Accept", "application/json, application/problem+json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
		}
		HttpResponse<String> response;
		try {
			HttpRequest call = request.build();
			response = PersonalTiming.upstream(() -> {
				try {
					return this.http.send(call, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return null;
				}
			});
			if (response == null) {
				return Outcome.unavailable();
			}
		}
		catch (java.io.UncheckedIOException ex) {
			return Outcome.unavailable();
		}
		JsonNode json = null;
		String text = response.body();
		if (text != null && !text.isBlank()) {
			try {
				json = JSON.readTree(text);
			}
			catch (RuntimeException ex) {
				json = null;
			}
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return new Outcome(status, json, null, null, 0);
		}
		if (status >= 500) {
			return Outcome.unavailable();
		}
		String type = json == null ? "" : json.path("type").asString("");
		String problem = type.substring(type.lastIndexOf('/') + 1);
		String detail = json == null ? null : json.path("detail").asString(null);
		long retryAfter = response.headers().firstValue("Retry-After").map(ReaderComments::seconds).orElse(0L);
		return new Outcome(status, json, problem.isEmpty() ? "status-" + status : problem, detail, retryAfter);
	}

	private static long seconds(String value) {
		try {
			return Math.max(0, Long.parseLong(value.trim()));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
