package news.platform.article.reader;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import news.platform.article.section.SectionDirectory;
import news.platform.article.story.Article;
import news.platform.article.story.ArticleStatus;
import news.platform.autoconfigure.core.PublicUrls;
import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;

/**
 * The site's question for every article page: what is at this public path? Answered by key (the
 * slug's claim, then the article) and the reader cache, with the public path patterns of the shared
 * setting:
 * <ul>
 * <li>200 with the reader article when the path is its page now;</li>
 * <li>301 when the slug is an old one or the section is not the article's (now): the body and
 * {@code Location} name the canonical path;</li>
 * <li>410 {@code /problems/article-gone} only for a story that was published and is now unpublished
 * or deleted;</li>
 * <li>404 for everything else, drafts included: a draft's slug answers exactly as an unknown one.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/v1/articles")
@Tag(name = "Reading")
class PublicPathController {

	private static final int MAX_PATH = 400;

	private static final Pattern ALLOWED = Pattern.compile("/[a-z0-9/-]*");

	private final ReaderCache cache;

	private final SectionDirectory sections;

	private final JsonMapper json;

	private final String cacheControl;

	private final Pattern articlePath;

	PublicPathController(ReaderCache cache, SectionDirectory sections, JsonMapper json, ReaderProperties properties,
			PublicUrls urls) {
		this.cache = cache;
		this.sections = sections;
		this.json = json;
		this.cacheControl = properties.cacheControl();
		this.articlePath = pattern(urls.paths().article());
	}

	/** Where the article's page is now: body of a 301. */
	record Moved(String path, String url) {
	}

	@GetMapping(path = "/by-path", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The article at a public path (for the site): 200 current, 301 to the canonical path, 410 once published and now withdrawn, 404 otherwise (drafts too)")
	void byPath(
			@Parameter(description = "The public path, e.g. /vijesti/hrvatska/novi-most (the site's article pattern)") @RequestParam(required = false) String path,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (path == null || path.isEmpty()) {
			throw ApiProblem.of(ProblemType.MISSING_PARAMETER, "path: the public path to look up")
				.withFieldError("path", "required");
		}
		if (path.length() > MAX_PATH) {
			throw ApiProblem.invalidParameter("path", "is longer than " + MAX_PATH + " characters");
		}
		Matcher matched = ALLOWED.matcher(path).matches() ? this.articlePath.matcher(path) : null;
		if (matched == null || !matched.matches()) {
			throw unknown();
		}
		String slug = matched.group("slug");
		String id = this.cache.idForSlug(slug).orElseThrow(PublicPathController::unknown);
		Optional<ReaderCache.Entry> visible = this.cache.byId(id);
		if (visible.isEmpty()) {
			Article article = this.cache.stored(id).filter(a -> names(a, slug)).orElseThrow(PublicPathController::unknown);
			boolean wasPublished = article.firstPublishedAt() != null;
			if (wasPublished && (article.status() == ArticleStatus.UNPUBLISHED
					|| article.status() == ArticleStatus.DELETED)) {
				throw new ApiProblem(ProblemType.ARTICLE_GONE, "The article at this path is no longer published.");
			}
			throw unknown();
		}
		ReaderCache.Entry entry = visible.get();
		Article article = this.cache.stored(id).orElseThrow(PublicPathController::unknown);
		if (!entry.slug().equals(slug) && !article.previousSlugs().contains(slug)) {
			// a claim left behind by a write that never happened
			throw unknown();
		}
		String section = this.sections.path(article.section()).orElse(null);
		if (section == null) {
			throw unknown();
		}
		String canonical = this.sections.urls().articlePath(section, entry.slug());
		if (!canonical.equals(path)) {
			response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
			response.setHeader(HttpHeaders.LOCATION,
					"/api/v1/articles/by-path?path=" + URLEncoder.encode(canonical, StandardCharsets.UTF_8));
			response.setHeader(HttpHeaders.CACHE_CONTROL, this.cacheControl);
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			byte[] body = this.json.writeValueAsBytes(
					new Moved(canonical, this.sections.urls().article(section, entry.slug()).toString()));
			response.setContentLength(body.length);
			response.getOutputStream().write(body);
			return;
		}
		ReaderController.write(entry, false, this.cacheControl, request, response);
	}

	private static boolean names(Article article, String slug) {
		return slug.equals(article.slug()) || article.previousSlugs().contains(slug);
	}

	/**
	 * The article pattern ({@code /{section}/{slug}}) as a regular expression: a section path is one
	 * or two slugs, the article's one slug.
	 */
	static Pattern pattern(String articlePattern) {
		StringBuilder regex = new StringBuilder();
		int i = 0;
		while (i < articlePattern.length()) {
			if (articlePattern.startsWith("{section}", i)) {
				regex.append("(?<section>[a-z0-9-]+(?:/[a-z0-9-]+)?)");
				i += "{section}".length();
			}
			else if (articlePattern.startsWith("{slug}", i)) {
				regex.append("(?<slug>[a-z0-9-]{1,120})");
				i += "{slug}".length();
			}
			else {
				regex.append(Pattern.quote(String.valueOf(articlePattern.charAt(i))));
				i++;
			}
		}
		return Pattern.compile(regex.toString());
	}

	private static ApiProblem unknown() {
		return ApiProblem.notFound("Article", "No article at this path.");
	}

}
