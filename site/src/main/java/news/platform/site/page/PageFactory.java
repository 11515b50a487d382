package news.platform.site.page;

import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;

import news.platform.autoconfigure.core.PublicUrls;
import news.platform.site.SiteProperties;
import news.platform.site.assets.Assets;
import news.platform.site.content.Article;
import news.platform.site.content.Block;
import news.platform.site.content.Comments;
import news.platform.site.content.Named;
import news.platform.site.content.Picture;
import news.platform.site.content.Section;
import news.platform.site.content.Sections;
import news.platform.site.content.Teaser;

/**
 * Builds each page's record from what the services said: every text from the bundles, every date
 * formatted, every URL from the shared public-URL setting (never from the request). Pure: no calls
 * to services, so the site's own share of a render is what happens here and in the template.
 */
public final class PageFactory {

	private final MessageSource messages;

	private final SiteProperties properties;

	private final Sections sections;

	private final PublicUrls urls;

	private final Assets assets;

	/** The issuer's registration page. */
	private final String signUpHref;

	private final PictureViews pictures;

	private final Locale siteLocale;

	public PageFactory(MessageSource messages, SiteProperties properties, Sections sections, PublicUrls urls,
			Assets assets, String signUpHref) {
		this.signUpHref = signUpHref;
		this.messages = messages;
		this.properties = properties;
		this.sections = sections;
		this.urls = urls;
		this.assets = assets;
		this.pictures = new PictureViews(urls);
		this.siteLocale = Locale.forLanguageTag(properties.language());
	}

	/** The sign-in that returns to {@code returnPath} (a path of the site). */
	public static String signInHref(String returnPath) {
		return "/prijava?natrag=" + URLEncoder.encode(returnPath, StandardCharsets.UTF_8);
	}

	/** The texts of the site's own language. */
	public Texts texts() {
		return new Texts(this.messages, this.siteLocale);
	}

	/** The texts of an article's language when the site has a bundle for it, else the site's. */
	public Texts texts(String language) {
		if (language != null && (language.equals("hr") || language.equals("en"))) {
			return new Texts(this.messages, Locale.forLanguageTag(language));
		}
		return texts();
	}

	/** A page's record and the {@code style} attribute values it uses (their hashes go into its CSP). */
	public record Built<T>(T page, Set<String> styleHashes) {
	}

	// ---------------------------------------------------------------------------------------------
	// URLs

	public String site(String path) {
		return this.urls.site(path).toString();
	}

	public String articleHref(String sectionPath, String slug) {
		return site(this.urls.articlePath(sectionPath, slug));
	}

	public String sectionHref(String sectionPath) {
		return site(this.urls.sectionPath(sectionPath));
	}

	public String tagHref(String slug) {
		return this.urls.tag(slug).toString();
	}

	public String authorHref(String slug) {
		return this.urls.author(slug).toString();
	}

	public String searchHref() {
		return site(this.urls.paths().search());
	}

	/** Where a story lives: its section's path and its slug, by the shared pattern. */
	public String teaserHref(Teaser teaser) {
		return articleHref(this.sections.pathOf(teaser.section()), teaser.slug());
	}

	// ---------------------------------------------------------------------------------------------
	// Chrome

	private Views.Chrome chrome(Texts t, String title, String description, String canonical, boolean noindex,
			List<Views.Meta> metas, String jsonLd, List<Views.Feed> feeds, List<Views.Hreflang> hreflangs,
			Views.Preload preload, String currentSection, String query) {
		List<Views.NavItem> nav = new ArrayList<>();
		for (Section section : this.sections.topLevel()) {
			nav.add(new Views.NavItem(sectionHref(section.path()), section.name(),
					section.path().equals(currentSection)));
		}
		List<Views.Feed> allFeeds = new ArrayList<>(feeds);
		if (allFeeds.isEmpty()) {
			allFeeds.add(new Views.Feed("application/rss+xml", t.t("feed.site"), site("/rss")));
		}
		return new Views.Chrome(t, title, description, canonical, noindex, metas, jsonLd, allFeeds, hreflangs, preload,
				nav, site("/"), searchHref(), query, new Views.AssetLinks(this.assets.url("site.css"),
						this.assets.url("htmx.js"), this.assets.url("icon.svg")));
	}

