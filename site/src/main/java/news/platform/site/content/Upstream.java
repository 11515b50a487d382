package news.platform.site.content;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;

/**
 * One service's public API, read anonymously (what any reader may see: never a staff view, never
 * an embargoed story) through its breaker and time limit. JSON is read leniently into a tree:
 * fields the site does not know are ignored, so the services may add fields freely.
 */
final class Upstream {

	static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private final String name;

	private final String base;

	private final HttpClient http;

	private final Duration timeout;

	private final CircuitBreaker breaker;

	private final Supplier<Map<String, String>> traceHeaders;

	Upstream(String name, String baseUrl, HttpClient http, Duration timeout, CircuitBreaker breaker,
			Supplier<Map<String, String>> traceHeaders) {
		this.name = name;
		this.base = baseUrl == null ? null : (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
		this.http = http;
		this.timeout = timeout;
		this.breaker = breaker;
		this.traceHeaders = traceHeaders;
	}

	/** The answer of a service, 2xx to 4xx; 5xx and failures are {@link UpstreamUnavailable}. */
	record Reply(int status, String location, JsonNode body) {

		boolean ok() {
			return this.status == 200;
		}

	}

	/** {@code GET <base><pathAndQuery>}, JSON. */
	Reply get(String pathAndQuery) {
		if (this.base == null || this.base.isBlank()) {
			throw new UpstreamUnavailable(this.name + ": no address (platform.upstreams." + this.name + ")");
		}
		return this.breaker.run(() -> call(pathAndQuery), failure -> {
			if (failure instanceof UpstreamUnavailable unavailable) {
				throw unavailable;
			}
			throw new UpstreamUnavailable(this.name + ": " + failure, failure);
		});
	}

	private Reply call(String pathAndQuery) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + pathAndQuery))
			.timeout(this.timeout)
			.header("Accept", "application/json")
			.GET();
		this.traceHeaders.get().forEach(request::header);
		HttpResponse<byte[]> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UpstreamUnavailable(this.name + ": GET " + pathAndQuery + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UpstreamUnavailable(this.name + ": interrupted", ex);
		}
		int status = response.statusCode();
		if (status >= 500) {
			throw new UpstreamUnavailable(this.name + ": GET " + pathAndQuery + " answered " + status);
		}
		JsonNode body = null;
		byte[] bytes = response.body();
		String type = response.headers().firstValue("Content-Type").orElse("");
		if (bytes != null && bytes.length > 0 && type.contains("json")) {
			try {
				body = JSON.readTree(bytes);
			}
			catch (JacksonException ex) {
				throw new UpstreamUnavailable(this.name + ": GET " + pathAndQuery + ": unreadable JSON", ex);
			}
		}
		return new Reply(status, response.headers().firstValue("Location").orElse(null), body);
	}

	String name() {
		return this.name;
	}

}
