package news.platform.media.agency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.security.TokenIdentity;
import news.platform.media.item.Caller;
import news.platform.media.item.MediaEditing;
import news.platform.media.item.MediaItem;
import news.platform.media.item.MediaView;
import news.platform.media.item.MediaViews;
import news.platform.media.item.Versions;
import news.platform.media.upload.Uploads;

/**
 * {@code POST /internal/v1/media/agency-pictures}: article-service's ninjs import hands over an
 * agency picture by URL, with a {@code service} token (the security chain allows only that role
 * under {@code /internal/**}) and the importing person's id in the body, who becomes the item's
 * uploader. The picture is fetched by {@link PictureFetch} and stored by the ordinary upload.
 */
@RestController
@RequestMapping(path = "/internal/v1/media/agency-pictures", produces = MediaType.APPLICATION_JSON_VALUE)
@EnableConfigurationProperties(AgencyPictureProperties.class)
@Tag(name = "Internal", description = "Service to service (service token); never routed by the gateway")
class AgencyPictureController {

	private static final int URL_MAX = 2000;

	private static final int TEXT_MAX = 1000;

	private final PictureFetch fetch;

	private final Uploads uploads;

	private final MediaEditing editing;

	private final MediaViews views;

	private final JsonMapper json;

	AgencyPictureController(AgencyPictureProperties properties, Uploads uploads, MediaEditing editing,
			MediaViews views, JsonMapper json) {
		this.fetch = new PictureFetch(InetAddress::getAllByName, properties.testAllowedAddresses(),
				(int) properties.connectTimeout().toMillis(), properties.timeout().toNanos(), properties.maxRedirects(),
				Math.min(properties.maxSize().toBytes(), uploads.maxBytes()));
		this.uploads = uploads;
		this.editing = editing;
		this.views = views;
		this.json = json;
	}

	/**
	 * @param url the rendition's {@code href}: http or https, resolving to public addresses only
	 * @param onBehalfOf the importing person's id (the token's subject at article-service): the
	 * item's uploader
	 * @param caption the agency's caption, or null
	 * @param credit the agency's credit ({@code by}), or null
	 */
	record AgencyPicture(String url, String onBehalfOf, String caption, String credit) {
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Service: fetch an agency picture by URL and store it as a media item uploaded by onBehalfOf",
			description = "Body {url, onBehalfOf, caption?, credit?}. The URL must be http(s); its host is resolved "
					+ "here and every address must be public (never loopback, link-local, private, unique-local, "
					+ "multicast or any-local; 422 naming url, no request made); the connection goes to the checked "
					+ "address; each redirect (at most media.agency-pictures.max-redirects) is checked the same way. "
					+ "Limits: media.agency-pictures.timeout for the whole fetch (504), the smaller of "
					+ "media.agency-pictures.max-size and the upload limit (413), Content-Type image/jpeg, png, webp "
					+ "or gif (415); an agency that fails answers 503. 201 with the media item.")
	ResponseEntity<MediaView> fetch(@RequestBody AgencyPicture request) {
		String url = required(request.url(), "url", URL_MAX);
		String onBehalfOf = required(request.onBehalfOf(), "onBehalfOf", 200);
		optional(request.caption(), "caption");
		optional(request.credit(), "credit");
		// the importing person, with the rights of staff for the upload (article-service checked
		// that the person may import before asking)
		Caller importer = new Caller(new TokenIdentity(onBehalfOf, null, Set.of(TokenIdentity.JOURNALIST)));
		MediaItem item;
		try (PictureFetch.Fetched picture = this.fetch.fetch(url)) {
			item = this.uploads.upload(picture.body(), picture.contentLength(), picture.fileName(), importer);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ObjectNode metadata = this.json.createObjectNode();
		if (request.caption() != null && !request.caption().isBlank()) {
			metadata.put("caption", request.caption().strip());
		}
		if (request.credit() != null && !request.credit().isBlank()) {
			metadata.put("credit", request.credit().strip());
		}
		if (!metadata.isEmpty()) {
			item = this.editing.patch(item.id(), metadata, Versions.etag(item.version()), importer);
		}
		return ResponseEntity.created(URI.create("/api/v1/media/" + item.id()))
			.eTag(Versions.etag(item.version()))
			.cacheControl(CacheControl.noStore())
			.body(this.views.of(item, true));
	}

	private static String required(String value, String field, int max) {
		if (value == null || value.isBlank()) {
			throw ApiProblem.invalidField(field, "required");
		}
		if (value.length() > max) {
			throw ApiProblem.invalidField(field, "longer than " + max + " characters");
		}
		return value.strip();
	}

	private static void optional(String value, String field) {
		if (value != null && value.length() > TEXT_MAX) {
			throw ApiProblem.invalidField(field, "longer than " + TEXT_MAX + " characters");
		}
	}

}
