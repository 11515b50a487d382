package news.platform.site.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import news.platform.autoconfigure.core.PublicUrls;
import news.platform.site.content.CommentApi;
import news.platform.site.content.UpstreamUnavailable;
import news.platform.site.page.PageFactory;
import news.platform.site.render.PageKey;
import news.platform.site.render.PageServer;
import news.platform.site.render.PageWriter;
import news.platform.site.render.Rendered;

/**
 * Every page of the site: the home page, the search page, and any other path resolved by
 * {@link SiteRoutes} into a section, an article, a tag or an author. Each method answers the whole
 * page, or only its list when htmx asks ({@code HX-Request}). Fresh pages never get here: the fast
 * path answers them first.
 */
@Controller
class SiteController {

	private final PageServer server;

	private final Renderings renderings;

	private final SiteRoutes routes;

	private final PageWriter writer;

	private final String searchPath;

	SiteController(PageServer server, Renderings renderings, SiteRoutes routes, PageWriter writer, PublicUrls urls) {
		this.server = server;
		this.renderings = renderings;
		this.routes = routes;
		this.writer = writer;
		this.searchPath = urls.paths().search();
	}

	@GetMapping("/")
	void home(HttpServletRequest request, HttpServletResponse response) throws IOException {
		PageKey.Parameters parameters = PageKey.parameters(request, false);
		this.server.serve("home", PageKey.of("/", parameters), request, response, this.renderings.home(),
				this.renderings.unavailable());
	}

	@GetMapping("${platform.public-urls.paths.search:/trazi}")
	void search(HttpServletRequest request, HttpServletResponse response) throws IOException {
		PageKey.Parameters parameters = PageKey.parameters(request, true);
		if (parameters.tooLong()) {
			badRequest(request, response);
			return;
		}
		this.server.serve("search", PageKey.of(this.searchPath, parameters), request, response,
				this.renderings.search(parameters.q(), parameters.older(), parameters.fragment()),
				this.renderings.unavailable());
	}

	/**
	 * A newsroom preview link ({@code /pregled?token=}, made by article-service): the draft with a
	 * banner, {@code private, no-store}, never in the page cache.
	 */
	@GetMapping("/pregled")
	void preview(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String token = request.getParameter("token");
		Rendered page;
		try {
			page = token == null || token.length() > 200 ? this.renderings.error(404, 0, "private, no-store")
					: this.renderings.preview(token);
		}
		catch (UpstreamUnavailable ex) {
			page = this.renderings.error(503, 0, "private, no-store");
		}
		this.writer.write(page, request, response, null);
	}

	/**
	 * An article's comments in one order: their own page, or with htmx the list (a new order) or the
	 * next comments ({@code starije}). Cached like the comment section of the article page.
	 */
	@GetMapping("/komentari/{articleId}/{order}")
	void comments(@PathVariable String articleId, @PathVariable String order, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		String sort = PageFactory.COMMENT_ORDERS.get(order);
		PageKey.Parameters parameters = PageKey.parameters(request, false);
		if (sort == null || !CommentApi.ARTICLE_ID.matcher(articleId).matches()) {
			this.writer.write(this.renderings.error(404, 0, this.renderings.notFound().cacheControl()), request,
					response, null);
			return;
		}
		if (parameters.tooLong()
				|| (parameters.older() != null && !CommentApi.CURSOR.matcher(parameters.older()).matches())) {
			badRequest(request, response);
			return;
		}
		this.server.serve("comments", PageKey.of(request.getRequestURI(), parameters), request, response,
				this.renderings.comments(articleId, sort, parameters.older(), parameters.fragment()),
				this.renderings.unavailable());
	}

	/** More replies of one comment ({@code starije}: where the previous ones ended). */
	@GetMapping("/komentari/odgovori/{commentId}")
	void replies(@PathVariable String commentId, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		PageKey.Parameters parameters = PageKey.parameters(request, false);
		if (!CommentApi.COMMENT_ID.matcher(commentId).matches()) {
			this.writer.write(this.renderings.error(404, 0, this.renderings.notFound().cacheControl()), request,
					response, null);
			return;
		}
		if (parameters.tooLong() || parameters.older() == null
				|| !CommentApi.CURSOR.matcher(parameters.older()).matches()) {
			badRequest(request, response);
			return;
		}
		this.server.serve("replies", PageKey.of(request.getRequestURI(), parameters), request, response,
				this.renderings.replies(commentId, parameters.older(), parameters.fragment()),
				this.renderings.unavailable());
	}

	@GetMapping("/**")
	void page(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String path = request.getRequestURI();
		if (path.length() > PageKey.MAX_PATH) {
			this.writer.write(this.renderings.error(404, 0, "no-store"), request, response, null);
			return;
		}
		PageKey.Parameters parameters = PageKey.parameters(request, false);
		if (parameters.tooLong()) {
			badRequest(request, response);
			return;
		}
		OlderCursor cursor = null;
		if (parameters.older() != null) {
			try {
				cursor = OlderCursor.decode(parameters.older());
			}
			catch (IllegalArgumentException ex) {
				badRequest(request, response);
				return;
			}
		}
		String key = PageKey.of(path, parameters);
		SiteRoutes.Route route = this.routes.resolve(path);
		if (route instanceof SiteRoutes.SectionRoute section) {
			this.server.serve("section", key, request, response,
					this.renderings.section(section.path(), cursor, parameters.fragment()), this.renderings.unavailable());
		}
		else if (route instanceof SiteRoutes.ArticleRoute article && cursor == null) {
			this.server.serve("article", key, request, response, this.renderings.article(path, article.slug()),
					this.renderings.unavailable());
		}
		else if (route instanceof SiteRoutes.TagRoute tag) {
			this.server.serve("tag", key, request, response, this.renderings.tag(tag.slug(), cursor,
					parameters.fragment()), this.renderings.unavailable());
		}
		else if (route instanceof SiteRoutes.AuthorRoute author) {
			this.server.serve("author", key, request, response,
					this.renderings.author(author.slug(), cursor, parameters.fragment()), this.renderings.unavailable());
		}
		else if (route instanceof SiteRoutes.ArticleRoute) {
			// an article has no older pages
			badRequest(request, response);
		}
		else {
			this.writer.write(this.renderings.error(404, 0, this.renderings.notFound().cacheControl()), request,
					response, null);
		}
	}

	private void badRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.writer.write(this.renderings.error(400, 0, "no-store"), request, response, null);
	}

}
