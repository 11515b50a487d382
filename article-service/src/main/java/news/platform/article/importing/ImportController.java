package news.platform.article.importing;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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

import news.platform.article.editing.ArticleEditing;
import news.platform.article.editing.ArticleInput;
import news.platform.article.access.Caller;
import news.platform.article.editing.StaffArticleView;
import news.platform.article.editing.StaffViews;
import news.platform.article.author.AuthorDirectory;
import news.platform.article.section.SectionDirectory;
import news.platform.article.slug.Slugs;
import news.platform.article.section.SectionProperties;
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

	private final ArticleEditing editing;

	private final List<ImportFormat> formats;

	private final StaffViews views;

	private final SectionDirectory sections;

	private final String defaultSection;

	private final AuthorDirectory authors;

	ImportController(ArticleEditing editing, List<ImportFormat> formats, StaffViews views, SectionDirectory sections,
			SectionProperties properties, AuthorDirectory authors) {
		this.authors = authors;
		this.editing = editing;
		this.formats = List.copyOf(formats);
		this.views = views;
		this.sections = sections;
		this.defaultSection = properties.importDefault();
	}

	/**
	 * One handler for both formats: with {@code @RequestBody(required = false)} Spring matches an
	 * empty body to every {@code consumes}, so two methods would be ambiguous exactly for the
	 * request that must answer 422.
	 */
	@PostMapping(path = "/import", consumes = { MediaType.TEXT_PLAIN_VALUE, NINJS })
	@Operation(summary = "Import an article as a draft owned by the caller: pasted plain text or an IPTC ninjs 2.x item",
			description = "text/plain (UTF-8): paragraphs from blank lines or runs of spaces, pull-quote subheadings as "
					+ "heading blocks, a '>>' teaser as a related link; the headline is proposed from the text when "
					+ "not given. application/ninjs+json: validated against the official ninjs 2.1 schema (422 lists "
					+ "each violation by JSON path); only text is kept, no markup survives.")
	ResponseEntity<StaffArticleView> importDraft(@RequestBody(required = false) byte[] body,
			@RequestHeader(name = HttpHeaders.CONTENT_TYPE) String contentType,
			@Parameter(description = "Headline; for text, proposed from the first sentence when absent") @RequestParam(required = false) String headline,
			@Parameter(description = "Section (a path such as vijesti/hrvatska, or a section's name); must exist (422). Without it: a ninjs item's own when it names one of ours, else article.sections.import-default") @RequestParam(required = false) String section,
			@Parameter(description = "Tags (repeat the parameter or separate by commas); added to a ninjs item's own") @RequestParam(required = false) List<String> tags) {
		String text = utf8(body, contentType);
		MediaType type = MediaType.parseMediaType(contentType);
		ImportFormat format = this.formats.stream()
			.filter(candidate -> type.isCompatibleWith(candidate.mediaType()))
			.findFirst()
			.orElse(null);
		if (format == null) {
			return created(PlainTextImport.parse(text, headline), section, tags);
		}
		ImportedDraft draft = format.read(text);
		String given = PlainTextImport.givenHeadline(headline);
		return created(given.isEmpty() ? draft : draft.withHeadline(given), section, tags);
	}

	private ResponseEntity<StaffArticleView> created(ImportedDraft draft, String section, List<String> tags) {
		LinkedHashSet<String> allTags = new LinkedHashSet<>(draft.tags());
		if (tags != null) {
			tags.stream().map(String::strip).filter((tag) -> !tag.isEmpty()).forEach(allTags::add);
		}
		// a keyword with no letter or digit makes no tag
		allTags.removeIf(tag -> Slugs.fromHeadline(tag).isEmpty());
		String chosenSection = (section != null && !section.isBlank()) ? section.strip() : proposedSection(draft);
		// bylines that name one of our profiles become its id; any other credit stays in source
		List<String> authors = new ArrayList<>();
		List<String> credits = new ArrayList<>();
		for (String name : draft.authors()) {
			this.authors.bySlug(Slugs.fromHeadline(name))
				.ifPresentOrElse(author -> authors.add(author.id()), () -> credits.add(name));
		}
		String source = draft.source();
		if (!credits.isEmpty()) {
			String credit = String.join(", ", credits);
			source = source == null || source.isBlank() ? credit : source + ", " + credit;
			source = source.length() > 200 ? source.substring(0, 200).strip() : source;
		}
		ArticleInput input = new ArticleInput(null, draft.language(), draft.headline(), draft.standfirst(),
				draft.blocks(), authors, chosenSection, new ArrayList<>(allTags), source, null, null, null, null);
		Caller caller = Caller.current();
		Article article = this.editing.create(input, caller);
		return ResponseEntity.created(URI.create("/api/v1/articles/" + article.id()))
			.eTag(Versions.etag(article.revision()))
			.cacheControl(CacheControl.noStore())
			.body(this.views.of(article, caller));
	}

	/**
	 * An agency files items under its own section names: one of ours when it names one (by path or
	 * name), else the configured default, so every import lands in a section the newsroom has.
	 */
	private String proposedSection(ImportedDraft draft) {
		return this.sections.path(draft.section())
			.or(() -> this.sections.path(this.defaultSection))
			.orElse(null);
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
