package news.platform.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import news.platform.testsupport.Http;

/**
 * {@link Http} for the gateway's tests, with the client pinned to HTTP/1.1: the JDK client's
 * default tries an {@code h2c} upgrade on every new plain-HTTP connection, which the gateway does
 * not offer; clients reach it over TLS or HTTP/1.1, and that is what is tested.
 */
final class Client {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private Client() {
	}

	static Http.Response get(String url, String... headers) {
		return send("GET", url, null, headers);
	}

	static Http.Response post(String url, String body, String... headers) {
		return send("POST", url, body, headers);
	}

	/** {@code headers} are name, value pairs. */
	static Http.Response send(String method, String url, String body, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Http.Response(response.statusCode(), response.headers(), response.body());
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
