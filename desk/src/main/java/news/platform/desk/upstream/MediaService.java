package news.platform.desk.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * media-service's API as the photo screens use it, with the person's token. Uploads do not go
 * through the {@link RestClient} (whose interceptors may buffer a body): each file is streamed from
 * the servlet's part on disk to media-service with the JDK client and a fixed length, so the desk
 * never holds a picture in memory.
 */
public class MediaService {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RestClient client;

	private final ServiceCalls calls;

	private final HttpClient uploads;

	private final String baseUrl;

	private final Duration uploadTimeout;

	MediaService(RestClient client, ServiceCalls calls, String baseUrl, Duration connectTimeout, Duration uploadTimeout) {
		this.client = client;
		this.calls = calls;
		this.baseUrl = baseUrl;
		this.uploadTimeout = uploadTimeout;
		this.uploads = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
	}

	/** {@code GET /api/v1/media?...}: a page of the library. */
	public JsonNode library(String query) {
		return this.calls.call(() -> this.client.get().uri("/api/v1/media?" + query).retrieve().body(JsonNode.class));
	}

	/** {@code GET /api/v1/media/{id}} as staff see it (with {@code version}). */
	public JsonNode item(String id) {
		return this.calls.call(() -> this.client.get().uri("/api/v1/media/{id}", id).retrieve().body(JsonNode.class));
	}

	public JsonNode usage(String id) {
		return this.calls.call(() -> this.client.get().uri("/api/v1/media/{id}/usage", id).retrieve().body(JsonNode.class));
	}

	/** A JSON merge patch at the version the person saw ({@code If-Match}). */
	public JsonNode patch(String id, Map<String, Object> patch, long version) {
		return this.calls.call(() -> this.client.patch()
			.uri("/api/v1/media/{id}", id)
			.contentType(MediaType.parseMediaType("application/merge-patch+json"))
			.header("If-Match", "\"" + version + "\"")
			.body(patch)
			.retrieve()
			.body(JsonNode.class));
	}

	public void delete(String id) {
		this.calls.call(() -> this.client.delete().uri("/api/v1/media/{id}", id).retrieve().toBodilessEntity());
	}

	/**
	 * {@code POST /api/v1/media} with the file as the body, streamed with its length; a 4xx is a
	 * {@link Refusal} (this file only), anything else counts against the breaker.
	 */
	public JsonNode upload(String accessToken, String fileName, long size, Supplier<InputStream> content) {
		Object outcome = this.calls.call(() -> {
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/api/v1/media"))
				.timeout(this.uploadTimeout)
				.header("Authorization", "Bearer " + accessToken)
				.header("Content-Type", "application/octet-stream")
				.header("Content-Disposition", "attachment; filename*=UTF-8''"
						+ java.net.URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"))
				.POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(content), size))
				.build();
			try {
				HttpResponse<String> answer = this.uploads.send(request, HttpResponse.BodyHandlers.ofString());
				if (answer.statusCode() >= 400 && answer.statusCode() < 500) {
					return new RefusedUpload(answer.statusCode(), answer.body());
				}
				if (answer.statusCode() != 201) {
					throw new IllegalStateException("media-service answered " + answer.statusCode());
				}
				return (Object) JSON.readTree(answer.body());
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		});
		// a refusal passes the breaker as a value (it is this file's answer, not a failure)
		if (outcome instanceof RefusedUpload refused) {
			throw new Refusal(refused.status(), refused.body());
		}
		return (JsonNode) outcome;
	}

	private record RefusedUpload(int status, String body) {
	}

}