	private List<Views.Feed> feeds(Texts t, String name, String rssPath, String atomPath) {
		return List.of(new Views.Feed("application/rss+xml", t.t("feed.rss", name), site(rssPath)),
				new Views.Feed("application/atom+xml", t.t("feed.atom", name), site(atomPath)));
	}

	// ---------------------------------------------------------------------------------------------
	// Pages

	/** Immutable maps refuse a null key: a story without a picture has none. */
	private static Picture pictureOf(Map<String, Picture> pictures, String id) {
		return id == null ? null : pictures.get(id);
	}

	/** A section's stories, grouped for the home page. */
	public record SectionStories(Section section, List<Teaser> stories) {
	}

	public Built<Pages.HomePage> home(List<Teaser> latest, List<SectionStories> blocks, Map<String, Picture> pics) {
		Texts t = texts();
		Set<String> styles = new LinkedHashSet<>();
		Views.TeaserView lead = null;
		Views.Preload preload = null;
		List<Views.TeaserView> rest = new ArrayList<>();
		for (Teaser teaser : latest) {
			if (lead == null) {
				Picture picture = pictureOf(pics, teaser.heroMediaId());
				lead = teaser(t, teaser, picture, PictureViews.SIZES_LEAD, 1200, true, styles);
				preload = preload(lead.picture());
			}
			else {
				rest.add(teaser(t, teaser, pictureOf(pics, teaser.heroMediaId()), PictureViews.SIZES_TEASER, 640, false,
						styles));
			}
		}
		List<Views.SectionBlock> sectionBlocks = new ArrayList<>();
		for (SectionStories block : blocks) {
			if (block.stories().isEmpty()) {
				continue;
			}
			List<Views.TeaserView> items = new ArrayList<>();
			for (Teaser teaser : block.stories()) {
				items.add(teaser(t, teaser, null, null, 0, false, styles));
			}
			sectionBlocks.add(new Views.SectionBlock(block.section().name(), sectionHref(block.section().path()), items));
		}
		String canonical = site("/");
		String title = t.t("home.title");
		String description = t.t("site.description");
		List<Views.Meta> metas = List.of(new Views.Meta("property", "og:type", "website"),
				new Views.Meta("property", "og:title", title), new Views.Meta("property", "og:description", description),
				new Views.Meta("property", "og:url", canonical),
				new Views.Meta("property", "og:site_name", t.t("brand")),
				new Views.Meta("property", "og:locale", ogLocale(t)), new Views.Meta("name", "twitter:card", "summary"));
		String jsonLd = JsonLd.webSite(canonical, t.t("brand"), searchHref() + "?q={search_term_string}", t.lang());
		Views.Chrome chrome = chrome(t, title, description, canonical, false, metas, jsonLd,
				feeds(t, t.t("feed.site"), "/rss", "/atom"), List.of(), preload, null, null);
		// the home page has no "older stories" and no comments: nothing for htmx to do
		return new Built<>(new Pages.HomePage(chrome.withoutScript(), lead, rest, sectionBlocks), hashes(styles));
	}

