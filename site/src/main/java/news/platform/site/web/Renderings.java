package news.platform.site.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Future;

import news.platform.autoconfigure.core.PublicUrls;
import news.platform.site.SiteProperties;
import news.platform.site.content.Article;
import news.platform.site.content.ArticleApi;
import news.platform.site.content.Block;
import news.platform.site.content.CommentApi;
import news.platform.site.content.Comments;
import news.platform.site.content.MediaApi;
import news.platform.site.content.Named;
import news.platform.site.content.Picture;
import news.platform.site.content.Section;
import news.platform.site.content.Sections;
import news.platform.site.content.Teaser;
import news.platform.site.content.TeaserPage;
import news.platform.site.content.UpstreamUnavailable;
import news.platform.site.page.CommentViews;
import news.platform.site.page.PageFactory;
import news.platform.site.page.Pages;
import news.platform.site.render.PageServer;
import news.platform.site.render.RenderTimer;
import news.platform.site.render.Rendered;
import news.platform.site.render.SecurityHeaders;
import news.platform.site.render.Templates;
import news.platform.site.render.Topics;
import news.platform.site.render.Withdrawn;

/**
 * How each page is made: what it asks the services (in parallel where it can), the record it builds,
 * the template, and what the answer shows (for the cache's indexes). The HTTP side is
 * {@link SiteController}'s.
 */
final class Renderings {

	static final String HTML = "text/html;charset=UTF-8";

	private final ArticleApi articles;

	private final MediaApi media;

	private final Sections sections;

	private final Withdrawn withdrawn;

	private final PageFactory factory;

	private final Templates templates;

	private final SecurityHeaders security;

	private final PublicUrls urls;

	private final SiteProperties.Lists lists;

	private final SiteProperties.Cache cache;

	private final Stories stories;

	private final java.util.concurrent.ExecutorService upstreamCalls;

	private final CommentApi comments;

	private final SiteProperties.Comments commentSettings;

	private final java.time.Clock clock;

	Renderings(ArticleApi articles, MediaApi media, CommentApi comments, Sections sections, Withdrawn withdrawn,
			PageFactory factory, Templates templates, SecurityHeaders security, PublicUrls urls,
			SiteProperties properties, java.util.concurrent.ExecutorService upstreamCalls, java.time.Clock clock) {
		this.upstreamCalls = upstreamCalls;
		this.comments = comments;
		this.commentSettings = properties.comments();
		this.clock = clock;
		this.articles = articles;
		this.media = media;
		this.sections = sections;
		this.withdrawn = withdrawn;
		this.factory = factory;
		this.templates = templates;
		this.security = security;
		this.urls = urls;
		this.lists = properties.lists();
		this.cache = properties.cache();
		this.stories = new Stories(articles, withdrawn);
	}

	// ---------------------------------------------------------------------------------------------
	// Home

	PageServer.Renderer home() {
		return timer -> {
			int latestCount = this.lists.homeLatest();
			Stories.Pending latest = this.stories.fork(timer, List.of(ArticleApi.ListQuery.latest(latestCount)), null,
					latestCount);
			Map<Section, Stories.Pending> blocks = new LinkedHashMap<>();
			for (Section section : this.sections.topLevel()) {
				blocks.put(section, this.stories.fork(timer, queriesFor(section.path()), null,
						this.lists.sectionBlock()));
			}
			List<Teaser> latestStories = latest.join(timer).items();
			List<PageFactory.SectionStories> sectionStories = new ArrayList<>();
			Set<String> ids = new LinkedHashSet<>();
			latestStories.forEach(teaser -> ids.add(teaser.id()));
			for (Map.Entry<Section, Stories.Pending> block : blocks.entrySet()) {
				List<Teaser> items = block.getValue().join(timer).items();
				items.forEach(teaser -> ids.add(teaser.id()));
				sectionStories.add(new PageFactory.SectionStories(block.getKey(), items));
			}
			Pictures pictures = pictures(timer, heroes(latestStories));
			PageFactory.Built<Pages.HomePage> built = this.factory.home(latestStories, sectionStories,
					pictures.found());
			return html(200, "home.jte", built, this.cache.pages(), Map.of(), ids, Set.of(Topics.LATEST),
					pictures.cacheFor(this.cache.ttl()));
		};
	}

	// ---------------------------------------------------------------------------------------------
	// Lists: sections, tags, authors

