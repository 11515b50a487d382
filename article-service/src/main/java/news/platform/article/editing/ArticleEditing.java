package news.platform.article.editing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;

import org.springframework.stereotype.Service;

import news.platform.article.access.Action;
import news.platform.article.access.Caller;
import news.platform.article.access.Refusals;
import news.platform.article.author.AuthorEditing;
import news.platform.article.commit.ArticleCommits;
import news.platform.article.section.SectionDirectory;
import news.platform.article.slug.SlugClaims;
import news.platform.article.slug.Slugs;
import news.platform.article.story.Article;
import news.platform.article.story.ArticleStatus;
import news.platform.article.story.Articles;
import news.platform.article.story.Block;
import news.platform.article.story.Mark;
import news.platform.article.tag.TagEditing;
import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;

/** Creating, changing, restoring and deleting articles, with who may do what ({@link Action}). */
@Service
public class ArticleEditing {

	static final String DEFAULT_LANGUAGE = "hr";

	/** The revision action of an automatic save (PUT/PATCH {@code ?autosave=true}). */
	public static final String AUTOSAVE = "autosave";

	private final Articles articles;

	private final SlugClaims slugs;

	private final ArticleCommits commits;

	private final SectionDirectory sections;

	private final TagEditing tags;

	private final AuthorEditing authors;

	ArticleEditing(Articles articles, SlugClaims slugs, ArticleCommits commits, SectionDirectory sections,
			TagEditing tags, AuthorEditing authors) {
		this.articles = articles;
		this.slugs = slugs;
		this.commits = commits;
		this.sections = sections;
		this.tags = tags;
		this.authors = authors;
	}

	/**
	 * Tags and authors as an article stores them: the tags' ids (a tag named for the first time is
	 * made now) and the authors' profile ids. Checked first by {@link #checkNames}.
	 */
	private List<String> tagIds(List<String> given) {
		return this.tags.ensure(orEmpty(given));
	}

	/** Tags: an id, a slug or a name with letters or digits; authors: an existing profile. Writes nothing. */
	private void checkNames(ArticleInput input) {
		this.tags.check("tags", input.tags());
		this.authors.check("authors", input.authors());
	}

	public Article create(ArticleInput input, Caller caller) {
		return create(input, caller, new ObjectId().toHexString());
	}

	/**
	 * A new draft under an id the caller chose beforehand (an agency import claims the item's
	 * {@code uri} for it first).
	 */
	public Article create(ArticleInput input, Caller caller, String id) {
		requireStaff(caller);
		InputRules.check(input, true);
		linkTargetsExist(input);
		checkNames(input);
		String section = section(input.section());
		String slug = claimForNew(input, id);
		Instant now = this.commits.now();
		Article draft = new Article(id, slug, List.of(), orDefault(input.language(), DEFAULT_LANGUAGE),
				input.headline().strip(), input.standfirst(), orEmpty(input.body()),
				this.authors.ids(orEmpty(input.authors())), section, tagIds(input.tags()), input.source(), input.heroMediaId(),
				input.commentsOpen() == null || input.commentsOpen(), utc(input.commentsCloseAt()),
				ArticleStatus.DRAFT, caller.subject(), now, now, null, null, null, utc(input.embargoUntil()), 0, 0, 1,
				List.of(), caller.subject());
		try {
			return this.commits.create(draft);
		}
		catch (RuntimeException ex) {
			this.slugs.release(slug, id);
			throw ex;
		}
	}

	/**
	 * Every inline link to an article names one that exists (in any state but deleted: an editor
	 * may link a story still in review; readers see the link only once it is published).
	 */
	private void linkTargetsExist(ArticleInput input) {
		if (input.body() == null) {
			return;
		}
		for (int i = 0; i < input.body().size(); i++) {
			Block block = input.body().get(i);
			if (block instanceof Block.Formatted f) {
				linkTargetsExist("body[" + i + "]", f);
			}
			else if (block instanceof Block.ListBlock list) {
				for (int j = 0; j < list.items().size(); j++) {
					linkTargetsExist("body[" + i + "].items[" + j + "]", list.items().get(j));
				}
			}
		}
	}

	private void linkTargetsExist(String field, Block.Formatted formatted) {
		for (int k = 0; k < formatted.marks().size(); k++) {
			Mark mark = formatted.marks().get(k);
			if (mark.isLink() && mark.articleId() != null && this.articles.find(mark.articleId())
				.filter(a -> a.status() != ArticleStatus.DELETED)
				.isEmpty()) {
				throw ApiProblem.invalidField(field + ".marks[" + k + "].articleId", "no such article");
			}
		}
	}

	/** Any article the caller may see in any state; 404 for the rest, with no hint a draft exists. */
	public Article readForStaff(String id, Caller caller) {
		Article article = existing(id);
		if (!caller.canSeeUnpublished(article)) {
			throw notFound(id);
		}
		return article;
	}