	/** A section, tag or author list. */
	public Built<Pages.ListPage> list(ListKind kind, String name, String path, String intro, List<Section> subsections,
			List<Teaser> stories, Map<String, Picture> pics, String olderHref) {
		Texts t = texts();
		Set<String> styles = new LinkedHashSet<>();
		List<Views.TeaserView> items = new ArrayList<>();
		for (Teaser teaser : stories) {
			items.add(teaser(t, teaser, pictureOf(pics, teaser.heroMediaId()), PictureViews.SIZES_TEASER, 640,
					items.isEmpty(), styles));
		}
		List<Views.Link> children = new ArrayList<>();
		for (Section child : subsections) {
			children.add(new Views.Link(sectionHref(child.path()), child.name()));
		}
		String heading = switch (kind) {
			case SECTION -> name;
			case TAG -> t.t("tag.heading", name);
			case AUTHOR -> t.t("author.heading", name);
		};
		String canonical = switch (kind) {
			case SECTION -> sectionHref(path);
			case TAG -> tagHref(path);
			case AUTHOR -> authorHref(path);
		};
		String feedPath = switch (kind) {
			case SECTION -> path;
			case TAG -> "tag/" + path;
			case AUTHOR -> "autor/" + path;
		};
		String title = t.t("list.title", heading, t.t("brand"));
		String description = intro != null ? intro : t.t("list.description", heading);
		List<Views.Meta> metas = List.of(new Views.Meta("property", "og:type", "website"),
				new Views.Meta("property", "og:title", heading), new Views.Meta("property", "og:description", description),
				new Views.Meta("property", "og:url", canonical),
				new Views.Meta("property", "og:site_name", t.t("brand")),
				new Views.Meta("property", "og:locale", ogLocale(t)), new Views.Meta("name", "twitter:card", "summary"));
		Views.Chrome chrome = chrome(t, title, description, canonical, false, metas, null,
				feeds(t, heading, "/rss/" + feedPath, "/atom/" + feedPath), List.of(), null,
				kind == ListKind.SECTION ? topLevelOf(path) : null, null);
		// htmx only loads older stories in place
		return new Built<>(new Pages.ListPage(olderHref == null ? chrome.withoutScript() : chrome, heading, intro,
				children, items, olderHref), hashes(styles));
	}

	/** Which kind of list a list page is. */
	public enum ListKind {

		SECTION, TAG, AUTHOR

	}

	public Built<Pages.SearchPage> search(String query, String state, List<Teaser> results, Map<String, Picture> pics,
			String olderHref) {
		Texts t = texts();
		Set<String> styles = new LinkedHashSet<>();
		List<Views.TeaserView> items = new ArrayList<>();
		for (Teaser teaser : results) {
			List<Views.Mark> headline = teaser.highlights().containsKey("headline")
					? Snippets.parse(teaser.highlights().get("headline")) : Views.Mark.plain(teaser.headline());
			String snippet = teaser.highlights().get("body");
			if (snippet == null) {
				snippet = teaser.highlights().get("standfirst");
			}
			List<Views.Mark> summary = snippet != null ? Snippets.parse(snippet) : Views.Mark.plain(teaser.standfirst());
			String sectionPath = this.sections.pathOf(teaser.section());
			items.add(new Views.TeaserView(teaserHref(teaser), headline, summary, this.sections.nameOf(sectionPath),
					sectionHref(sectionPath), Dates.machine(teaser.publishedAt()),
					Dates.day(teaser.publishedAt(), t.locale()), null));
		}
		String title = query == null || query.isEmpty() ? t.t("search.title") : t.t("search.titleWithQuery", query);
		Views.Chrome chrome = chrome(t, title + " · " + t.t("brand"), t.t("search.description"), null, true,
				List.of(), null, List.of(), List.of(), null, null, query);
		return new Built<>(new Pages.SearchPage(olderHref == null ? chrome.withoutScript() : chrome, query, state,
				items, olderHref), hashes(styles));
	}

	/**
	 * An article's page.
	 *
	 * @param linked stories that the body's "read also" blocks name by id, as found (published ones only)
	 */
	public Built<Pages.ArticlePage> article(Article article, Map<String, Picture> pics, List<Teaser> related,
			Map<String, Article> linked, boolean preview) {
		return article(article, pics, related, linked, preview, null);
	}