	PageServer.Renderer section(String path, OlderCursor cursor, boolean fragment) {
		return timer -> {
			Optional<Section> known = this.sections.byPath(path);
			List<Section> children = known.map(this.sections::children).orElse(List.of());
			Stories.Slice slice = this.stories.get(timer, queriesFor(path), cursor, this.lists.pageSize());
			if (slice.items().isEmpty() && cursor == null && known.isEmpty()) {
				return notFound();
			}
			String name = this.sections.nameOf(path);
			String description = known.map(Section::description).orElse(null);
			return list(timer, PageFactory.ListKind.SECTION, name, path, description, children, slice,
					this.factory.sectionHref(path), fragment, Set.of(Topics.section(path)));
		};
	}

	PageServer.Renderer tag(String slug, OlderCursor cursor, boolean fragment) {
		return timer -> {
			Stories.Slice slice = named(timer, slug, cursor, true);
			if (slice.items().isEmpty() && cursor == null) {
				return notFound();
			}
			String name = nameOf(slice.items(), slug, true);
			return list(timer, PageFactory.ListKind.TAG, name, slug, null, List.of(), slice,
					this.factory.tagHref(slug), fragment, Set.of(Topics.tag(slug)));
		};
	}

	PageServer.Renderer author(String slug, OlderCursor cursor, boolean fragment) {
		return timer -> {
			Stories.Slice slice = named(timer, slug, cursor, false);
			if (slice.items().isEmpty() && cursor == null) {
				return notFound();
			}
			String name = nameOf(slice.items(), slug, false);
			return list(timer, PageFactory.ListKind.AUTHOR, name, slug, null, List.of(), slice,
					this.factory.authorHref(slug), fragment, Set.of(Topics.author(slug)));
		};
	}

	/**
	 * A tag's or author's stories: article-service's list filter takes the slug (current or old, a
	 * merged tag's too). Stories stored before tags and authors had profiles name an author in free
	 * text, which the filter matches by name (folded): when the slug finds nothing, it is asked for
	 * as words ({@code ana-horvat} as {@code ana horvat}).
	 */
	private Stories.Slice named(RenderTimer timer, String slug, OlderCursor cursor, boolean tag) {
		Stories.Slice slice = this.stories.get(timer, List.of(query(slug, tag)), cursor, this.lists.pageSize());
		String words = slug.replace('-', ' ');
		if (slice.items().isEmpty() && !words.equals(slug)) {
			slice = this.stories.get(timer, List.of(query(words, tag)), cursor, this.lists.pageSize());
		}
		return slice;
	}

	private static ArticleApi.ListQuery query(String value, boolean tag) {
		return tag ? new ArticleApi.ListQuery(null, value, null, null, null, 20)
				: new ArticleApi.ListQuery(null, null, value, null, null, 20);
	}

	private static String nameOf(List<Teaser> stories, String slug, boolean tag) {
		for (Teaser teaser : stories) {
			for (Named named : tag ? teaser.tags() : teaser.authors()) {
				if (named.slug().equals(slug)) {
					return named.name();
				}
			}
		}
		return slug.replace('-', ' ');
	}

	private Rendered list(RenderTimer timer, PageFactory.ListKind kind, String name, String path, String intro,
			List<Section> children, Stories.Slice slice, String href, boolean fragment, Set<String> topics) {
		Pictures pictures = pictures(timer, heroes(slice.items()));
		String older = slice.next() == null ? null : href + "?starije=" + slice.next().encode();
		PageFactory.Built<Pages.ListPage> built = this.factory.list(kind, name, path, intro, children, slice.items(),
				pictures.found(), older);
		Set<String> ids = new LinkedHashSet<>();
		slice.items().forEach(teaser -> ids.add(teaser.id()));
		return html(200, fragment ? "list-fragment.jte" : "list.jte", built, this.cache.pages(), Map.of(), ids, topics,
				pictures.cacheFor(this.cache.ttl()));
	}

	/** A section's own list and its subsections' lists. */
	private List<ArticleApi.ListQuery> queriesFor(String path) {
		List<ArticleApi.ListQuery> queries = new ArrayList<>();
		Optional<Section> section = this.sections.byPath(path);
		// the list filter matches a section's path exactly: a parent is asked for with each child
		queries.add(new ArticleApi.ListQuery(path, null, null, null, null, 20));
		section.ifPresent(parent -> this.sections.children(parent)
			.forEach(child -> queries.add(new ArticleApi.ListQuery(child.path(), null, null, null, null, 20))));
		return queries;
	}

