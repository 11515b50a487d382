package news.platform.article.preview;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import news.platform.article.access.Action;
import news.platform.article.access.Caller;
import news.platform.article.editing.ArticleEditing;
import news.platform.article.linking.ArticleLinkTargets;
import news.platform.article.author.AuthorDirectory;
import news.platform.article.naming.Label;
import news.platform.article.section.SectionDirectory;
import news.platform.article.tag.TagDirectory;
import news.platform.article.story.Article;
import news.platform.article.story.ArticleStatus;
import news.platform.article.story.Block;
import news.platform.article.story.Correction;
import news.platform.autoconfigure.core.PublicUrls;
import news.platform.autoconfigure.problem.ApiProblem;

/**
 * Preview links for someone without an account (a source checking a quote, a lawyer): staff who
 * may see an unpublished article make one, list and revoke them; anyone holding the token reads
 * the article, read-only, with {@code Cache-Control: private, no-store},
 * {@code X-Robots-Tag: noindex} and no referrer leaving the page. An expired, revoked, tampered or
 * made-up token answers the same 404, which tells nothing.
 */
@RestController
@RequestMapping(path = "/api/v1/articles", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Preview links", description = "Signed, expiring, revocable read-only links to unpublished articles")
class PreviewController {

	private static final Pattern LINK_ID = Pattern.compile("[0-9a-f]{32}");

	private final PreviewLinks links;

	private final ArticleEditing editing;

	private final SectionDirectory sections;

	private final PublicUrls urls;

	/** Links to other articles as readers will see them: to published ones only. */
	private final ArticleLinkTargets linkTargets;

	private final TagDirectory tags;

	private final AuthorDirectory authors;

	PreviewController(PreviewLinks links, ArticleEditing editing, SectionDirectory sections, PublicUrls urls,
			ArticleLinkTargets linkTargets, TagDirectory tags, AuthorDirectory authors) {
		this.tags = tags;
		this.authors = authors;
		this.links = links;
		this.linkTargets = linkTargets;
		this.editing = editing;
		this.sections = sections;
		this.urls = urls;
	}

	/**
	 * A link as staff see it: {@code url} opens the site's preview page, {@code apiUrl} the JSON
	 * below; both carry the token in the query string.
	 */
	record LinkView(String id, Instant expiresAt, String createdBy, Instant createdAt, String token, URI url,
			URI apiUrl) {
	}

	/** An unpublished article as a preview shows it: what readers would read, and its state. */
	record PreviewArticle(String id, String slug, String status, String language, String headline,
			String standfirst, List<Block> body, List<Label> authors, String section, List<Label> tags,
			String source, String heroMediaId, Instant updatedAt, Instant scheduledAt, Instant embargoUntil,
			int wordCount, int readingMinutes, List<Correction> corrections, boolean preview) {
	}

	@PostMapping("/{id}/previews")
	@Operation(summary = "Make a preview link for an unpublished article (its journalist, editor, admin)",
			description = "201 with the token and the URLs that carry it; it works until expiresAt (article.preview.ttl) or until revoked.")
	ResponseEntity<LinkView> create(@PathVariable String id) {
		Caller caller = Caller.current();
		Article article = staffArticle(id, caller);
		Action.PREVIEW.require(article, caller, true);
		PreviewLinks.Link link = this.links.create(article.id(), caller.subject());
		return ResponseEntity.created(URI.create("/api/v1/articles/" + id + "/previews/" + link.id()))
			.cacheControl(CacheControl.noStore())
			.body(view(link));
	}

	@GetMapping("/{id}/previews")
	@Operation(summary = "The article's live preview links, newest first (staff who may see it)")
	ResponseEntity<List<LinkView>> list(@PathVariable String id) {
		Article article = staffArticle(id, Caller.current());
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(this.links.list(article.id()).stream().map(this::view).toList());
	}

	@DeleteMapping("/{id}/previews/{linkId}")
	@Operation(summary = "Revoke a preview link: it stops working at once (staff who may see the article)")
	ResponseEntity<Void> revoke(@PathVariable String id, @PathVariable String linkId) {
		Article article = staffArticle(id, Caller.current());
		if (!LINK_ID.matcher(linkId).matches() || !this.links.revoke(article.id(), linkId)) {
			throw ApiProblem.notFound("Preview link", "No preview link " + shorten(linkId) + " on this article.");
		}
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/preview")
	@Operation(summary = "Read an article through a preview link (anyone holding the token; read-only, never cached, not indexed)")
	PreviewArticle read(
			@Parameter(description = "The link's token (query string only: paths are logged)") @RequestParam(required = false) String token,
			HttpServletResponse response) {
		// on every answer, the refusal too: nothing of a preview is stored, indexed or passed on
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		response.setHeader("X-Robots-Tag", "noindex");
		response.setHeader("Referrer-Policy", "no-referrer");
		Article article = this.links.open(token)
			.flatMap(articleId -> {
				try {
					return java.util.Optional.of(this.editing.existing(articleId));
				}
				catch (ApiProblem gone) {
					return java.util.Optional.empty();
				}
			})
			.orElseThrow(() -> ApiProblem.notFound("Preview", "This preview link does not work (any more)."));
		return new PreviewArticle(article.id(), article.slug(), article.status().name(), article.language(),
				article.headline(), article.standfirst(), this.linkTargets.forReaders(article.body()),
				// no page links: a tag or author only this unpublished story names has no public page yet
				this.authors.labels(article.authors()).stream().map(Label::withoutUrl).toList(),
				this.sections.display(article.section()),
				this.tags.labels(article.tags()).stream().map(Label::withoutUrl).toList(), article.source(), article.heroMediaId(),
				article.updatedAt(), article.scheduledAt(), article.embargoUntil(), article.wordCount(),
				article.readingMinutes(), article.corrections(), true);
	}

	private Article staffArticle(String id, Caller caller) {
		if (!caller.isStaff()) {
			throw ArticleEditing.notFound(id);
		}
		Article article = this.editing.existing(id);
		if (!caller.canSeeUnpublished(article) && article.status() != ArticleStatus.PUBLISHED) {
			throw ArticleEditing.notFound(id);
		}
		return article;
	}

	private LinkView view(PreviewLinks.Link link) {
		String query = "?token=" + URLEncoder.encode(link.token(), StandardCharsets.UTF_8);
		return new LinkView(link.id(), link.expiresAt(), link.createdBy(), link.createdAt(), link.token(),
				this.urls.site("/pregled" + query), this.urls.api("/articles/preview" + query));
	}

	private static String shorten(String value) {
		return value.length() > 40 ? value.substring(0, 40) + "…" : value;
	}

}
