package news.platform.site.web;

import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import news.platform.site.feeds.Syndication;
import news.platform.site.render.PageKey;
import news.platform.site.render.PageServer;
import news.platform.site.render.PageWriter;

/**
 * Feeds, sitemaps and robots.txt: {@code /rss}, {@code /atom} and their section, tag and author
 * forms ({@code /rss/vijesti/hrvatska}, {@code /atom/tag/zagreb}, {@code /rss/autor/ana-horvat}),
 * {@code /sitemap.xml}, {@code /sitemaps/<yyyy-mm>.xml}, {@code /sitemaps/rubrike.xml},
 * {@code /news-sitemap.xml}, {@code /robots.txt}. Cached like pages.
 */
@Controller
class FeedController {

	private final PageServer server;

	private final FeedRenderings feeds;

	private final Renderings renderings;

	private final PageWriter writer;

	FeedController(PageServer server, FeedRenderings feeds, Renderings renderings, PageWriter writer) {
		this.server = server;
		this.feeds = feeds;
		this.renderings = renderings;
		this.writer = writer;
	}

	@GetMapping({ "/rss", "/rss/**" })
	void rss(HttpServletRequest request, HttpServletResponse response) throws IOException {
		feed(Syndication.Format.RSS, "/rss", request, response);
	}

	@GetMapping({ "/atom", "/atom/**" })
	void atom(HttpServletRequest request, HttpServletResponse response) throws IOException {
		feed(Syndication.Format.ATOM, "/atom", request, response);
	}

	private void feed(Syndication.Format format, String prefix, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		String path = request.getRequestURI();
		String rest = path.length() > prefix.length() + 1 ? path.substring(prefix.length() + 1) : "";
		FeedRenderings.Scope scope = path.length() > PageKey.MAX_PATH ? null : this.feeds.scope(rest);
		if (scope == null || (path.length() > prefix.length() && rest.isEmpty())) {
			notFound(request, response);
			return;
		}
		this.server.serve(format.name().toLowerCase(java.util.Locale.ROOT), path, request, response,
				this.feeds.feed(format, scope, path, this.renderings), this.renderings.unavailable());
	}

	@GetMapping("/sitemap.xml")
	void sitemapIndex(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.server.serve("sitemap", "/sitemap.xml", request, response, this.feeds.sitemapIndex(),
				this.renderings.unavailable());
	}

	@GetMapping("/sitemaps/rubrike.xml")
	void sectionsSitemap(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.server.serve("sitemap", "/sitemaps/rubrike.xml", request, response, this.feeds.sectionsSitemap(),
				this.renderings.unavailable());
	}

	@GetMapping("/sitemaps/{month:\\d{4}-\\d{2}}.xml")
	void monthSitemap(@PathVariable String month, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		YearMonth parsed;
		try {
			parsed = YearMonth.parse(month);
		}
		catch (DateTimeParseException ex) {
			notFound(request, response);
			return;
		}
		this.server.serve("sitemap", "/sitemaps/" + parsed + ".xml", request, response,
				this.feeds.month(parsed, this.renderings), this.renderings.unavailable());
	}

	@GetMapping("/news-sitemap.xml")
	void newsSitemap(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.server.serve("sitemap", "/news-sitemap.xml", request, response, this.feeds.newsSitemap(),
				this.renderings.unavailable());
	}

	@GetMapping("/robots.txt")
	void robots(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.server.serve("robots", "/robots.txt", request, response, this.feeds.robots(),
				this.renderings.unavailable());
	}

	private void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
		this.writer.write(this.renderings.error(404, 0, "public, max-age=10"), request, response, null);
	}

}