	// ---------------------------------------------------------------------------------------------
	// Article

	PageServer.Renderer article(String path, String slug) {
		return timer -> {
			Optional<Withdrawn.Story> withdrawnHere = this.withdrawn.atPath(path);
			if (withdrawnHere.isPresent()) {
				return gone(withdrawnHere.get().id());
			}
			ArticleApi.Lookup lookup = timer.call(() -> this.articles.byPath(path));
			if (lookup instanceof ArticleApi.Lookup.Moved moved) {
				// an old slug or another section: the story's one address (from the shared setting)
				return Rendered.redirect(301, this.factory.site(moved.path()), this.cache.notFound(), Set.of(),
						Set.of(), this.cache.notFoundTtl().toNanos());
			}
			if (lookup instanceof ArticleApi.Lookup.Gone) {
				return gone(null);
			}
			if (!(lookup instanceof ArticleApi.Lookup.Found found)) {
				return notFound();
			}
			Article article = found.article();
			if (this.withdrawn.contains(article.id())) {
				return gone(article.id());
			}
			Future<Map<String, Picture>> pictures = timer.fork(() -> this.media.pictures(article.mediaIds()));
			Future<Optional<Comments.ThreadPage>> thread = timer
				.fork(() -> this.comments.thread(article.id(), "newest", this.commentSettings.pageSize(), null));
			Future<List<Teaser>> related = timer.fork(() -> this.articles.related(article.id(), this.lists.related()));
			Map<String, Future<Optional<Article>>> linkedCalls = new LinkedHashMap<>();
			for (Block block : article.body()) {
				if (block instanceof Block.Related link && link.articleId() != null
						&& !this.withdrawn.contains(link.articleId())) {
					linkedCalls.computeIfAbsent(link.articleId(), id -> timer.fork(() -> this.articles.byId(id)));
				}
			}
			Map<String, Article> linked = new HashMap<>();
			for (Map.Entry<String, Future<Optional<Article>>> call : linkedCalls.entrySet()) {
				timer.join(call.getValue()).ifPresent(other -> linked.put(call.getKey(), other));
			}
			List<Teaser> relatedStories = new ArrayList<>();
			for (Teaser teaser : timer.join(related)) {
				if (!teaser.id().equals(article.id()) && !this.withdrawn.contains(teaser.id())
						&& relatedStories.size() < this.lists.related()) {
					relatedStories.add(teaser);
				}
			}
			Pictures shown = pictures(timer, pictures);
			CommentViews.Section commentSection = commentSection(timer, article, thread);
			PageFactory.Built<Pages.ArticlePage> built = this.factory.article(article, shown.found(), relatedStories,
					linked, false, commentSection);
			Set<String> ids = new LinkedHashSet<>();
			ids.add(article.id());
			relatedStories.forEach(teaser -> ids.add(teaser.id()));
			ids.addAll(linked.keySet());
			// its hreflang links: a translation unpublished or moved drops this page too
			article.translations().stream().map(Article.Translation::id).filter(Objects::nonNull).forEach(ids::add);
			// the comment section lives at most site.comments.lifetime in any cache: the site keeps
			// the page a third of it and tells the caches after it the rest
			long keep = Math.min(shown.cacheFor(this.cache.ttl()), this.commentSettings.siteFresh().toNanos());
			return html(200, "article.jte", built, this.commentSettings.cacheControl(), Map.of(), ids, Set.of(), keep);
		};
	}

	/**
	 * The first page of an article's comments; comment-service down or slow leaves the article with
	 * a message in their place (the page is kept no longer than one with comments).
	 */
	private CommentViews.Section commentSection(RenderTimer timer, Article article,
			Future<Optional<Comments.ThreadPage>> thread) {
		try {
			Comments.ThreadPage page = timer.join(thread).orElse(null);
			return this.factory.comments(article, "newest", page, false, this.clock.instant());
		}
		catch (UpstreamUnavailable ex) {
			return this.factory.comments(article, "newest", null, true, this.clock.instant());
		}
	}

