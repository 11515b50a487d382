package news.platform.article.reader;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import news.platform.article.editing.ArticleEditing;
import news.platform.article.access.Caller;
import news.platform.article.editing.StaffViews;
import news.platform.article.editing.Versions;
import news.platform.article.ninjs.NinjsMapper;
import news.platform.article.story.Article;
import news.platform.article.web.ContentCoding;
import news.platform.autoconfigure.problem.ApiProblem;

/**
 * Reading an article by id or slug. Readers (anonymous included) get published articles from
 * the cache's ready bytes, written straight to the response; staff who may see the article get
 * the full editing view with its version instead.
 */
@RestController
@RequestMapping("/api/v1/articles")
@Tag(name = "Reading", description = "Published articles; anonymous callers welcome")
class ReaderController {

	static final String NINJS = NinjsMapper.MEDIA_TYPE;

	/** The representation depends on the encoding and on whether ninjs was asked for. */
	private static final String VARY = "Accept, Accept-Encoding";

	static final Pattern SLUG = Pattern.compile("[a-z0-9-]{1,120}");

	private final ReaderCache cache;

	private final ArticleEditing editing;

	private final JsonMapper json;

	private final String cacheControl;

	private final StaffViews views;

	ReaderController(ReaderCache cache, ArticleEditing editing, JsonMapper json, ReaderProperties properties,
			StaffViews views) {
		this.cache = cache;
		this.editing = editing;
		this.json = json;
		this.cacheControl = properties.cacheControl();
		this.views = views;
	}

	@GetMapping(path = "/{id}", produces = { MediaType.APPLICATION_JSON_VALUE, NINJS })
	@Operation(summary = "An article by id: published for readers (strong ETag, 304, gzip); any state for staff who may see it")
	void byId(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
		Caller caller = Caller.current();
		boolean ninjs = wantsNinjs(request);
		if (caller.isStaff()) {
			Optional<Article> staffView = staffView(id, caller);
			if (staffView.isPresent()) {
				writeStaff(staffView.get(), caller, ninjs, response);
				return;
			}
		}
		ReaderCache.Entry entry = (ninjs ? this.cache.ninjsById(id) : this.cache.byId(id))
			.orElseThrow(() -> ArticleEditing.notFound(id));
		write(entry, ninjs, this.cacheControl, request, response);
	}

	@GetMapping(path = "/by-slug/{slug}", produces = { MediaType.APPLICATION_JSON_VALUE, NINJS })
	@Operation(summary = "A published article by slug; an old slug answers 301 to the current one")
	void bySlug(@PathVariable String slug, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (!SLUG.matcher(slug).matches()) {
			throw notFoundSlug(slug);
		}
		String id = this.cache.idForSlug(slug).orElseThrow(() -> notFoundSlug(slug));
		boolean ninjs = wantsNinjs(request);
		ReaderCache.Entry entry = (ninjs ? this.cache.ninjsById(id) : this.cache.byId(id))
			.orElseThrow(() -> notFoundSlug(slug));
		if (!entry.slug().equals(slug)) {
			if (!this.cache.isPreviousSlug(id, slug)) {
				throw notFoundSlug(slug);
			}
			response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
			response.setHeader(HttpHeaders.LOCATION, "/api/v1/articles/by-slug/" + entry.slug());
			response.setHeader(HttpHeaders.CACHE_CONTROL, this.cacheControl);
			return;
		}
		write(entry, ninjs, this.cacheControl, request, response);
	}

	/** ninjs only when asked for by name: JSON stays the default for any other Accept. */
	static boolean wantsNinjs(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains(NINJS);
	}

	private Optional<Article> staffView(String id, Caller caller) {
		try {
			return Optional.of(this.editing.readForStaff(id, caller));
		}
		catch (ApiProblem notVisible) {
			return Optional.empty();
		}
	}

	private void writeStaff(Article article, Caller caller, boolean ninjs, HttpServletResponse response)
			throws IOException {
		byte[] body = ninjs ? this.cache.ninjs(article) : this.json.writeValueAsBytes(this.views.of(article, caller));
		response.setStatus(200);
		response.setContentType(ninjs ? NINJS : MediaType.APPLICATION_JSON_VALUE);
		response.setHeader(HttpHeaders.VARY, VARY);
		response.setHeader(HttpHeaders.ETAG, Versions.etag(article.revision()));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/**
	 * The cached bytes as they are. The gzip form carries Content-Encoding and a strong ETag, so
	 * Tomcat's own compression leaves both representations alone (it never compresses a response
	 * that has a strong ETag or an encoding). The framework decides 304 from If-None-Match (or,
	 * without it, If-Modified-Since) and sets ETag and Last-Modified either way.
	 */
	static void write(ReaderCache.Entry entry, boolean ninjs, String cacheControl, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		boolean gzip = ContentCoding.acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING));
		response.setHeader(HttpHeaders.VARY, VARY);
		response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
		if (new ServletWebRequest(request, response).checkNotModified(gzip ? entry.gzipEtag() : entry.etag(),
				entry.lastModified())) {
			return;
		}
		byte[] body = gzip ? entry.gzip() : entry.identity();
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType(ninjs ? NINJS : MediaType.APPLICATION_JSON_VALUE);
		if (gzip) {
			response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static ApiProblem notFoundSlug(String slug) {
		return ApiProblem.notFound("Article", "No published article at slug '" + slug + "'.");
	}

}
