package news.platform.media.rendition;

import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.media.MediaProperties;
import news.platform.media.imaging.OutputFormat;
import news.platform.media.item.MediaItem;

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

	private static final String IMMUTABLE = "public, max-age=31536000, immutable";

	private static final String REDIRECT = "public, max-age=60";

	private final MediaProperties.Renditions config;

	private final Rendering rendering;

	private final RenditionSigner signer;

	RenditionController(MediaProperties properties, Rendering rendering, RenditionSigner signer) {
		this.config = properties.renditions();
		this.rendering = rendering;
		this.signer = signer;
	}

	@GetMapping("/{id}/rendition")
	@Operation(summary = "A rendition: a preset, or a signed width/height/fit; format jpeg, png, webp or auto (Vary: Accept)",
			parameters = { @Parameter(name = "preset", in = ParameterIn.QUERY, description = "a configured preset name"),
					@Parameter(name = "w", in = ParameterIn.QUERY, description = "width, 1..max (signed unless it is a preset size)"),
					@Parameter(name = "h", in = ParameterIn.QUERY, description = "height; 0 or absent keeps the aspect ratio"),
					@Parameter(name = "fit", in = ParameterIn.QUERY, description = "cover (crop around the focal point) or contain"),
					@Parameter(name = "format", in = ParameterIn.QUERY, description = "jpeg, png, webp or auto"),
					@Parameter(name = "fp", in = ParameterIn.QUERY, description = "the item's focal point x,y (0..1)"),
					@Parameter(name = "sig", in = ParameterIn.QUERY, description = "HMAC signature of id, w, h and fit") })
	void rendition(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		// parameters are read directly and the answer written directly: this is the hot path of
		// the service (cached renditions), and MVC's argument conversion and entity processing
		// cost more than the work itself
		RenditionSpec spec = RenditionSpec.parse(this.config, request.getParameter("preset"), request.getParameter("w"),
				request.getParameter("h"), request.getParameter("fit"), request.getParameter("format"),
				request.getParameter("fp"), request.getParameter("sig"));
		if (spec.signature() != null && !this.signer.verify(spec.signature(), id, spec.width(), spec.height(), spec.fit())) {
			throw RenditionSpec.badSignature();
		}
		MediaItem item = id.length() == 24 ? this.rendering.item(id) : null;
		if (item == null) {
			throw ApiProblem.notFound("Media item", "No media item " + id + ".");
		}
		boolean cropped = spec.cover() && spec.height() > 0;
		if (cropped && spec.focal() != null && !sameFocalPoint(spec, item)) {
			item = this.rendering.freshItem(id);
			if (item == null) {
				throw ApiProblem.notFound("Media item", "No media item " + id + ".");
			}
		}
		if (cropped && (spec.focal() == null || !sameFocalPoint(spec, item))) {
			response.setStatus(HttpStatus.TEMPORARY_REDIRECT.value());
			response.setHeader(HttpHeaders.LOCATION, RenditionLinks.canonical(id, spec, item.focalX(), item.focalY()));
			response.setHeader(HttpHeaders.CACHE_CONTROL, REDIRECT);
			return;
		}
		OutputFormat output = spec.format() != null ? spec.format() : negotiate(request.getHeader(HttpHeaders.ACCEPT), item);
		Rendition rendition = this.rendering.rendition(item, spec.width(), spec.height(), spec.cover(), output);
		write(request, response, spec, rendition);
	}

	static boolean sameFocalPoint(RenditionSpec spec, MediaItem item) {
		return spec.focal()[0] == item.focalX() && spec.focal()[1] == item.focalY();
	}

	/**
	 * The answer for a rendition: validators, caching headers, 304, HEAD. Spring's
	 * {@link ServletWebRequest#checkNotModified(String, long)} evaluates the conditional headers and
	 * sets {@code ETag} and {@code Last-Modified}; the bytes are written as they are (no message
	 * conversion on this hot path).
	 */
	static void write(HttpServletRequest request, HttpServletResponse response, RenditionSpec spec,
			Rendition rendition) throws IOException {
		response.setHeader(HttpHeaders.CACHE_CONTROL, IMMUTABLE);
		if (spec.format() == null) {
			response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
		}
		// called before ETag and Last-Modified are set, so Spring sets them itself rather than
		// parsing a Last-Modified header back on every request
		if (new ServletWebRequest(request, response).checkNotModified(rendition.etag(),
				rendition.createdAt().toEpochMilli())) {
			return;
		}
		response.setContentType(rendition.contentType());
		response.setContentLength(rendition.bytes().length);
		if (!"HEAD".equals(request.getMethod())) {
			response.getOutputStream().write(rendition.bytes());
		}
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
