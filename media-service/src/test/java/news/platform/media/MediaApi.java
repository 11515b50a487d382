package news.platform.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import news.platform.testsupport.TestTokens;

/** Drives the media API over HTTP with binary bodies, as the newsroom's tools would. */
public final class MediaApi {

	public static final String EDITOR = TestTokens.token("editor-1", "editor");

	public static final String JOURNALIST = TestTokens.token("journalist-1", "journalist");

	public static final String ADMIN = TestTokens.token("admin-1", "admin");

	public static final String READER = TestTokens.token("reader-1", "reader");

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int port;

	public MediaApi(int port) {
		this.port = port;
	}

	public String url(String path) {
		return path.startsWith("http") ? path : "http://localhost:" + this.port + path;
	}

	public record Response(int status, HttpHeaders headers, byte[] body) {

		public String text() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

	}

	/** A raw-body upload as a staff member. */
	public Response upload(String token, byte[] bytes, String contentType) {
		return send("POST", "/api/v1/media", HttpRequest.BodyPublishers.ofByteArray(bytes), "Authorization",
				"Bearer " + token, "Content-Type", contentType);
	}

	/** An upload without Content-Length (chunked), as a streaming client sends it. */
	public Response uploadChunked(String token, Supplier<InputStream> body) {
		return send("POST", "/api/v1/media", HttpRequest.BodyPublishers.ofInputStream(body), "Authorization",
				"Bearer " + token, "Content-Type", "application/octet-stream");
	}

	public Response uploadMultipart(String token, byte[] bytes, String filename, String partType) {
		String boundary = "----media" + UUID.randomUUID();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + partType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + bytes.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(bytes, 0, body, head.length, bytes.length);
		System.arraycopy(tail, 0, body, head.length + bytes.length, tail.length);
		return send("POST", "/api/v1/media", HttpRequest.BodyPublishers.ofByteArray(body), "Authorization",
				"Bearer " + token, "Content-Type", "multipart/form-data; boundary=" + boundary);
	}

	/** Uploads and answers the created item's JSON. */
	public JsonNode uploaded(byte[] bytes) {
		Response response = upload(EDITOR, bytes, "application/octet-stream");
		if (response.status() != 201) {
			throw new IllegalStateException("upload failed: " + response.status() + " " + response.text());
		}
		return response.json();
	}

	public Response get(String path, String... headers) {
		return send("GET", path, HttpRequest.BodyPublishers.noBody(), headers);
	}

	public Response patch(String token, String id, String etag, String json) {
		List<String> headers = new ArrayList<>(List.of("Authorization", "Bearer " + token, "Content-Type",
				"application/json"));
		if (etag != null) {
			headers.addAll(List.of("If-Match", etag));
		}
		return send("PATCH", "/api/v1/media/" + id, HttpRequest.BodyPublishers.ofString(json),
				headers.toArray(String[]::new));
	}

	public Response send(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
			.timeout(Duration.ofSeconds(60))
			.method(method, body);
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Response(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
