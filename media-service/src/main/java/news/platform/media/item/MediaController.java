package news.platform.media.item;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import news.platform.media.usage.Usages;

/**
 * Read, edit and delete media items, and who uses them. Uploads are the upload package's
 * ({@code UploadController}); the PATCH body is held to {@code platform.web.max-body-size}.
 */
@RestController
@RequestMapping(path = "/api/v1/media", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Media", description = "Upload (staff), metadata (anyone reads, staff edit with If-Match), usage, delete")
class MediaController {

	private final MediaEditing editing;

	private final Usages usages;

	private final MediaViews views;

	private final MediaNinjs ninjs;

	MediaController(MediaEditing editing, Usages usages, MediaViews views, MediaNinjs ninjs) {
		this.editing = editing;
		this.usages = usages;
		this.views = views;
		this.ninjs = ninjs;
	}

	@GetMapping(path = "/{id}", produces = { MediaType.APPLICATION_JSON_VALUE, MediaNinjs.MEDIA_TYPE })
	@Operation(summary = "An item's metadata, placeholder and rendition URLs; staff also see the editing fields. "
			+ "Accept: application/ninjs+json gives an IPTC ninjs 2.1 picture with absolute URLs (an article's association)")
	ResponseEntity<?> get(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		MediaItem item = this.editing.get(id);
		boolean staff = Caller.current().isStaff();
		boolean asNinjs = accept != null && accept.contains(MediaNinjs.MEDIA_TYPE);
		// the JSON and the ninjs answers are different representations: ETags of their own
		String etag = asNinjs ? "\"" + item.version() + "-ninjs\"" : Versions.etag(item.version());
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok()
			.eTag(etag)
			.cacheControl(staff ? CacheControl.noStore() : CacheControl.noCache().cachePublic())
			.varyBy(HttpHeaders.AUTHORIZATION, HttpHeaders.ACCEPT);
		if (asNinjs) {
			return answer.contentType(MediaType.parseMediaType(MediaNinjs.MEDIA_TYPE)).body(this.ninjs.of(item, staff));
		}
		return answer.contentType(MediaType.APPLICATION_JSON).body(this.views.of(item, staff));
	}

	@PatchMapping(path = "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	@Operation(summary = "Change alt, caption, credit, copyright, source, focalPoint {x, y}, tags; null clears")
	ResponseEntity<MediaView> patch(@PathVariable String id, @RequestBody JsonNode body,
			@Parameter(description = "The ETag (version) the change is based on: required; missing → 428, stale → 412") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		MediaItem item = this.editing.patch(id, body, ifMatch, Caller.current());
		return ResponseEntity.ok()
			.eTag(Versions.etag(item.version()))
			.cacheControl(CacheControl.noStore())
			.body(this.views.of(item, true));
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

}
