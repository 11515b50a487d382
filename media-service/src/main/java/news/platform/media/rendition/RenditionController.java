package news.platform.media.rendition;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import news.platform.media.MediaProperties;
import news.platform.media.imaging.OutputFormat;
import news.platform.media.item.MediaItem;
import news.platform.starter.problem.ApiProblem;

/**
 * Renditions for anyone: {@code ?preset=hero&fp=0.5,0.3&format=auto}, or
 * {@code ?w=640&h=360&fit=cover&sig=…&fp=…&format=webp}. The URL carries everything that decides
 * the bytes, so the answer is immutable for a year; a URL with a focal point that is no longer
 * current is redirected (307) to the current one rather than serving a stale crop.
 */
@RestController
@RequestMapping("/api/v1/media")
@Tag(name = "Renditions", description = "Resized pictures for pages and apps; anonymous")
class RenditionController {

	private static final CacheControl IMMUTABLE = CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable();

	private static final CacheControl REDIRECT = CacheControl.maxAge(60, TimeUnit.SECONDS).cachePublic();

	private final MediaProperties.Renditions config;

	private final Rendering rendering;

	private final RenditionSigner signer;

	RenditionController(MediaProperties properties, Rendering rendering, RenditionSigner signer) {
		this.config = properties.renditions();
		this.rendering = rendering;
		this.signer = signer;
	}

	@GetMapping("/{id}/rendition")
	@Operation(summary = "A rendition: a preset, or a signed width/height/fit; format jpeg, png, webp or auto (Vary: Accept)")
	ResponseEntity<byte[]> rendition(@PathVariable String id,
			@Parameter(description = "a configured preset name") @RequestParam(required = false) String preset,
			@Parameter(description = "width, 1..max (signed unless it is a preset size)") @RequestParam(required = false) String w,
			@Parameter(description = "height; 0 or absent keeps the aspect ratio") @RequestParam(required = false) String h,
			@Parameter(description = "cover (crop around the focal point) or contain") @RequestParam(required = false) String fit,
			@Parameter(description = "jpeg, png, webp or auto") @RequestParam(required = false) String format,
			@Parameter(description = "the item's focal point x,y (0..1)") @RequestParam(required = false) String fp,
			@Parameter(description = "HMAC signature of id, w, h and fit") @RequestParam(required = false) String sig,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		RenditionSpec spec = RenditionSpec.parse(this.config, preset, w, h, fit, format, fp, sig);
		if (spec.signature() != null && !this.signer.verify(spec.signature(), id, spec.width(), spec.height(), spec.fit())) {
			throw RenditionSpec.badSignature();
		}
		MediaItem item = id.length() == 24 ? this.rendering.item(id) : null;
		if (item == null) {
			throw ApiProblem.notFound("Media item", "No media item " + id + ".");
		}
		boolean cropped = spec.cover() && spec.height() > 0;
		if (cropped && (spec.focal() == null || spec.focal()[0] != item.focalX() || spec.focal()[1] != item.focalY())) {
			return ResponseEntity.status(HttpStatus.TEMPORARY_REDIRECT)
				.location(URI.create(RenditionLinks.canonical(id, spec, item.focalX(), item.focalY())))
				.cacheControl(REDIRECT)
				.build();
		}
		OutputFormat output = spec.format() != null ? spec.format() : negotiate(accept, item);
		Rendition rendition = this.rendering.rendition(item, spec.width(), spec.height(), spec.cover(), output);
		ResponseEntity.BodyBuilder response = ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(rendition.contentType()))
			.eTag(rendition.etag())
			.lastModified(rendition.createdAt())
			.cacheControl(IMMUTABLE);
		if (spec.format() == null) {
			response.varyBy(HttpHeaders.ACCEPT);
		}
		return response.body(rendition.bytes());
	}

	/** WebP when the client says it takes it; else PNG for pictures that came as PNG or GIF, JPEG otherwise. */
	static OutputFormat negotiate(String accept, MediaItem item) {
		if (accept != null && accept.contains("image/webp")) {
			return OutputFormat.WEBP;
		}
		return ("image/png".equals(item.mediaType()) || "image/gif".equals(item.mediaType())) ? OutputFormat.PNG
				: OutputFormat.JPEG;
	}

}
