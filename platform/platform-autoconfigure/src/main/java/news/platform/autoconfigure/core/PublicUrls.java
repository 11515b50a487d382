package news.platform.autoconfigure.core;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where readers and staff reach the platform from outside, from one shared setting in the config
 * server's {@code application.yml}: no component builds a public URL another way, and none from a
 * request's {@code Host} or {@code X-Forwarded-Host} (a forged header must never reach a link, a
 * redirect, a canonical URL or a registered redirect URI).
 *
 * @param site the site's base URL, the gateway's public address ({@code https://www.example.hr});
 * the desk lives under {@code <site>/desk}
 * @param api the public API's base URL, for API and media links ({@code <site>/api/v1} when unset)
 * @param paths the site's path patterns
 */
@ConfigurationProperties("platform.public-urls")
public record PublicUrls(URI site, URI api, @DefaultValue Paths paths) {

	/**
	 * First path segments the site, the desk and the gateway use for themselves: no section may
	 * take one as its slug, or its pages would be unreachable. The one list every component checks.
	 */
	public static final Set<String> RESERVED_SEGMENTS = Set.of("api", "desk", "assets", "tag", "autor", "trazi", "rss",
			"atom", "feed", "sitemap.xml", "sitemap", "sitemaps", "news-sitemap.xml", "robots.txt", "favicon.ico",
			"swagger-ui", "swagger-ui.html", "v3", "webjars", "internal", "actuator", "login", "logout", "oauth2",
			"signup", "error", "pregled", "prijava", "odjava", "komentari", "static", "well-known", ".well-known");

	/**
	 * The site's path patterns; {@code {section}} is a section's path (a parent's slug, a slash and
	 * its own: {@code vijesti/hrvatska}), the others one slug each.
	 *
	 * @param article an article's page
	 * @param section a section's page
	 * @param tag a tag's page
	 * @param author an author's page
	 * @param search the search page
	 */
	public record Paths(@DefaultValue("/{section}/{slug}") String article, @DefaultValue("/{section}") String section,
			@DefaultValue("/tag/{tag}") String tag, @DefaultValue("/autor/{author}") String author,
			@DefaultValue("/trazi") String search) {
	}

	/** {@code path} (starting with {@code /}) under the site's base URL. */
	public URI site(String path) {
		return URI.create(base(this.site, "platform.public-urls.site") + path);
	}

	/** The site's origin ({@code scheme://host[:port]}), for a Content-Security-Policy. */
	public String siteOrigin() {
		URI base = site("/");
		return base.getScheme() + "://" + base.getRawAuthority();
	}

	/** {@code path} (starting with {@code /}) under the public API's base URL. */
	public URI api(String path) {
		String base = this.api != null ? base(this.api, "platform.public-urls.api")
				: base(this.site, "platform.public-urls.site") + "/api/v1";
		return URI.create(base + path);
	}

	/** The path of an article's page: {@code /vijesti/hrvatska/novi-most-u-cacku}. */
	public String articlePath(String sectionPath, String slug) {
		return this.paths.article().replace("{section}", sectionPath).replace("{slug}", slug);
	}

	public URI article(String sectionPath, String slug) {
		return site(articlePath(sectionPath, slug));
	}

	public String sectionPath(String sectionPath) {
		return this.paths.section().replace("{section}", sectionPath);
	}

	public URI section(String sectionPath) {
		return site(sectionPath(sectionPath));
	}

	public URI tag(String slug) {
		return site(this.paths.tag().replace("{tag}", slug));
	}

	public URI author(String slug) {
		return site(this.paths.author().replace("{author}", slug));
	}

	/** The search page for {@code query} (encoded). */
	public URI search(String query) {
		return site(this.paths.search() + "?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
	}

	private static String base(URI uri, String property) {
		if (uri == null) {
			throw new IllegalStateException(property + " is not set");
		}
		String base = uri.toString();
		return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
	}

}
