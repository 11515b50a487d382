package news.platform.media.original;

import java.io.IOException;
import java.io.InputStream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import news.platform.media.item.MediaEditing;
import news.platform.media.item.MediaItem;

/**
 * The original bytes, for staff only (they may carry GPS and camera data). Spring MVC answers
 * {@code Range} (206, one or several ranges; 416 when unsatisfiable), {@code If-None-Match} and
 * {@code If-Modified-Since} (304) and HEAD from the resource's length and the headers set here;
 * a range is read from GridFS by skipping whole chunks, not by reading what comes before it.
 */
@RestController
@RequestMapping("/api/v1/media")
@Tag(name = "Originals", description = "Staff only: the uploaded bytes, with byte ranges")
class OriginalController {

	private final MediaEditing editing;

	private final Originals originals;

	OriginalController(MediaEditing editing, Originals originals) {
		this.editing = editing;
		this.originals = originals;
	}

	@GetMapping("/{id}/original")
	@Operation(summary = "The original as uploaded (journalist, editor, admin); Range, ETag, 304, HEAD")
	ResponseEntity<Resource> original(@PathVariable String id) {
		MediaItem item = this.editing.get(id);
		Originals.Original original = this.originals.find(item.hash());
		if (original == null) {
			throw new IllegalStateException("Original " + item.hash() + " of item " + id + " is missing");
		}
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(original.mediaType()))
			.eTag("\"" + original.hash() + "\"")
			.lastModified(original.createdAt())
			.cacheControl(CacheControl.noCache().cachePrivate())
			.header(HttpHeaders.ACCEPT_RANGES, "bytes")
			.body(new GridFsResource(this.originals, original));
	}

	/** A GridFS file as a Resource with a known length, so Spring can serve ranges of it. */
	private static final class GridFsResource extends AbstractResource {

		private final Originals originals;

		private final Originals.Original original;

		GridFsResource(Originals originals, Originals.Original original) {
			this.originals = originals;
			this.original = original;
		}

		@Override
		public String getDescription() {
			return "original " + this.original.hash();
		}

		@Override
		public InputStream getInputStream() throws IOException {
			return this.originals.open(this.original, 0);
		}

		@Override
		public long contentLength() {
			return this.original.length();
		}

		@Override
		public boolean exists() {
			return true;
		}

		@Override
		public String getFilename() {
			return this.original.hash();
		}

	}

}
