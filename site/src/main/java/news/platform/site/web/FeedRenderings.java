package news.platform.site.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;

import news.platform.site.SiteProperties;
import news.platform.site.content.ArticleApi;
import news.platform.site.content.Named;
import news.platform.site.content.Section;
import news.platform.site.content.Sections;
import news.platform.site.content.Teaser;
import news.platform.site.content.TeaserPage;
import news.platform.site.feeds.Sitemaps;
import news.platform.site.feeds.Syndication;
import news.platform.site.page.Dates;
import news.platform.site.page.PageFactory;
import news.platform.site.page.Texts;
import news.platform.site.render.PageServer;
import news.platform.site.render.Rendered;
import news.platform.site.render.Topics;
import news.platform.site.render.Withdrawn;

/**
 * The answers for machines: RSS and Atom (the site, each section, tag and author), the sitemap
 * index with a sitemap per month and one of the sections, the Google News sitemap, robots.txt.
 * Never a withdrawn or embargoed story (the services never list an embargoed one).
 */
final class FeedRenderings {

	/** Google News reads at most this many stories from a News sitemap. */
	static final int NEWS_LIMIT = 1000;

	/** sitemaps.org: at most 50,000 addresses in one sitemap. */
	static final int SITEMAP_LIMIT = 50_000;

	private final ArticleApi articles;

	private final Sections sections;

	private final Withdrawn withdrawn;

	private final PageFactory factory;

	private final SiteProperties properties;

	private final Clock clock;

	private final Stories stories;

	FeedRenderings(ArticleApi articles, Sections sections, Withdrawn withdrawn, PageFactory factory,
			SiteProperties properties, Clock clock) {
		this.articles = articles;
		this.sections = sections;
		this.withdrawn = withdrawn;
		this.factory = factory;
		this.properties = properties;
		this.clock = clock;
		this.stories = new Stories(articles, withdrawn);
	}

	/** Whose stories a feed carries. */
	sealed interface Scope {
	}

	record SiteScope() implements Scope {
	}

	record SectionScope(String path) implements Scope {
	}

	record TagScope(String slug) implements Scope {
	}

	record AuthorScope(String slug) implements Scope {
	}

	/** {@code /rss/<rest>}: a section path, {@code tag/<slug>} or {@code autor/<slug>}; null when none. */
	Scope scope(String rest) {
		if (rest == null || rest.isEmpty()) {
			return new SiteScope();
		}
		String[] parts = rest.split("/", -1);
		String segment = "[a-z0-9]+(?:-[a-z0-9]+)*";
		for (String part : parts) {
			if (!part.matches(segment)) {
				return null;
			}
		}
		if (parts.length == 2 && parts[0].equals("tag")) {
			return new TagScope(parts[1]);
		}
		if (parts.length == 2 && parts[0].equals("autor")) {
			return new AuthorScope(parts[1]);
		}
		if (parts.length <= 2 && (this.sections.byPath(rest).isPresent() || parts.length == 1)) {
			return new SectionScope(rest);
		}
		return null;
	}

