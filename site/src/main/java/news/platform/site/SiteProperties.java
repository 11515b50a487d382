package news.platform.site;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What the site is and how it caches ({@code site.*}, config-repo {@code site.yml}).
 *
 * @param language the language of the site's own texts (menus, labels, dates): {@code hr}; an
 * article in another language gets its page's texts in that language when a bundle exists
 * @param lists how many stories each kind of list shows
 * @param cache the page cache and the {@code Cache-Control} each kind of answer carries
 * @param sections the sections to show until article-service answers {@code GET /api/v1/sections}
 * (issue 15); ignored once it does
 * @param defaultSection the section path of an article that has none (articles stored before
 * sections were required)
 * @param sitemaps the archive's first month (monthly sitemaps start there) and the Google News
 * window
 * @param upstreams time limits of calls to the services
 * @param logoPath the publisher's logo (JSON-LD, feeds), a path under the site
 * @param comments the comment section of article pages
 * @param socketWriteBuffer Tomcat's per-connection write buffer, so a cached page leaves in one
 * socket write (8 KB to 1 MB; times the open connections is the memory it may take)
 */
@Validated
@ConfigurationProperties("site")
public record SiteProperties(@DefaultValue("hr") @NotBlank String language, @DefaultValue @Valid Lists lists,
		@DefaultValue @Valid Cache cache, @DefaultValue List<@Valid SectionSetting> sections,
		@DefaultValue("vijesti") @NotBlank String defaultSection, @DefaultValue @Valid Sitemaps sitemaps,
		@DefaultValue @Valid Upstreams upstreams, @DefaultValue("/assets/logo.png") String logoPath,
		@DefaultValue @Valid Comments comments, @DefaultValue("64KB") DataSize socketWriteBuffer) {

	public SiteProperties {
		if (socketWriteBuffer.toBytes() < 8192 || socketWriteBuffer.toBytes() > 1 << 20) {
			throw new IllegalArgumentException(
					"site.socket-write-buffer must be between 8KB and 1MB, was " + socketWriteBuffer);
		}
	}

	/**
	 * The comment section rendered with each article page (for everyone: cached and crawlable).
	 *
	 * @param lifetime the longest a comment section lives in any cache, the site's own and every
	 * cache after it together, so a comment a moderator removes is gone from every copy within it: the
	 * site keeps a page showing comments for a third of it ({@link #siteFresh()}) and tells other caches
	 * the rest ({@link #cacheControl()})
	 * @param pageSize top-level comments on the article page and on each further page
	 * @param repliesPageSize replies on each further page of one comment's replies
	 */
	public record Comments(@DefaultValue("30s") Duration lifetime, @DefaultValue("20") @Min(1) @Max(100) int pageSize,
			@DefaultValue("20") @Min(1) @Max(100) int repliesPageSize) {

		public Comments {
			if (lifetime.toSeconds() < 3) {
				throw new IllegalArgumentException("site.comments.lifetime must be at least 3 s");
			}
		}

		/** How long the site serves a page with comments before it asks comment-service again. */
		public Duration siteFresh() {
			return Duration.ofSeconds(this.lifetime.toSeconds() / 3);
		}

		/**
		 * The rest of the lifetime, for caches after the site: {@code max-age} and
		 * {@code stale-while-revalidate} add up to it; no {@code stale-if-error}, which would keep a
		 * removed comment longer.
		 */
		public String cacheControl() {
			long total = this.lifetime.toSeconds() - siteFresh().toSeconds();
			long maxAge = total / 2;
			return "public, max-age=" + maxAge + ", stale-while-revalidate=" + (total - maxAge);
		}

	}


	/**
	 * @param pageSize stories on a page of a section, tag, author or search
	 * @param homeLatest the home page's latest stories
	 * @param sectionBlock stories in each section's block on the home page
	 * @param related stories in an article's related box
	 * @param feed items in an RSS or Atom feed
	 */
	public record Lists(@DefaultValue("20") @Min(1) @Max(50) int pageSize,
			@DefaultValue("10") @Min(1) @Max(50) int homeLatest, @DefaultValue("4") @Min(1) @Max(20) int sectionBlock,
			@DefaultValue("4") @Min(0) @Max(10) int related, @DefaultValue("20") @Min(1) @Max(50) int feed) {
	}

	/**
	 * @param maxSize bytes of rendered pages kept (both encodings)
	 * @param ttl how long a page is served without asking the services again when no event said it
	 * changed (a safety net: the article feed drops what changes)
	 * @param notFoundTtl how long a 404 is kept
	 * @param keepForErrors how long the last good page of a path is kept to answer while a service is
	 * down
	 * @param settle how long after an event the services' answers may still lag it (their other
	 * replicas, their search index): pages made in that window are made again when it ends
	 * @param pages {@code Cache-Control} of pages (home, sections, articles, tags, authors)
	 * @param search of search pages
	 * @param feeds of RSS, Atom, sitemaps and robots.txt
	 * @param notFound of 404 pages and 301 redirects
	 * @param gone of 410 pages
	 * @param assets of files under /assets/ (their names carry their content's hash)
	 */
	public record Cache(@DefaultValue("64MB") DataSize maxSize, @DefaultValue("5m") Duration ttl,
			@DefaultValue("30s") Duration notFoundTtl, @DefaultValue("24h") Duration keepForErrors,
			@DefaultValue("2s") Duration settle,
			@DefaultValue("public, max-age=10, stale-while-revalidate=30, stale-if-error=86400") String pages,
			@DefaultValue("public, max-age=10, stale-while-revalidate=30, stale-if-error=3600") String search,
			@DefaultValue("public, max-age=60, stale-while-revalidate=60, stale-if-error=86400") String feeds,
			@DefaultValue("public, max-age=10") String notFound, @DefaultValue("public, max-age=60") String gone,
			@DefaultValue("public, max-age=31536000, immutable") String assets) {
	}

	/** A section as configured: its slug, name and the slug of its parent (one level). */
	public record SectionSetting(@NotBlank String slug, @NotBlank String name, String parent) {
	}

	/**
	 * @param since the first month with stories: the sitemap index lists months from here
	 * @param newsWindow stories published this recently go into the Google News sitemap (at most 1,000)
	 */
	public record Sitemaps(@DefaultValue("2016-01") @NotNull YearMonth since,
			@DefaultValue("48h") Duration newsWindow) {
	}

	/**
	 * @param connectTimeout to open a connection to a service
	 * @param timeout for a whole call
	 * @param mediaBatch ask media-service for several pictures in one call ({@code GET
	 * /api/v1/media?ids=}); when it answers 4xx the site falls back to one call per picture and asks
	 * again after {@code mediaBatchRetry}
	 * @param mediaBatchRetry see above
	 */
	public record Upstreams(@DefaultValue("1s") Duration connectTimeout, @DefaultValue("2s") Duration timeout,
			@DefaultValue("true") boolean mediaBatch, @DefaultValue("10m") Duration mediaBatchRetry) {
	}

}