	/** The article if it exists and is not deleted; 404 otherwise. */
	public Article existing(String id) {
		return this.articles.find(id).filter(a -> a.status() != ArticleStatus.DELETED).orElseThrow(() -> notFound(id));
	}

	/** Whether the article's section names an existing section (publishing and scheduling need one). */
	public boolean sectioned(Article article) {
		return this.sections.resolve(article.section()).isPresent();
	}

	/** The actions the caller may take on the article now, from the rules that enforce them. */
	public List<String> allowedActions(Article article, Caller caller) {
		return Action.allowedFor(article, caller, sectioned(article));
	}

	/**
	 * A PUT ({@code patch = false}) or PATCH of the article's content, with {@code If-Match}; also
	 * how an agency's newer version reaches a draft, under the same rules.
	 *
	 * @param autosave an editor's automatic save: recorded as action {@code autosave}, which the
	 * revision history folds into the same person's previous autosave ({@code Revisions})
	 */
	public Article update(String id, ArticleInput input, String ifMatch, boolean patch, boolean autosave, Caller caller) {
		requireStaff(caller);
		long expected = Versions.required(ifMatch);
		InputRules.check(input, !patch);
		linkTargetsExist(input);
		checkNames(input);
		Article before = existing(id);
		Action.EDIT.require(before, caller, true);
		if (before.revision() != expected) {
			throw Versions.stale(expected, before.revision());
		}
		Article.Builder b = before.toBuilder();
		if (!patch || input.headline() != null) {
			b.headline(input.headline().strip());
		}
		if (!patch || input.standfirst() != null) {
			b.standfirst(input.standfirst());
		}
		if (!patch || input.body() != null) {
			b.body(orEmpty(input.body()));
		}
		if (!patch || input.authors() != null) {
			b.authors(this.authors.ids(orEmpty(input.authors())));
		}
		if (!patch || input.section() != null) {
			String section = section(input.section());
			requireSectionWhenLive(before, section);
			b.section(section);
		}
		if (!patch || input.source() != null) {
			b.source(input.source());
		}
		if (!patch || input.heroMediaId() != null) {
			b.heroMediaId(input.heroMediaId());
		}
		if (!patch || input.language() != null) {
			b.language(orDefault(input.language(), DEFAULT_LANGUAGE));
		}
		if (!patch || input.commentsOpen() != null) {
			b.commentsOpen(input.commentsOpen() == null || input.commentsOpen());
		}
		if (!patch || input.commentsCloseAt() != null) {
			b.commentsCloseAt(utc(input.commentsCloseAt()));
		}
		Instant now = this.commits.now();
		if (!patch || input.embargoUntil() != null) {
			Instant embargoUntil = utc(input.embargoUntil());
			b.embargoUntil(embargoUntil);
			if (before.status() == ArticleStatus.PUBLISHED && embargoUntil != null && embargoUntil.isAfter(now)) {
				throw ApiProblem.invalidField("embargoUntil",
						"a published article cannot be embargoed; unpublish it first");
			}
			if (before.status() == ArticleStatus.SCHEDULED && embargoUntil != null
					&& embargoUntil.isAfter(before.scheduledAt())) {
				b.scheduledAt(embargoUntil);
			}
		}
		if (!patch || input.tags() != null) {
			// after every check above: a tag named for the first time is made only for a write that goes ahead
			b.tags(tagIds(input.tags()));
		}
		String newSlug = input.slug();
		boolean slugChanges = newSlug != null && !newSlug.equals(before.slug());
		if (slugChanges) {
			if (!this.slugs.claim(newSlug, id)) {
				throw slugTaken(newSlug);
			}
			List<String> previous = new ArrayList<>(before.previousSlugs());
			previous.remove(newSlug);
			previous.add(before.slug());
			b.slug(newSlug).previousSlugs(previous);
		}
		b.updatedAt(now).updatedBy(caller.subject());
		Optional<Article> saved = this.commits.save(before, b.build(),
				autosave ? AUTOSAVE : patch ? "patch" : "update");
		if (saved.isEmpty()) {
			if (slugChanges && !before.previousSlugs().contains(newSlug)) {
				this.slugs.release(newSlug, id);
			}
			throw Versions.stale(expected, this.articles.find(id).map(Article::revision).orElse(expected));
		}
		if (slugChanges) {
			this.slugs.retire(before.slug(), id);
		}
		return saved.get();
	}

