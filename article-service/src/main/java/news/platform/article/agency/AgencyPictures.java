package news.platform.article.agency;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.function.Supplier;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import news.platform.article.ninjs.NinjsItem;
import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;

/**
 * Hands an agency picture to media-service: {@code POST /internal/v1/media/agency-pictures} with
 * a {@code service} token and the importing person in the body ({@code onBehalfOf}), who becomes
 * the item's uploader. media-service fetches the picture itself, checking every resolved address;
 * its refusals come back as this item's problem, with the field moved to the rendition's path.
 */
class AgencyPictures {

	static final String PATH = "/internal/v1/media/agency-pictures";

	private final JsonMapper json;

	private final URI url;

	private final Supplier<String> authorization;

	private final Duration timeout;

	private final HttpClient http;

	/**
	 * @param baseUrl media-service ({@code http://media-service:8082}); empty when unknown
	 * @param authorization the {@code Authorization} header value, asked for on every call
	 * @param timeout answer time allowed (media-service's own fetch limit plus a margin)
	 */
	AgencyPictures(JsonMapper json, String baseUrl, Supplier<String> authorization, Duration timeout) {
		this.json = json;
		String base = baseUrl == null ? "" : baseUrl.strip();
		base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		this.url = base.isEmpty() ? null : URI.create(base + PATH);
		this.authorization = authorization;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(2))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** The new media item's id, within the configured answer time. */
	String store(NinjsItem.Picture picture, String onBehalfOf) {
		return store(picture, onBehalfOf, this.timeout);
	}

	/** The new media item's id, within {@code timeout} (a batch passes what is left of its time). */
	String store(NinjsItem.Picture picture, String onBehalfOf, Duration timeout) {
		if (this.url == null) {
			throw unavailable(picture, "no address for media-service (platform.upstreams.media-service)");
		}
		ObjectNode body = this.json.createObjectNode().put("url", picture.href()).put("onBehalfOf", onBehalfOf);
		if (picture.caption() != null) {
			body.put("caption", picture.caption());
		}
		if (picture.credit() != null) {
			body.put("credit", picture.credit());
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(this.url)
			.timeout(timeout.compareTo(this.timeout) < 0 ? timeout : this.timeout)
			.header("Accept", "application/json")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()));
		String value = this.authorization.get();
		if (value != null) {
			request.header("Authorization", value);
		}
		HttpResponse<String> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (HttpTimeoutException ex) {
			throw new ApiProblem(ProblemType.UPSTREAM_TIMEOUT, "media-service did not store the picture in time.")
				.withFieldError(picture.hrefPath(), "timed out");
		}
		catch (IOException ex) {
			throw unavailable(picture, "media-service: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unavailable(picture, "interrupted");
		}
		JsonNode answer = read(response.body());
		if (response.statusCode() == 201 && answer != null && answer.path("id").isString()) {
			return answer.path("id").stringValue();
		}
		if (answer != null && response.statusCode() >= 400 && response.statusCode() < 500
				&& response.statusCode() != 401 && response.statusCode() != 403) {
			// the picture's own fault (not http(s), a non-public address, too large, not an image)
			ProblemType type = type(answer, response.statusCode());
			String detail = answer.path("detail").isString() ? answer.path("detail").stringValue()
					: "media-service refused the picture";
			String message = answer.at("/errors/0/message").isString() ? answer.at("/errors/0/message").stringValue()
					: detail;
			throw new ApiProblem(type, detail).withFieldError(picture.hrefPath(), message);
		}
		if (response.statusCode() == 504) {
			throw new ApiProblem(ProblemType.UPSTREAM_TIMEOUT, "The agency did not send the picture in time.")
				.withFieldError(picture.hrefPath(), "timed out");
		}
		throw unavailable(picture, "media-service answered " + response.statusCode()
				+ (answer != null && answer.path("detail").isString() ? ": " + answer.path("detail").stringValue() : ""));
	}

	/** media-service's own problem type when this catalogue knows it, else the common one of the status. */
	private static ProblemType type(JsonNode answer, int status) {
		String slug = answer.path("type").isString() ? answer.path("type").stringValue() : "";
		slug = slug.substring(slug.lastIndexOf('/') + 1);
		for (ProblemType candidate : ProblemType.values()) {
			if (candidate.slug().equals(slug) && candidate.status().value() == status) {
				return candidate;
			}
		}
		return ProblemType.forStatus(org.springframework.http.HttpStatusCode.valueOf(status));
	}

	private JsonNode read(String body) {
		try {
			return body == null || body.isBlank() ? null : this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static ApiProblem unavailable(NinjsItem.Picture picture, String message) {
		return new ApiProblem(ProblemType.UPSTREAM_UNAVAILABLE, "The picture could not be stored: " + message + ".")
			.withFieldError(picture.hrefPath(), message);
	}

}
