package news.platform.article.search;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;

import news.platform.article.access.Caller;
import news.platform.article.access.Refusals;
import news.platform.article.author.AuthorDirectory;
import news.platform.article.naming.Label;
import news.platform.article.section.SectionDirectory;
import news.platform.article.tag.TagDirectory;
import news.platform.article.web.ContentCoding;
import news.platform.autoconfigure.problem.ApiProblem;

/**
 * Lists and search, answered from the search index alone (never MongoDB). Readers get published
 * articles; staff get their work lists too (unpublished work they may see, staff filters and
 * orders), answered apart: a staff answer never enters the rendered-page cache readers share and
 * carries {@code Cache-Control: private}. Responses carry a strong ETag of their exact bytes, per
 * representation (identity or gzip, compressed here so the tag matches what is sent).
 */
@RestController
@RequestMapping("/api/v1/articles")
class ArticleListController {

	// Below this, gzip's header costs more than it saves.
	private static final int GZIP_MIN_BYTES = 1024;

	/** Staff answers depend on who asks: never stored by a shared cache, revalidated by a browser. */
	static final String PRIVATE = "private, no-cache";

	private final ArticleIndex index;

	private final JsonMapper json;

	private final String cacheControl;

	private final RenderedPages pages;

	private final SearchBulkhead searches;

	private final SectionDirectory sections;

	private final SearchIndexMaintenance maintenance;

	private static final java.util.regex.Pattern ARTICLE_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final TagDirectory tags;

	private final AuthorDirectory authors;