	/**
	 * An article's comments in one order, on their own page (without JavaScript), as the list
	 * htmx swaps in (a new order), or as the next comments ({@code starije}, with htmx).
	 */
	PageServer.Renderer comments(String articleId, String sort, String cursor, boolean fragment) {
		return timer -> {
			if (this.withdrawn.contains(articleId)) {
				return gone(articleId);
			}
			Future<Optional<Article>> article = fragment ? null : timer.fork(() -> this.articles.byId(articleId));
			Optional<Comments.ThreadPage> thread = timer
				.call(() -> this.comments.thread(articleId, sort, this.commentSettings.pageSize(), cursor));
			Optional<Article> found = article == null ? Optional.empty() : timer.join(article);
			if (thread.isEmpty() || (!fragment && found.isEmpty())) {
				return notFound();
			}
			String language = found.map(Article::language).orElse(null);
			CommentViews.Section section = found.isPresent()
					? this.factory.comments(found.get(), sort, thread.get(), false, this.clock.instant())
					: this.factory.comments(language, articleId, "/komentari/" + articleId, sort, thread.get(), false,
							this.clock.instant());
			String template = !fragment ? "comments.jte" : cursor == null ? "comments-fragment.jte" : "comments-more.jte";
			PageFactory.Built<Pages.CommentsPage> built = found.isPresent()
					? this.factory.commentsPage(found.get(), section)
					: new PageFactory.Built<>(new Pages.CommentsPage(fragmentChrome(language), null, null, section, null),
							Set.of());
			return html(200, template, built, this.commentSettings.cacheControl(), Map.of("X-Robots-Tag", "noindex"),
					Set.of(articleId), Set.of(), this.commentSettings.siteFresh().toNanos());
		};
	}

	/** More replies of one comment, as a page (without JavaScript) or as the fragment htmx adds. */
	PageServer.Renderer replies(String commentId, String cursor, boolean fragment) {
		return timer -> {
			Optional<Comments.RepliesPage> page = timer
				.call(() -> this.comments.replies(commentId, this.commentSettings.repliesPageSize(), cursor));
			if (page.isEmpty() || page.get().articleId() == null || this.withdrawn.contains(page.get().articleId())) {
				return notFound();
			}
			String articleId = page.get().articleId();
			Optional<Article> found = fragment ? Optional.empty() : timer.call(() -> this.articles.byId(articleId));
			if (!fragment && found.isEmpty()) {
				return notFound();
			}
			String language = found.map(Article::language).orElse(null);
			CommentViews.Replies replies = this.factory.replies(language, page.get(), this.clock.instant());
			PageFactory.Built<Pages.CommentsPage> built = found.isPresent()
					? this.factory.repliesPage(found.get(), replies)
					: new PageFactory.Built<>(new Pages.CommentsPage(fragmentChrome(language), null, null, null, replies),
							Set.of());
			return html(200, fragment ? "replies-page-fragment.jte" : "comments.jte", built,
					this.commentSettings.cacheControl(), Map.of("X-Robots-Tag", "noindex"), Set.of(articleId), Set.of(),
					this.commentSettings.siteFresh().toNanos());
		};
	}

	/** A fragment needs only the texts of its language. */
	private news.platform.site.page.Views.Chrome fragmentChrome(String language) {
		return new news.platform.site.page.Views.Chrome(this.factory.texts(language), null, null, null, true,
				List.of(), null, List.of(), List.of(), null, List.of(), null, null, null, null);
	}

	/**
	 * A draft through a preview link: the article page with a visible banner, no canonical URL, no
	 * JSON-LD, {@code private, no-store}, never kept.
	 */
	Rendered preview(String token) {
		RenderTimer timer = new RenderTimer(this.upstreamCalls);
		Optional<Article> found = timer.call(() -> this.articles.preview(token));
		if (found.isEmpty()) {
			return error(404, 0, "private, no-store");
		}
		Article article = found.get();
		Pictures shown = pictures(timer, timer.fork(() -> this.media.pictures(article.mediaIds())));
		PageFactory.Built<Pages.ArticlePage> built = this.factory.article(article, shown.found(), List.of(), Map.of(),
				true);
		return html(200, "article.jte", built, "private, no-store", Map.of("X-Robots-Tag", "noindex"), Set.of(),
				Set.of(), 0);
	}

	// ---------------------------------------------------------------------------------------------
	// Search

