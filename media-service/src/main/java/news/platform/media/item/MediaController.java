package news.platform.media.item;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import news.platform.media.MediaProperties;
import news.platform.media.rendition.RenditionLinks;
import news.platform.media.upload.Uploads;
import news.platform.media.usage.Usages;
import news.platform.starter.problem.ApiProblem;

/** Upload, read, edit and delete media items. */
@RestController
@RequestMapping(path = "/api/v1/media", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Media", description = "Upload (staff), metadata (anyone reads, staff edit with If-Match), usage, delete")
class MediaController {

	private final Uploads uploads;

	private final MediaEditing editing;

	private final Usages usages;

	private final MediaProperties properties;

	MediaController(Uploads uploads, MediaEditing editing, Usages usages, MediaProperties properties) {
		this.uploads = uploads;
		this.editing = editing;
		this.usages = usages;
		this.properties = properties;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload an image as the multipart part 'file' (journalist, editor, admin)")
	ResponseEntity<MediaView> uploadMultipart(@RequestPart("file") MultipartFile file) {
		try (InputStream in = file.getInputStream()) {
			return created(this.uploads.upload(in, file.getSize(), Caller.current()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@PostMapping
	@Operation(summary = "Upload an image as the request body (any Content-Type; the type is read from the bytes)")
	ResponseEntity<MediaView> upload(HttpServletRequest request) {
		try (InputStream in = request.getInputStream()) {
			return created(this.uploads.upload(in, request.getContentLengthLong(), Caller.current()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@GetMapping("/{id}")
	@Operation(summary = "An item's metadata, placeholder and rendition URLs; staff also see the editing fields")
	ResponseEntity<MediaView> get(@PathVariable String id) {
		MediaItem item = this.editing.get(id);
		Caller caller = Caller.current();
		boolean staff = caller.isStaff();
		return ResponseEntity.ok()
			.eTag(Versions.etag(item.version()))
			.cacheControl(staff ? CacheControl.noStore() : CacheControl.noCache().cachePublic())
			.varyBy(HttpHeaders.AUTHORIZATION)
			.body(view(item, staff));
	}

	@PatchMapping(path = "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	@Operation(summary = "Change alt, caption, credit, copyright, source, focalPoint {x, y}, tags; null clears")
	ResponseEntity<MediaView> patch(@PathVariable String id, @RequestBody JsonNode body,
			@Parameter(description = "The ETag (version) the change is based on: required; missing → 428, stale → 412") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			HttpServletRequest request) {
		if (request.getContentLengthLong() > this.properties.upload().maxMetadataBody().toBytes()) {
			throw new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
					"The metadata body is larger than " + this.properties.upload().maxMetadataBody().toBytes() + " bytes.");
		}
		MediaItem item = this.editing.patch(id, body, ifMatch, Caller.current());
		return ResponseEntity.ok()
			.eTag(Versions.etag(item.version()))
			.cacheControl(CacheControl.noStore())
			.body(view(item, true));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete (editor, admin, the uploader); 409 while a published article uses it")
	ResponseEntity<Void> delete(@PathVariable String id) {
		this.editing.delete(id, Caller.current());
		return ResponseEntity.noContent().build();
	}

	record UsageView(String mediaId, List<Usages.ArticleUse> articles) {
	}

	@GetMapping("/{id}/usage")
	@Operation(summary = "The articles that use the item, as learnt from the article feed (staff)")
	ResponseEntity<UsageView> usage(@PathVariable String id) {
		MediaItem item = this.editing.get(id);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new UsageView(item.id(), this.usages.usage(item.id())));
	}

	private ResponseEntity<MediaView> created(MediaItem item) {
		return ResponseEntity.created(URI.create("/api/v1/media/" + item.id()))
			.eTag(Versions.etag(item.version()))
			.cacheControl(CacheControl.noStore())
			.body(view(item, true));
	}

	private MediaView view(MediaItem item, boolean staff) {
		Map<String, String> renditions = RenditionLinks.presets(item, this.properties.renditions());
		return MediaView.of(item, renditions, staff);
	}

}