	ArticleListController(ArticleIndex index, JsonMapper json, SearchProperties properties, SearchBulkhead searches,
			MeterRegistry meters, Clock clock, SectionDirectory sections, SearchIndexMaintenance maintenance,
			TagDirectory tags, AuthorDirectory authors) {
		this.tags = tags;
		this.authors = authors;
		this.index = index;
		this.maintenance = maintenance;
		this.json = json;
		this.cacheControl = properties.cacheControl();
		this.pages = new RenderedPages(index, clock, properties.responseCache().toBytes(), meters);
		this.searches = searches;
		this.sections = sections;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Articles by keyset pages: readers get published ones, newest first; staff their work lists",
			description = "Served from the search index. Readers: published articles past their embargo. Staff (journalist: everything published and their own work; editor, admin: everything): every status unless status= narrows it, newest change first unless sort= says otherwise, Cache-Control: private. Unknown or malformed parameters answer 400 /problems/invalid-parameter naming the parameter; staff parameters from anyone else 403.")
	@ListFilterParameters
	@StaffListParameters
	@Parameter(name = "sort", in = ParameterIn.QUERY, description = "staff: updated (default: newest change first), scheduled (soonest first), published (newest publication first)")
	@Parameter(name = "ids", in = ParameterIn.QUERY, description = "up to 100 article ids (repeat or comma-separate): those the caller may see, in that order, without paging (not with cursor, limit or sort)")
	ResponseEntity<byte[]> list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING,
					required = false) String acceptEncoding,
			@Parameter(hidden = true) ServletWebRequest webRequest) {
		Caller caller = Caller.current();
		ListParameters request = named(ListParameters.forList(parameters, caller));
		ArticleIndex.Viewer viewer = viewer(caller);
		if (request.ids() != null) {
			return respond(false, request, viewer, webRequest, acceptEncoding,
					() -> new ArticleIndex.Page(this.index.byIds(request.ids(), request.filters(), viewer), null));
		}
		return respond(false, request, viewer, webRequest, acceptEncoding, () -> this.index.list(
				new ArticleIndex.ListQuery(request.filters(), request.order(), request.limit(), request.cursor(), viewer)));
	}

	@GetMapping(path = "/search", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Full-text search (Croatian-aware), by relevance, with highlighted snippets; staff also find unpublished work they may see",
			description = "Every word must occur; headline hits rank over standfirst over body; newer first on ties. Snippets are HTML-escaped with hits in <mark>.")
	@Parameter(name = "q", in = ParameterIn.QUERY, required = true, description = "words to find, at most 500 characters")
	@ListFilterParameters
	@StaffListParameters
	ResponseEntity<byte[]> search(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING,
					required = false) String acceptEncoding,
			@Parameter(hidden = true) ServletWebRequest webRequest) {
		Caller caller = Caller.current();
		ListParameters request = named(ListParameters.forSearch(parameters, caller));
		ArticleIndex.Viewer viewer = viewer(caller);
		// lists take a tenth of a millisecond and never wait behind searches
		return respond(true, request, viewer, webRequest, acceptEncoding,
				() -> this.searches.run(() -> this.index.search(new ArticleIndex.SearchQuery(request.q(),
						request.filters(), request.limit(), request.cursor(), viewer))));
	}

	@GetMapping(path = "/{id}/related", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Related stories of a published article, best first",
			description = "Lucene's MoreLikeThis over headline, standfirst and body, boosted by a shared section and shared tags; published stories only, never the article itself. Cached per replica and dropped when the article or any story in its list changes or is unpublished. {items: [list items with url]}. An article readers cannot see: 404; limit out of 1-20 or any other parameter: 400 naming it.")
	@Parameter(name = "limit", in = ParameterIn.QUERY, description = "1-20, default 5")
	ResponseEntity<byte[]> related(@PathVariable String id,
			@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
			@Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING,
					required = false) String acceptEncoding,
			@Parameter(hidden = true) ServletWebRequest webRequest) {
		int limit = relatedLimit(parameters);
		if (!ARTICLE_ID.matcher(id).matches()) {
			throw ApiProblem.notFound("Article", null);
		}
		List<ArticleIndex.Hit> hits = this.searches
			.run(() -> this.maintenance.related().get(id, limit, this.maintenance.articles()))
			.orElseThrow(() -> ApiProblem.notFound("Article", null));
		Set<String> fields = new LinkedHashSet<>();
		fields.add("id");
		fields.addAll(ListParameters.ITEM_FIELDS);
		RenderedPages.Rendered rendered = render(new ArticleIndex.Page(hits, null), fields,
				ContentCoding.acceptsGzip(acceptEncoding));
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

	private static int relatedLimit(MultiValueMap<String, String> parameters) {
		for (String name : parameters.keySet()) {
			if (!name.equals("limit")) {
				throw ApiProblem.invalidParameter(name, "is not a parameter of related stories");
			}
		}
		List<String> values = parameters.get("limit");
		if (values == null) {
			return RelatedStories.DEFAULT_LIMIT;
		}
		String message = "must be one whole number from 1 to " + RelatedStories.MAX_LIMIT;
		if (values.size() != 1 || values.get(0) == null || !values.get(0).matches("[0-9]{1,3}")) {
			throw ApiProblem.invalidParameter("limit", message);
		}
		int limit = Integer.parseInt(values.get(0));
		if (limit < 1 || limit > RelatedStories.MAX_LIMIT) {
			throw ApiProblem.invalidParameter("limit", message);
		}
		return limit;
	}

	@GetMapping(path = "/counts", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Staff: how many articles per status (and returned to their journalist) the caller may see; owner=me for one's own",
			description = "Editors and admins count everyone's (or owner=<id>); a journalist counts everything published and their own work, or only their own with owner=me (another owner: 403). From the search index; Cache-Control: private.")
	@Parameter(name = "owner", in = ParameterIn.QUERY, description = "me, or a user id (editors)")
	ResponseEntity<Map<String, Long>> counts(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
		Caller caller = Caller.current();
		if (!caller.isStaff()) {
			throw Refusals.forbidden("Counts are for newsroom staff.");
		}
		String owner = ListParameters.owner(parameters, caller);
		// {"draft": n, "in_review": n, "scheduled": n, "published": n, "unpublished": n, "returned": n}
		Map<String, Long> counts = new LinkedHashMap<>();
		this.index.counts(viewer(caller), owner)
			.forEach((status, count) -> counts.put(status.toLowerCase(Locale.ROOT), count));
		return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, PRIVATE).body(counts);
	}

	private static ArticleIndex.Viewer viewer(Caller caller) {
		if (caller.isEditor()) {
			return ArticleIndex.Viewer.editor(caller.subject());
		}
		if (caller.isStaff()) {
			return ArticleIndex.Viewer.journalist(caller.subject());
		}
		return ArticleIndex.Viewer.READER;
	}

	/**
	 * The framework answers If-None-Match ({@link ServletWebRequest#checkNotModified}: weak
	 * comparison, lists, {@code *}) and sets the ETag on the response either way, so the entity
	 * below carries only the other headers.
	 */
	private ResponseEntity<byte[]> respond(boolean search, ListParameters request, ArticleIndex.Viewer viewer,
			ServletWebRequest webRequest, String acceptEncoding, Supplier<ArticleIndex.Page> page) {
		boolean acceptsGzip = ContentCoding.acceptsGzip(acceptEncoding);
		// a staff answer is rendered for the one asking: the shared rendered pages are readers' only
		RenderedPages.Rendered rendered = viewer.staff() ? render(page.get(), request.fields(), acceptsGzip)
				// items show sections, tags and authors as they are now: any change of those is a new page
				: this.pages.get(search, request, acceptsGzip,
						this.sections.version() + this.tags.version() + this.authors.version(),
						() -> render(page.get(), request.fields(), acceptsGzip));
		HttpHeaders headers = new HttpHeaders();
		headers.setCacheControl(viewer.staff() ? PRIVATE : this.cacheControl);
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

	/**
	 * One item. Section and URL are worked out now, from the sections in memory (the rendered-page
	 * key holds their version), so a renamed section shows at once in every list.
	 */
	private void writeHit(JsonGenerator generator, ArticleIndex.Hit hit, Set<String> fields) {
		generator.writeStartObject();
		for (String field : fields) {
			switch (field) {
				case "id" -> generator.writeStringProperty("id", hit.id());
				case "slug" -> generator.writeStringProperty("slug", hit.slug());
				case "headline" -> generator.writeStringProperty("headline", hit.headline());
				case "standfirst" -> generator.writeStringProperty("standfirst", hit.standfirst());
				case "section" -> generator.writeStringProperty("section", this.sections.display(hit.section()));
				case "language" -> generator.writeStringProperty("language", hit.language());
				case "heroMediaId" -> generator.writeStringProperty("heroMediaId", hit.heroMediaId());
				case "publishedAt" -> generator.writeStringProperty("publishedAt",
						hit.publishedAt() == null ? null : hit.publishedAt().toString());
				case "url" -> {
					URI url = hit.published() ? this.sections.articleUrl(hit.section(), hit.slug()) : null;
					generator.writeStringProperty("url", url == null ? null : url.toString());
				}
				case "status" -> generator.writeStringProperty("status", hit.status());
				case "ownerId" -> generator.writeStringProperty("ownerId", hit.ownerId());
				case "updatedAt" -> generator.writeStringProperty("updatedAt",
						hit.updatedAt() == null ? null : hit.updatedAt().toString());
				case "scheduledAt" -> generator.writeStringProperty("scheduledAt",
						hit.scheduledAt() == null ? null : hit.scheduledAt().toString());
				case "returned" -> generator.writeBooleanProperty("returned", hit.returned());
				case "tags" -> {
					generator.writeName("tags");
					generator.writeStartArray();
					for (Label tag : this.tags.labels(hit.tags())) {
						writeLabel(generator, tag);
					}
					generator.writeEndArray();
				}
				case "authors" -> {
					generator.writeName("authors");
					generator.writeStartArray();
					for (SearchDocument.Author author : hit.authors()) {
						writeLabel(generator, author.id() != null ? this.authors.byId(author.id())
							.map(this.authors::label)
							.orElse(new Label(author.id(), null, author.name(), null)) : Label.text(author.name()));
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

	/** {@code {id, slug, name, url}} as in the reader answer; what is unknown is left out. */
	private static void writeLabel(tools.jackson.core.JsonGenerator generator, Label label) {
		generator.writeStartObject();
		if (label.id() != null) {
			generator.writeStringProperty("id", label.id());
		}
		if (label.slug() != null) {
			generator.writeStringProperty("slug", label.slug());
		}
		generator.writeStringProperty("name", label.name());
		if (label.url() != null) {
			generator.writeStringProperty("url", label.url().toString());
		}
		generator.writeEndObject();
	}

	/**
	 * {@code tag} names a tag by slug (current or old) or by name, {@code author} a profile by slug:
	 * the index keys that lead to it. A value that names none keeps its older meaning (free text).
	 */
	private ListParameters named(ListParameters request) {
		ArticleIndex.Filters f = request.filters();
		java.util.Set<String> tagKeys = f.tag() == null ? null
				: this.tags.resolve(f.tag()).map(this.tags::filterKeys).orElse(null);
		java.util.Set<String> authorIds = f.author() == null ? null
				: this.authors.bySlug(f.author()).map(a -> java.util.Set.of(a.id())).orElse(null);
		return tagKeys == null && authorIds == null ? request : request.withFilters(f.withKeys(tagKeys, authorIds));
	}

}