	PageServer.Renderer feed(Syndication.Format format, Scope scope, String selfPath, Renderings renderings) {
		return timer -> {
			Texts t = this.factory.texts();
			int size = this.properties.lists().feed();
			String name;
			String link;
			List<ArticleApi.ListQuery> queries = new ArrayList<>();
			String topic;
			if (scope instanceof SectionScope section) {
				name = this.sections.nameOf(section.path());
				link = this.factory.sectionHref(section.path());
				Optional<Section> known = this.sections.byPath(section.path());
				queries.add(new ArticleApi.ListQuery(section.path(), null, null, null,
						null, size));
				known.ifPresent(parent -> this.sections.children(parent)
					.forEach(child -> queries.add(new ArticleApi.ListQuery(child.path(), null, null, null, null, size))));
				topic = Topics.section(section.path());
			}
			else if (scope instanceof TagScope tag) {
				name = tag.slug().replace('-', ' ');
				link = this.factory.tagHref(tag.slug());
				queries.add(new ArticleApi.ListQuery(null, tag.slug().replace('-', ' '), null, null, null, size));
				topic = Topics.tag(tag.slug());
			}
			else if (scope instanceof AuthorScope author) {
				name = author.slug().replace('-', ' ');
				link = this.factory.authorHref(author.slug());
				queries.add(new ArticleApi.ListQuery(null, null, author.slug().replace('-', ' '), null, null, size));
				topic = Topics.author(author.slug());
			}
			else {
				name = t.t("feed.site");
				link = this.factory.site("/");
				queries.add(ArticleApi.ListQuery.latest(size));
				topic = Topics.LATEST;
			}
			Stories.Slice slice = this.stories.get(timer, queries, null, size);
			if (slice.items().isEmpty() && !(scope instanceof SiteScope) && this.sections.byPath(pathOf(scope)).isEmpty()) {
				return renderings.notFound();
			}
			List<Syndication.Item> items = new ArrayList<>();
			Set<String> ids = new LinkedHashSet<>();
			Instant updated = null;
			for (Teaser teaser : slice.items()) {
				ids.add(teaser.id());
				if (scope instanceof TagScope tag) {
					name = nameIn(teaser.tags(), tag.slug(), name);
				}
				else if (scope instanceof AuthorScope author) {
					name = nameIn(teaser.authors(), author.slug(), name);
				}
				List<String> categories = new ArrayList<>();
				categories.add(this.sections.nameOf(this.sections.pathOf(teaser.section())));
				teaser.tags().forEach(tag -> categories.add(tag.name()));
				items.add(new Syndication.Item(teaser.headline(), this.factory.teaserHref(teaser), teaser.standfirst(),
						teaser.publishedAt(), teaser.publishedAt(),
						teaser.authors().stream().map(Named::name).toList(), categories));
				if (updated == null || teaser.publishedAt().isAfter(updated)) {
					updated = teaser.publishedAt();
				}
			}
			Syndication.Channel channel = new Syndication.Channel(t.t("feed.title", name, t.t("brand")),
					t.t("feed.description", name), link, this.factory.site(selfPath), t.lang(),
					updated != null ? updated : this.clock.instant());
			byte[] body = Syndication.write(format, channel, items);
			return Rendered.of(200, format.contentType(), body, this.properties.cache().feeds(), Map.of(), ids,
					Set.of(topic), this.properties.cache().ttl().toNanos());
		};
	}

	private static String pathOf(Scope scope) {
		return scope instanceof SectionScope section ? section.path() : "";
	}

	private static String nameIn(List<Named> names, String slug, String otherwise) {
		for (Named named : names) {
			if (named.slug().equals(slug)) {
				return named.name();
			}
		}
		return otherwise;
	}

	// ---------------------------------------------------------------------------------------------
	// Sitemaps

	/** The index: the sections' sitemap and one sitemap per month that has stories. */
	PageServer.Renderer sitemapIndex() {
		return timer -> {
			YearMonth now = YearMonth.now(this.clock.withZone(Dates.ZAGREB));
			List<YearMonth> months = new ArrayList<>();
			List<Future<TeaserPage>> probes = new ArrayList<>();
			for (YearMonth month = now; !month.isBefore(this.properties.sitemaps().since()); month = month.minusMonths(1)) {
				YearMonth probed = month;
				months.add(probed);
				probes.add(timer.fork(() -> this.articles.list(new ArticleApi.ListQuery(null, null, null, start(probed),
						start(probed.plusMonths(1)), 1))));
			}
			List<Sitemaps.Url> sitemaps = new ArrayList<>();
			sitemaps.add(new Sitemaps.Url(this.factory.site("/sitemaps/rubrike.xml"), null));
			for (int i = 0; i < months.size(); i++) {
				List<Teaser> newest = timer.join(probes.get(i)).items();
				if (!newest.isEmpty()) {
					sitemaps.add(new Sitemaps.Url(this.factory.site("/sitemaps/" + months.get(i) + ".xml"),
							newest.get(0).publishedAt()));
				}
			}
			return Rendered.of(200, Sitemaps.CONTENT_TYPE, Sitemaps.index(sitemaps), this.properties.cache().feeds(),
					Map.of(), Set.of(), Set.of(Topics.LATEST), this.properties.cache().ttl().toNanos());
		};
	}