	/** @param comments the comment section, null for none (a preview) */
	public Built<Pages.ArticlePage> article(Article article, Map<String, Picture> pics, List<Teaser> related,
			Map<String, Article> linked, boolean preview, CommentViews.Section comments) {
		Texts t = texts(article.language());
		Set<String> styles = new LinkedHashSet<>();
		String sectionPath = this.sections.pathOf(article.section());
		String canonical = articleHref(sectionPath, article.slug());
		Views.Link section = new Views.Link(sectionHref(sectionPath), this.sections.nameOf(sectionPath));
		List<Views.Link> authors = new ArrayList<>();
		List<JsonLd.Person> people = new ArrayList<>();
		for (Named author : article.authors()) {
			String href = author.slug().isEmpty() ? null : authorHref(author.slug());
			authors.add(new Views.Link(href, author.name()));
			people.add(new JsonLd.Person(author.name(), href));
		}
		List<Views.Link> tags = new ArrayList<>();
		for (Named tag : article.tags()) {
			if (!tag.slug().isEmpty()) {
				tags.add(new Views.Link(tagHref(tag.slug()), tag.name()));
			}
		}
		Picture heroPicture = pictureOf(pics, article.heroMediaId());
		Views.PictureView hero = heroPicture == null ? null
				: this.pictures.view(heroPicture, heroPicture.alt(), heroPicture.caption(), heroPicture.credit(),
						PictureViews.SIZES_COLUMN, 1200, true, styles);
		List<Views.BodyPart> body = body(t, article, pics, linked, styles);
		List<Views.CorrectionView> corrections = new ArrayList<>();
		for (Article.Correction correction : article.corrections()) {
			corrections.add(new Views.CorrectionView(dated(correction.at(), t), correction.text()));
		}
		List<Views.TeaserView> relatedViews = new ArrayList<>();
		for (Teaser teaser : related) {
			relatedViews.add(teaser(t, teaser, null, null, 0, false, styles));
		}
		Instant modified = article.modifiedAt();
		Views.Dated published = dated(article.firstPublished(), t);
		Views.Dated updated = modified != null && article.firstPublished() != null
				&& modified.isAfter(article.firstPublished().plusSeconds(60)) ? dated(modified, t) : null;
		String description = article.standfirst() != null ? article.standfirst() : t.t("site.description");
		List<String> images = new ArrayList<>();
		if (hero != null) {
			images.add(jpegOf(hero));
		}
		String jsonLd = preview ? null
				: JsonLd.newsArticle(canonical, article.headline(), article.standfirst(),
						Dates.machine(article.firstPublished()), Dates.machine(modified), people, images, t.t("brand"),
						site(this.assets.url("logo.png")), article.language() == null ? t.lang() : article.language(),
						section.text());
		List<Views.Meta> metas = new ArrayList<>(List.of(new Views.Meta("property", "og:type", "article"),
				new Views.Meta("property", "og:title", article.headline()),
				new Views.Meta("property", "og:description", description),
				new Views.Meta("property", "og:url", canonical),
				new Views.Meta("property", "og:site_name", t.t("brand")),
				new Views.Meta("property", "og:locale", ogLocale(t)),
				new Views.Meta("property", "article:published_time", Dates.machine(article.firstPublished())),
				new Views.Meta("property", "article:modified_time", Dates.machine(modified)),
				new Views.Meta("property", "article:section", section.text())));
		for (Views.Link tag : tags) {
			metas.add(new Views.Meta("property", "article:tag", tag.text()));
		}
		if (hero != null) {
			metas.add(new Views.Meta("property", "og:image", jpegOf(hero)));
			metas.add(new Views.Meta("property", "og:image:width", Integer.toString(hero.width())));
			metas.add(new Views.Meta("property", "og:image:height", Integer.toString(hero.height())));
			if (!hero.alt().isEmpty()) {
				metas.add(new Views.Meta("property", "og:image:alt", hero.alt()));
			}
		}
		metas.add(new Views.Meta("name", "twitter:card", hero != null ? "summary_large_image" : "summary"));
		metas.add(new Views.Meta("name", "twitter:title", article.headline()));
		metas.add(new Views.Meta("name", "twitter:description", description));
		if (hero != null) {
			metas.add(new Views.Meta("name", "twitter:image", jpegOf(hero)));
		}
		List<Views.Hreflang> hreflangs = new ArrayList<>();
		if (!article.translations().isEmpty()) {
			hreflangs.add(new Views.Hreflang(article.language() == null ? t.lang() : article.language(), canonical));
			for (Article.Translation translation : article.translations()) {
				hreflangs.add(new Views.Hreflang(translation.language(), translation.url()));
			}
		}
		String sectionPathForFeeds = sectionPath;
		Views.Chrome chrome = chrome(t, t.t("article.title", article.headline(), t.t("brand")), description,
				preview ? null : canonical, preview, List.copyOf(metas), jsonLd,
				feeds(t, section.text(), "/rss/" + sectionPathForFeeds, "/atom/" + sectionPathForFeeds), hreflangs,
				preload(hero), topLevelOf(sectionPath), null);
		String readingTime = article.readingMinutes() > 0 ? t.t("article.readingTime", article.readingMinutes()) : null;
		return new Built<>(new Pages.ArticlePage(chrome, article.headline(), article.standfirst(), section, authors,
				article.source(), published, updated, readingTime, hero, body, corrections, tags, relatedViews,
				preview, comments), hashes(styles));
	}