	PageServer.Renderer search(String q, String older, boolean fragment) {
		return timer -> {
			if (q == null || q.isEmpty()) {
				PageFactory.Built<Pages.SearchPage> built = this.factory.search("", "empty", List.of(), Map.of(), null);
				return html(200, "search.jte", built, this.cache.search(), Map.of("X-Robots-Tag", "noindex"), Set.of(),
						Set.of(Topics.SEARCH), this.cache.ttl().toNanos());
			}
			TeaserPage page;
			String state;
			try {
				page = timer.call(() -> this.articles.search(q, older, this.lists.pageSize()));
				state = page.items().isEmpty() ? "none" : "hits";
			}
			catch (ArticleApi.RefusedQuery ex) {
				if (older != null) {
					return error(400, 0, "no-store");
				}
				page = TeaserPage.empty();
				state = "refused";
			}
			List<Teaser> results = page.items().stream().filter(teaser -> !this.withdrawn.contains(teaser.id())).toList();
			String olderHref = page.nextCursor() == null ? null
					: this.factory.searchHref() + "?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&starije="
							+ URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8);
			PageFactory.Built<Pages.SearchPage> built = this.factory.search(q, state, results, Map.of(), olderHref);
			Set<String> ids = new LinkedHashSet<>();
			results.forEach(teaser -> ids.add(teaser.id()));
			return html(200, fragment ? "search-fragment.jte" : "search.jte", built, this.cache.search(),
					Map.of("X-Robots-Tag", "noindex"), ids, Set.of(Topics.SEARCH), this.cache.ttl().toNanos());
		};
	}

	// ---------------------------------------------------------------------------------------------
	// Errors

	Rendered notFound() {
		return error(404, this.cache.notFoundTtl().toNanos(), this.cache.notFound());
	}

	private Rendered gone(String articleId) {
		PageFactory.Built<Pages.ErrorPage> built = this.factory.error(410);
		return html(410, "error.jte", built, this.cache.gone(), Map.of("X-Robots-Tag", "noindex"),
				articleId == null ? Set.of() : Set.of(articleId),
				Set.of(), this.cache.ttl().toNanos());
	}

	/** An error page; kept for {@code cacheFor} nanoseconds (0: not kept). */
	Rendered error(int status, long cacheFor, String cacheControl) {
		PageFactory.Built<Pages.ErrorPage> built = this.factory.error(status);
		Map<String, String> headers = new HashMap<>();
		headers.put("X-Robots-Tag", "noindex");
		if (status == 503) {
			headers.put("Retry-After", "10");
		}
		return html(status, "error.jte", built, cacheControl, headers, Set.of(), Set.of(), cacheFor);
	}

	PageServer.Renderer unavailable() {
		return timer -> error(503, 0, "no-store");
	}

	// ---------------------------------------------------------------------------------------------

	/** Pictures found, and whether media-service answered (a page without them is kept only briefly). */
	private record Pictures(Map<String, Picture> found, boolean complete, Duration shortly) {

		long cacheFor(Duration usual) {
			return (this.complete ? usual : this.shortly).toNanos();
		}

	}

	private Pictures pictures(RenderTimer timer, List<String> ids) {
		if (ids.isEmpty()) {
			return new Pictures(Map.of(), true, this.cache.notFoundTtl());
		}
		return pictures(timer, timer.fork(() -> this.media.pictures(ids)));
	}

	/** media-service down: the page is shown without its pictures, and made again soon. */
	private Pictures pictures(RenderTimer timer, Future<Map<String, Picture>> call) {
		try {
			return new Pictures(timer.join(call), true, this.cache.notFoundTtl());
		}
		catch (UpstreamUnavailable ex) {
			return new Pictures(Map.of(), false, this.cache.notFoundTtl());
		}
	}

	private static List<String> heroes(List<Teaser> teasers) {
		List<String> ids = new ArrayList<>();
		for (Teaser teaser : teasers) {
			if (teaser.heroMediaId() != null) {
				ids.add(teaser.heroMediaId());
			}
		}
		return ids;
	}

	private Rendered html(int status, String template, PageFactory.Built<?> built, String cacheControl,
			Map<String, String> headers, Set<String> ids, Set<String> topics, long cacheFor) {
		byte[] body = this.templates.render(template, built.page());
		Map<String, String> all = new HashMap<>(headers);
		if (!built.styleHashes().isEmpty()) {
			all.put("Content-Security-Policy", this.security.withStyleHashes(built.styleHashes()));
		}
		return Rendered.of(status, HTML, body, cacheControl, all, ids, topics, cacheFor);
	}

}
