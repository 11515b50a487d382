package news.platform.article.search;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import news.platform.article.web.ContentCoding;

/**
 * Public lists and search of published articles, answered from the search index alone (never
 * MongoDB). Responses carry a strong ETag of their exact bytes, per representation (identity or
 * gzip, compressed here so the tag matches what is sent), and a short CDN-friendly
 * {@code Cache-Control}.
 */
@RestController
@RequestMapping("/api/v1/articles")
class ArticleListController {

	// Below this, gzip's header costs more than it saves.
	private static final int GZIP_MIN_BYTES = 1024;

	private final ArticleIndex index;

	private final JsonMapper json;

	private final String cacheControl;

	private final RenderedPages pages;

	private final SearchBulkhead searches;

	ArticleListController(ArticleIndex index, JsonMapper json, SearchProperties properties, SearchBulkhead searches,
			MeterRegistry meters, Clock clock) {
		this.index = index;
		this.json = json;
		this.cacheControl = properties.cacheControl();
		this.pages = new RenderedPages(index, clock, properties.responseCache().toBytes(), meters);
		this.searches = searches;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Published articles, newest first, by keyset pages",
			description = "Served from the search index. Unknown or malformed parameters answer 400 /problems/invalid-parameter naming the parameter.")
	@ListFilterParameters
	ResponseEntity<byte[]> list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING,
					required = false) String acceptEncoding,
			@Parameter(hidden = true) ServletWebRequest webRequest) {
		ListParameters request = ListParameters.forList(parameters);
		return respond(false, request, webRequest, acceptEncoding, () -> this.index
			.list(new ArticleIndex.ListQuery(request.filters(), request.limit(), request.cursor())));
	}

	@GetMapping(path = "/search", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Full-text search of published articles (Croatian-aware), by relevance, with highlighted snippets",
			description = "Every word must occur; headline hits rank over standfirst over body; newer first on ties. Snippets are HTML-escaped with hits in <mark>.")
	@Parameter(name = "q", in = ParameterIn.QUERY, required = true, description = "words to find, at most 500 characters")
	@ListFilterParameters
	ResponseEntity<byte[]> search(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING,
					required = false) String acceptEncoding,
			@Parameter(hidden = true) ServletWebRequest webRequest) {
		ListParameters request = ListParameters.forSearch(parameters);
		// lists take a tenth of a millisecond and never wait behind searches
		return respond(true, request, webRequest, acceptEncoding, () -> this.searches.run(() -> this.index.search(
				new ArticleIndex.SearchQuery(request.q(), request.filters(), request.limit(), request.cursor()))));
	}

	/**
	 * The framework answers If-None-Match ({@link ServletWebRequest#checkNotModified}: weak
	 * comparison, lists, {@code *}) and sets the ETag on the response either way, so the entity
	 * below carries only the other headers.
	 */
	private ResponseEntity<byte[]> respond(boolean search, ListParameters request, ServletWebRequest webRequest,
			String acceptEncoding, Supplier<ArticleIndex.Page> page) {
		boolean acceptsGzip = ContentCoding.acceptsGzip(acceptEncoding);
		RenderedPages.Rendered rendered = this.pages.get(search, request, acceptsGzip,
				() -> render(page.get(), request.fields(), acceptsGzip));
		HttpHeaders headers = new HttpHeaders();
		headers.setCacheControl(this.cacheControl);
		headers.setVary(List.of(HttpHeaders.ACCEPT_ENCODING));
		if (webRequest.checkNotModified(rendered.etag())) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
		}
		headers.setContentType(MediaType.APPLICATION_JSON);
		if (rendered.gzip()) {
			headers.set(HttpHeaders.CONTENT_ENCODING, "gzip");
		}
		return ResponseEntity.ok().headers(headers).body(rendered.body());
	}

	private RenderedPages.Rendered render(ArticleIndex.Page page, Set<String> fields, boolean acceptsGzip) {
		byte[] body = serialize(page, fields);
		boolean gzip = acceptsGzip && body.length >= GZIP_MIN_BYTES;
		String etag = "\"" + hash(body) + (gzip ? "-gz" : "") + "\"";
		return new RenderedPages.Rendered(gzip ? ContentCoding.gzip(body) : body, etag, gzip);
	}

	private byte[] serialize(ArticleIndex.Page page, Set<String> fields) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + page.items().size() * 512);
		try (JsonGenerator generator = this.json.createGenerator(out)) {
			generator.writeStartObject();
			generator.writeName("items");
			generator.writeStartArray();
			for (ArticleIndex.Hit hit : page.items()) {
				writeHit(generator, hit, fields);
			}
			generator.writeEndArray();
			generator.writeName("nextCursor");
			if (page.next() == null) {
				generator.writeNull();
			}
			else {
				generator.writeString(page.next().encode());
			}
			generator.writeEndObject();
		}
		return out.toByteArray();
	}

	private static void writeHit(JsonGenerator generator, ArticleIndex.Hit hit, Set<String> fields) {
		generator.writeStartObject();
		for (String field : fields) {
			switch (field) {
				case "id" -> generator.writeStringProperty("id", hit.id());
				case "slug" -> generator.writeStringProperty("slug", hit.slug());
				case "headline" -> generator.writeStringProperty("headline", hit.headline());
				case "standfirst" -> generator.writeStringProperty("standfirst", hit.standfirst());
				case "section" -> generator.writeStringProperty("section", hit.section());
				case "language" -> generator.writeStringProperty("language", hit.language());
				case "heroMediaId" -> generator.writeStringProperty("heroMediaId", hit.heroMediaId());
				case "publishedAt" -> generator.writeStringProperty("publishedAt", hit.publishedAt().toString());
				case "tags" -> {
					generator.writeName("tags");
					generator.writeStartArray();
					for (String tag : hit.tags()) {
						generator.writeString(tag);
					}
					generator.writeEndArray();
				}
				case "authors" -> {
					generator.writeName("authors");
					generator.writeStartArray();
					for (SearchDocument.Author author : hit.authors()) {
						generator.writeStartObject();
						generator.writeStringProperty("id", author.id());
						generator.writeStringProperty("name", author.name());
						generator.writeEndObject();
					}
					generator.writeEndArray();
				}
				case ListParameters.HIGHLIGHTS -> {
					generator.writeName(ListParameters.HIGHLIGHTS);
					generator.writeStartObject();
					for (Map.Entry<String, String> highlight : hit.highlights().entrySet()) {
						generator.writeStringProperty(highlight.getKey(), highlight.getValue());
					}
					generator.writeEndObject();
				}
				default -> throw new IllegalStateException("field not in the allow-list: " + field);
			}
		}
		generator.writeEndObject();
	}

	private static String hash(byte[] body) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