	// ---------------------------------------------------------------------------------------------
	// Comments

	/** The orders of a thread by their Croatian path segment (the first is the article page's). */
	public static final Map<String, String> COMMENT_ORDERS = orders();

	private static Map<String, String> orders() {
		Map<String, String> orders = new java.util.LinkedHashMap<>();
		orders.put("najnovije", "newest");
		orders.put("najstarije", "oldest");
		orders.put("najbolje", "reactions");
		return java.util.Collections.unmodifiableMap(orders);
	}

	private static String orderSegment(String sort) {
		for (Map.Entry<String, String> order : COMMENT_ORDERS.entrySet()) {
			if (order.getValue().equals(sort)) {
				return order.getKey();
			}
		}
		return "najnovije";
	}

	/** {@code /komentari/{articleId}/{order}}: a thread's page in one order (and, with htmx, its list). */
	public String commentsHref(String articleId, String sort) {
		return site("/komentari/" + articleId + "/" + orderSegment(sort));
	}

	/** {@code /komentari/odgovori/{commentId}}: more replies of one comment. */
	public String repliesHref(String commentId, String cursor) {
		return site("/komentari/odgovori/" + commentId + "?starije=" + cursor);
	}

	/**
	 * The comment section of an article's page, as any reader sees it.
	 *
	 * @param thread the first page, null when comment-service did not answer
	 * @param now for the relative times ("prije 5 minuta"): the page lives at most the comment
	 * lifetime, so they are at most that far off
	 */
	public CommentViews.Section comments(Article article, String sort, Comments.ThreadPage thread, boolean unavailable,
			Instant now) {
		return comments(article.language(), article.id(),
				this.urls.articlePath(this.sections.pathOf(article.section()), article.slug()), sort, thread,
				unavailable, now);
	}

	/**
	 * The comment section on a page of its own or as a fragment.
	 *
	 * @param returnPath where signing in from the section returns to
	 */
	public CommentViews.Section comments(String language, String articleId, String returnPath, String sort,
			Comments.ThreadPage thread, boolean unavailable, Instant now) {
		Texts t = texts(language);
		List<CommentViews.SortLink> sorts = new ArrayList<>();
		for (Map.Entry<String, String> order : COMMENT_ORDERS.entrySet()) {
			sorts.add(new CommentViews.SortLink(commentsHref(articleId, order.getValue()),
					t.t("comments.sort." + order.getKey()), order.getValue().equals(sort)));
		}
		String stream = this.urls.api("/comments/articles/" + articleId + "/stream").toString();
		String script = this.assets.url("comments.js");
		if (thread == null) {
			return new CommentViews.Section(articleId, t.t("comments.heading"), 0, sorts, List.of(), null, unavailable,
					commentsHref(articleId, sort), unavailable ? null : stream, script, signInHref(returnPath),
					this.signUpHref);
		}
		List<CommentViews.Item> items = new ArrayList<>();
		for (Comments.Comment comment : thread.comments()) {
			items.add(commentItem(t, comment, now));
		}
		String more = thread.next() == null ? null
				: commentsHref(articleId, sort) + "?starije=" + thread.next();
		return new CommentViews.Section(articleId,
				thread.count() == 0 ? t.t("comments.heading") : t.t("comments.headingCount", thread.count()),
				thread.count(), sorts, items, more, false, commentsHref(articleId, sort), stream, script,
				signInHref(returnPath), this.signUpHref);
	}

	/** A further page of one comment's replies. */
	public CommentViews.Replies replies(String language, Comments.RepliesPage page, Instant now) {
		Texts t = texts(language);
		List<CommentViews.Item> items = new ArrayList<>();
		for (Comments.Comment comment : page.replies()) {
			items.add(commentItem(t, comment, now));
		}
		return new CommentViews.Replies(page.commentId(), items,
				page.next() == null ? null : repliesHref(page.commentId(), page.next()), t.t("comments.moreReplies"));
	}

