package news.platform.article.importing;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import news.platform.article.access.Caller;
import news.platform.article.editing.StaffViews;
import news.platform.article.editing.Versions;
import news.platform.article.story.Article;
import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;

/**
 * Creates a draft from a pasted plain text or an agency's ninjs item. Everything an import
 * proposes goes through the same rules and the same single write as a draft typed by hand.
 */
@RestController
@RequestMapping(path = "/api/v1/articles", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Import", description = "Staff only: plain text or IPTC ninjs 2.x in, a DRAFT out")
class ImportController {

	/**
	 * IPTC ninjs, read by the {@link ImportFormat} bean of package {@code ninjs}; named here because
	 * a mapping's {@code consumes} is fixed when the class is compiled.
	 */
	static final String NINJS = "application/ninjs+json";

	/** A batch of ninjs items, one JSON object a line. */
	static final String NDJSON = "application/x-ndjson";

	private final List<ImportFormat> formats;

	private final ImportDrafts drafts;

	private final StaffViews views;

	ImportController(List<ImportFormat> formats, ImportDrafts drafts, StaffViews views) {
		this.formats = List.copyOf(formats);
		this.drafts = drafts;
		this.views = views;
	}

	/**
	 * One handler for every format: with {@code @RequestBody(required = false)} Spring matches an
	 * empty body to every {@code consumes}, so several methods would be ambiguous exactly for the
	 * request that must answer 422.
	 */
	@PostMapping(path = "/import", consumes = { MediaType.TEXT_PLAIN_VALUE, NINJS, NDJSON })
	@Operation(summary = "Import an article as a draft owned by the caller: pasted plain text, or IPTC ninjs 2.x agency items",
			description = "text/plain (UTF-8): paragraphs from blank lines or runs of spaces, pull-quote subheadings as "
					+ "heading blocks, a '>>' teaser as a related link; the headline is proposed from the text when "
					+ "not given; 201 with the draft. application/ninjs+json with one item (a JSON object): "
					+ "validated against the official ninjs 2.1 schema with unknown top-level properties set aside "
					+ "(listed in ignoredProperties; 422 lists each remaining violation by JSON path); only text is "
					+ "kept, no markup survives; embargoed becomes the draft's embargo; uri and version are kept. "
					+ "A new uri: 201 with the draft and result=created. A known uri: an unpublished draft and a "
					+ "newer item (version compared as numbers when both are, else versioncreated) give 200 "
					+ "result=updated (a new revision); an item that is not newer gives 200 result=unchanged with "
					+ "the draft as it is; a published story gives 202 result=pending-update naming the article "
					+ "(the one pending update, a newer one replaces it, for an editor to apply or discard); "
					+ "pubstatus=canceled gives 200 result=withdrawn (a published story is flagged for the editor, "
					+ "never unpublished). A batch (a JSON array of items with application/ninjs+json, or "
					+ "application/x-ndjson) of at most 100 items answers 200 with one result per item "
					+ "(status, result, articleId, ignoredProperties, or the problem); more than 100: 400, nothing "
					+ "written. The whole request stays within the articles route's limits (2 MB, 3 s at the gateway).")
	ResponseEntity<?> importDraft(@RequestBody(required = false) byte[] body,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE) String contentType,
			@Parameter(description = "Headline; for text, proposed from the first sentence when absent") @RequestParam(required = false) String headline,
			@Parameter(description = "Section (a path such as vijesti/hrvatska, or a section's name); must exist (422). Without it: a ninjs item's own when it names one of ours, else article.sections.import-default") @RequestParam(required = false) String section,
			@Parameter(description = "Tags (repeat the parameter or separate by commas); added to a ninjs item's own") @RequestParam(required = false) List<String> tags) {
		String text = utf8(body, contentType);
		MediaType type = MediaType.parseMediaType(contentType);
		ImportFormat.ImportOptions options = new ImportFormat.ImportOptions(headline, section, tags);
		ImportFormat format = this.formats.stream()
			.filter(candidate -> candidate.mediaTypes().stream().anyMatch(type::isCompatibleWith))
			.findFirst()
			.orElse(null);
		if (format != null) {
			return format.importBody(text, type, options);
		}
		Caller caller = Caller.current();
		Article article = this.drafts.create(PlainTextImport.parse(text, headline), options, caller);
		return ResponseEntity.created(URI.create("/api/v1/articles/" + article.id()))
			.eTag(Versions.etag(article.revision()))
			.cacheControl(CacheControl.noStore())
			.body(this.views.of(article, caller));
	}

	/**
	 * The body as text: only UTF-8 is accepted (a declared other charset is 415), and bytes that
	 * are not UTF-8 are refused (400) rather than stored as replacement characters.
	 */
	static String utf8(byte[] body, String contentType) {
		Charset declared = charset(contentType);
		if (declared != null && !declared.equals(StandardCharsets.UTF_8) && !declared.equals(StandardCharsets.US_ASCII)) {
			throw new ApiProblem(ProblemType.UNSUPPORTED_CHARSET,
					"Send the text as UTF-8 (charset=utf-8), not " + declared.name() + ".")
				.withFieldError("Content-Type", "charset must be utf-8");
		}
		if (body == null || body.length == 0) {
			return "";
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new ApiProblem(ProblemType.INVALID_ENCODING, "The request body is not valid UTF-8.")
				.withFieldError("text", "not valid UTF-8");
		}
	}

	private static Charset charset(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.getCharset();
		}
		catch (RuntimeException ex) {
			throw new ApiProblem(ProblemType.UNSUPPORTED_CHARSET, "The Content-Type charset is not known.")
				.withFieldError("Content-Type", "unknown charset");
		}
	}

}