	/** Every story published in a month (by its current publication time, Zagreb time). */
	PageServer.Renderer month(YearMonth month, Renderings renderings) {
		return timer -> {
			if (month.isBefore(this.properties.sitemaps().since())
					|| month.isAfter(YearMonth.now(this.clock.withZone(Dates.ZAGREB)))) {
				return renderings.notFound();
			}
			ArticleApi.ListQuery query = new ArticleApi.ListQuery(null, null, null, start(month),
					start(month.plusMonths(1)), 50);
			List<Sitemaps.Url> urls = new ArrayList<>();
			Set<String> ids = new LinkedHashSet<>();
			String cursor = null;
			do {
				String after = cursor;
				TeaserPage page = timer.call(() -> this.articles.list(query, after));
				for (Teaser teaser : page.items()) {
					if (!this.withdrawn.contains(teaser.id()) && urls.size() < SITEMAP_LIMIT) {
						urls.add(new Sitemaps.Url(this.factory.teaserHref(teaser), teaser.publishedAt()));
						ids.add(teaser.id());
					}
				}
				cursor = page.nextCursor();
			}
			while (cursor != null && urls.size() < SITEMAP_LIMIT);
			return Rendered.of(200, Sitemaps.CONTENT_TYPE, Sitemaps.urlset(urls), this.properties.cache().feeds(),
					Map.of(), ids, Set.of(Topics.month(month.toString())), this.properties.cache().ttl().toNanos());
		};
	}

	/** The home page and every section page. */
	PageServer.Renderer sectionsSitemap() {
		return timer -> {
			List<Sitemaps.Url> urls = new ArrayList<>();
			urls.add(new Sitemaps.Url(this.factory.site("/"), null));
			for (Section section : this.sections.all()) {
				urls.add(new Sitemaps.Url(this.factory.sectionHref(section.path()), null));
			}
			return Rendered.of(200, Sitemaps.CONTENT_TYPE, Sitemaps.urlset(urls), this.properties.cache().feeds(),
					Map.of(), Set.of(), Set.of(), this.properties.cache().ttl().toNanos());
		};
	}

	/** Google News: the stories of the last 48 hours (configurable), at most 1,000, newest first. */
	PageServer.Renderer newsSitemap() {
		return timer -> {
			Instant since = this.clock.instant().minus(this.properties.sitemaps().newsWindow());
			ArticleApi.ListQuery query = new ArticleApi.ListQuery(null, null, null, since, null, 50);
			List<Sitemaps.NewsUrl> urls = new ArrayList<>();
			Set<String> ids = new LinkedHashSet<>();
			Texts t = this.factory.texts();
			String cursor = null;
			do {
				String after = cursor;
				TeaserPage page = timer.call(() -> this.articles.list(query, after));
				for (Teaser teaser : page.items()) {
					if (!this.withdrawn.contains(teaser.id()) && urls.size() < NEWS_LIMIT) {
						urls.add(new Sitemaps.NewsUrl(this.factory.teaserHref(teaser), t.t("brand"),
								teaser.language() != null ? teaser.language() : this.properties.language(),
								teaser.publishedAt(), teaser.headline()));
						ids.add(teaser.id());
					}
				}
				cursor = page.nextCursor();
			}
			while (cursor != null && urls.size() < NEWS_LIMIT);
			// the window moves on by itself: never kept longer than a few minutes
			long cacheFor = Math.min(this.properties.cache().ttl().toNanos(), java.time.Duration.ofMinutes(5).toNanos());
			return Rendered.of(200, Sitemaps.CONTENT_TYPE, Sitemaps.news(urls), this.properties.cache().feeds(),
					Map.of(), ids, Set.of(Topics.LATEST), cacheFor);
		};
	}

	PageServer.Renderer robots() {
		return timer -> {
			String text = "# " + this.factory.site("/") + "\n" + "User-agent: *\n" + "Allow: /\n"
					+ "Disallow: /desk/\n" + "Disallow: /api/\n" + "Allow: /api/v1/media/\n" + "\n" + "Sitemap: "
					+ this.factory.site("/sitemap.xml") + "\n" + "Sitemap: " + this.factory.site("/news-sitemap.xml")
					+ "\n";
			return Rendered.of(200, "text/plain;charset=UTF-8", text.getBytes(StandardCharsets.UTF_8),
					this.properties.cache().feeds(), Map.of(), Set.of(), Set.of(), this.properties.cache().ttl().toNanos());
		};
	}

	private static Instant start(YearMonth month) {
		return month.atDay(1).atStartOfDay(Dates.ZAGREB).toInstant();
	}

}