	private CommentViews.Item commentItem(Texts t, Comments.Comment comment, Instant now) {
		List<CommentViews.Item> replies = new ArrayList<>();
		for (Comments.Comment reply : comment.replies()) {
			replies.add(commentItem(t, reply, now));
		}
		String moreReplies = comment.moreReplies() == null ? null : repliesHref(comment.id(), comment.moreReplies());
		String datetime = Dates.machine(comment.createdAt());
		String absolute = Dates.dateTime(comment.createdAt(), t.locale());
		String ago = RelativeTime.of(comment.createdAt(), now, t);
		if (!comment.visible()) {
			String placeholder = t.t("deleted".equals(comment.status()) ? "comments.deleted" : "comments.removed");
			return new CommentViews.Item(comment.id(), null, List.of(), false, placeholder, datetime, ago, absolute,
					null, null, replies, moreReplies);
		}
		List<String> lines = comment.text() == null ? List.of() : List.of(comment.text().split("\n", -1));
		String reactions = comment.reactionCount() <= 0 ? null
				: t.t("comments.reactions." + RelativeTime.form(comment.reactionCount(), t), comment.reactionCount());
		String author = comment.authorName() == null || comment.authorName().isBlank() ? t.t("comments.anonymous")
				: comment.authorName();
		return new CommentViews.Item(comment.id(), author, lines, true, null, datetime, ago, absolute,
				comment.edited() ? t.t("comments.edited") : null, reactions, replies, moreReplies);
	}

	/** The comments' own page (without JavaScript: further pages and other orders). */
	public Built<Pages.CommentsPage> commentsPage(Article article, CommentViews.Section section) {
		Texts t = texts(article.language());
		String sectionPath = this.sections.pathOf(article.section());
		String articleHref = articleHref(sectionPath, article.slug());
		Views.Chrome chrome = chrome(t, t.t("comments.pageTitle", article.headline(), t.t("brand")),
				t.t("comments.pageTitle", article.headline(), t.t("brand")), null, true, List.of(), null, List.of(),
				List.of(), null, topLevelOf(sectionPath), null);
		return new Built<>(new Pages.CommentsPage(chrome, article.headline(), articleHref, section, null), Set.of());
	}

	/** One comment's further replies as a page (without JavaScript). */
	public Built<Pages.CommentsPage> repliesPage(Article article, CommentViews.Replies replies) {
		Texts t = texts(article.language());
		String sectionPath = this.sections.pathOf(article.section());
		String articleHref = articleHref(sectionPath, article.slug());
		Views.Chrome chrome = chrome(t, t.t("comments.pageTitle", article.headline(), t.t("brand")),
				t.t("comments.pageTitle", article.headline(), t.t("brand")), null, true, List.of(), null, List.of(),
				List.of(), null, topLevelOf(sectionPath), null);
		return new Built<>(new Pages.CommentsPage(chrome, article.headline(), articleHref, null, replies), Set.of());
	}

	/** The chrome of a reader's own page (sign-in state, forms): noindex, never cached. */
	public Views.Chrome personalChrome(Texts t, String title) {
		return chrome(t, title + " · " + t.t("brand"), title, null, true, List.of(), null, List.of(), List.of(), null,
				null, null);
	}

	public Built<Pages.ErrorPage> error(int status) {
		Texts t = texts();
		String key = switch (status) {
			case 400, 403, 404, 410, 503 -> "error." + status;
			default -> status >= 500 ? "error.500" : "error.400";
		};
		Views.Chrome chrome = chrome(t, t.t(key + ".title") + " · " + t.t("brand"), t.t(key + ".text"), null, true,
				List.of(), null, List.of(), List.of(), null, null, null);
		return new Built<>(new Pages.ErrorPage(chrome.withoutScript(), status, t.t(key + ".title"), t.t(key + ".text")),
				Set.of());
	}

	// ---------------------------------------------------------------------------------------------
	// Parts