	/**
	 * An earlier revision's content as a new revision (editors; {@code If-Match} as for any edit).
	 * The content comes back (headline, standfirst, body, byline, section, tags, source, picture,
	 * language, comment settings); the workflow state, slug and embargo stay as they are now, so a
	 * restore never publishes, unpublishes or moves a URL by itself.
	 */
	public Article restore(String id, Article earlier, String ifMatch, Caller caller) {
		requireStaff(caller);
		long expected = Versions.required(ifMatch);
		Article before = existing(id);
		Action.RESTORE.require(before, caller, true);
		if (before.revision() != expected) {
			throw Versions.stale(expected, before.revision());
		}
		String section = this.sections.path(earlier.section()).orElse(earlier.section());
		requireSectionWhenLive(before, section);
		Article after = before.toBuilder()
			.headline(earlier.headline())
			.standfirst(earlier.standfirst())
			.body(earlier.body())
			.authors(earlier.authors())
			.section(section)
			.tags(earlier.tags())
			.source(earlier.source())
			.heroMediaId(earlier.heroMediaId())
			.language(earlier.language())
			.commentsOpen(earlier.commentsOpen())
			.commentsCloseAt(earlier.commentsCloseAt())
			.updatedAt(this.commits.now())
			.updatedBy(caller.subject())
			.build();
		return this.commits.save(before, after, "restore", "revision " + earlier.revision())
			.orElseThrow(() -> Versions.stale(expected,
					this.articles.find(id).map(Article::revision).orElse(expected)));
	}

	void delete(String id, String ifMatch, Caller caller) {
		if (!caller.isEditor()) {
			throw forbidden("Only editors and admins delete articles.");
		}
		Article before = existing(id);
		Action.DELETE.require(before, caller, true);
		long expected = Versions.optional(ifMatch);
		if (expected > 0 && expected != before.revision()) {
			throw Versions.stale(expected, before.revision());
		}
		Instant now = this.commits.now();
		Article tombstone = before.withWorkflow(ArticleStatus.DELETED, before.publishedAt(),
				before.firstPublishedAt(), null, before.embargoUntil(), before.corrections(), now, caller.subject());
		if (this.commits.save(before, tombstone, "delete").isEmpty()) {
			throw Versions.stale(expected > 0 ? expected : before.revision(),
					this.articles.find(id).map(Article::revision).orElse(before.revision()));
		}
	}

	/**
	 * A section the client names, as the current path of an existing section (an old path, or a
	 * section's name, is taken to mean that section); {@code null} stays {@code null} (a draft may
	 * have none yet); anything else is 422 naming {@code section}.
	 */
	String section(String given) {
		if (given == null) {
			return null;
		}
		return this.sections.path(given)
			.orElseThrow(() -> ApiProblem.invalidField("section", "no section '" + shorten(given)
					+ "'; GET /api/v1/sections lists them"));
	}

	/** A published or scheduled article keeps a section: readers find it there. */
	private void requireSectionWhenLive(Article before, String section) {
		boolean live = before.status() == ArticleStatus.PUBLISHED || before.status() == ArticleStatus.SCHEDULED;
		if (live && this.sections.resolve(section).isEmpty()) {
			throw ApiProblem.invalidField("section", "a " + before.status().name().toLowerCase(java.util.Locale.ROOT)
					+ " article needs a section");
		}
	}

	private String claimForNew(ArticleInput input, String id) {
		if (input.slug() != null) {
			if (!this.slugs.claim(input.slug(), id)) {
				throw slugTaken(input.slug());
			}
			return input.slug();
		}
		String base = Slugs.fromHeadline(input.headline());
		if (base.isEmpty()) {
			base = "article-" + id.substring(id.length() - 8);
		}
		for (int n = 1; n <= 50; n++) {
			String candidate = n == 1 ? base : base + "-" + n;
			if (this.slugs.claim(candidate, id)) {
				return candidate;
			}
		}
		String unique = base + "-" + id.substring(id.length() - 8);
		if (!this.slugs.claim(unique, id)) {
			throw slugTaken(unique);
		}
		return unique;
	}

	static ApiProblem slugTaken(String slug) {
		return new ApiProblem(ProblemType.SLUG_TAKEN, "The slug '" + slug + "' belongs to another article.")
			.withFieldError("slug", "already used by another article");
	}

	public static ApiProblem notFound(String id) {
		return Refusals.notFound(id);
	}

	public static ApiProblem forbidden(String detail) {
		return Refusals.forbidden(detail);
	}

	private static void requireStaff(Caller caller) {
		if (!caller.isStaff()) {
			throw forbidden("Only newsroom staff write articles.");
		}
	}

	public static Instant utc(OffsetDateTime time) {
		return time == null ? null : time.toInstant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static String shorten(String value) {
		return value.length() > 60 ? value.substring(0, 60) + "…" : value;
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return list == null ? List.of() : list;
	}

	private static String orDefault(String value, String fallback) {
		return value == null ? fallback : value;
	}

}
