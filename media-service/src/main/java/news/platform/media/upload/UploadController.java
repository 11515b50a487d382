package news.platform.media.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import news.platform.media.item.Caller;
import news.platform.media.item.MediaItem;
import news.platform.media.item.MediaView;
import news.platform.media.item.MediaViews;
import news.platform.media.item.Versions;

/**
 * {@code POST /api/v1/media}: an image as the request body or as the multipart part {@code file},
 * streamed to {@link Uploads}. Multipart parts are bounded by the servlet's multipart limits; a raw
 * body by the upload limit while it is copied (and, beyond that, by the platform's body limit for
 * this path).
 */
@RestController
@RequestMapping(path = "/api/v1/media", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Media", description = "Upload (staff), metadata (anyone reads, staff edit with If-Match), usage, delete")
class UploadController {

	private final Uploads uploads;

	private final MediaViews views;

	UploadController(Uploads uploads, MediaViews views) {
		this.uploads = uploads;
		this.views = views;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload an image as the multipart part 'file' (journalist, editor, admin)")
	ResponseEntity<MediaView> uploadMultipart(@RequestPart("file") MultipartFile file) {
		try (InputStream in = file.getInputStream()) {
			return created(this.uploads.upload(in, file.getSize(), file.getOriginalFilename(), Caller.current()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@PostMapping
	@Operation(summary = "Upload an image as the request body (any Content-Type; the type is read from the bytes; "
			+ "the file name from Content-Disposition, if any)")
	ResponseEntity<MediaView> upload(HttpServletRequest request) {
		try (InputStream in = request.getInputStream()) {
			return created(this.uploads.upload(in, request.getContentLengthLong(),
					FileNames.fromContentDisposition(request.getHeader(HttpHeaders.CONTENT_DISPOSITION)), Caller.current()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private ResponseEntity<MediaView> created(MediaItem item) {
		return ResponseEntity.created(URI.create("/api/v1/media/" + item.id()))
			.eTag(Versions.etag(item.version()))
			.cacheControl(CacheControl.noStore())
			.body(this.views.of(item, true));
	}

}