	private Views.TeaserView teaser(Texts t, Teaser teaser, Picture picture, String sizes, int largest, boolean eager,
			Set<String> styles) {
		String sectionPath = this.sections.pathOf(teaser.section());
		Views.PictureView view = picture == null ? null
				: this.pictures.view(picture, picture.alt(), null, null, sizes, largest, eager, styles);
		return new Views.TeaserView(teaserHref(teaser), Views.Mark.plain(teaser.headline()),
				Views.Mark.plain(teaser.standfirst()), this.sections.nameOf(sectionPath), sectionHref(sectionPath),
				Dates.machine(teaser.publishedAt()), Dates.day(teaser.publishedAt(), t.locale()), view);
	}

	private List<Views.BodyPart> body(Texts t, Article article, Map<String, Picture> pics, Map<String, Article> linked,
			Set<String> styles) {
		List<Views.BodyPart> parts = new ArrayList<>();
		for (Block block : article.body()) {
			if (block instanceof Block.Paragraph paragraph) {
				parts.add(new Views.ParagraphPart(paragraph.text()));
			}
			else if (block instanceof Block.Heading heading) {
				parts.add(new Views.HeadingPart(heading.level(), heading.text()));
			}
			else if (block instanceof Block.Quote quote) {
				parts.add(new Views.QuotePart(quote.text(), quote.attribution()));
			}
			else if (block instanceof Block.ListBlock list) {
				parts.add(new Views.ListPart(list.ordered(), list.items()));
			}
			else if (block instanceof Block.Image image) {
				Picture picture = pictureOf(pics, image.mediaId());
				if (picture != null) {
					String alt = image.alt() != null ? image.alt() : picture.alt();
					String caption = image.caption() != null ? image.caption() : picture.caption();
					String credit = image.credit() != null ? image.credit() : picture.credit();
					parts.add(new Views.FigurePart(this.pictures.view(picture, alt, caption, credit,
							PictureViews.SIZES_COLUMN, 1200, false, styles)));
				}
			}
			else if (block instanceof Block.Embed embed) {
				parts.add(new Views.EmbedPart(embed.url(),
						embed.title() != null ? embed.title() : t.t("article.embedGeneric"),
						embed.provider() != null ? embed.provider() : hostOf(embed.url())));
			}
			else if (block instanceof Block.Related related) {
				if (related.articleId() != null) {
					Article other = linked.get(related.articleId());
					if (other != null) {
						parts.add(new Views.RelatedPart(articleHref(this.sections.pathOf(other.section()), other.slug()),
								related.title() != null ? related.title() : other.headline(), false));
					}
				}
				else if (related.url() != null) {
					parts.add(new Views.RelatedPart(related.url(),
							related.title() != null ? related.title() : hostOf(related.url()), true));
				}
			}
		}
		return parts;
	}

	private static Views.Dated dated(Instant instant, Texts t) {
		return instant == null ? null : new Views.Dated(Dates.machine(instant), Dates.dateTime(instant, t.locale()));
	}

	private static Views.Preload preload(Views.PictureView picture) {
		return picture == null ? null : new Views.Preload(picture.webpSrcset(), picture.sizes(), "image/webp");
	}

	/** The largest JPEG of a picture: for OpenGraph, Twitter cards and JSON-LD. */
	private static String jpegOf(Views.PictureView picture) {
		return picture.src();
	}

	private String topLevelOf(String sectionPath) {
		int slash = sectionPath.indexOf('/');
		return slash < 0 ? sectionPath : sectionPath.substring(0, slash);
	}

	private static String ogLocale(Texts t) {
		return "en".equals(t.lang()) ? "en_GB" : "hr_HR";
	}

	private static String hostOf(String url) {
		try {
			String host = java.net.URI.create(url).getHost();
			return host == null ? url : host.startsWith("www.") ? host.substring(4) : host;
		}
		catch (IllegalArgumentException ex) {
			return url;
		}
	}

	private static Set<String> hashes(Set<String> styles) {
		Set<String> hashes = new LinkedHashSet<>();
		for (String style : styles) {
			hashes.add(PictureViews.hashSource(style));
		}
		return hashes;
	}

	/** The properties this factory was built with (list sizes). */
	public SiteProperties properties() {
		return this.properties;
	}

}
