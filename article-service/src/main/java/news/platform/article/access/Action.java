package news.platform.article.access;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import news.platform.article.story.Article;
import news.platform.article.story.ArticleStatus;
import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;

import static news.platform.article.story.ArticleStatus.DRAFT;
import static news.platform.article.story.ArticleStatus.IN_REVIEW;
import static news.platform.article.story.ArticleStatus.PUBLISHED;
import static news.platform.article.story.ArticleStatus.SCHEDULED;
import static news.platform.article.story.ArticleStatus.UNPUBLISHED;

/**
 * What staff do to an article, with the one rule table that both refuses a request and lists a
 * caller's {@code allowedActions} on the staff view: the states each action applies in, whether a
 * journalist may take it on their own article, and whether it needs a section. A client reads the
 * list instead of guessing; the endpoints check the same table, so the two never disagree.
 */
public enum Action {

	/** PUT/PATCH: editors any article; a journalist their own draft. */
	EDIT(EnumSet.of(DRAFT, IN_REVIEW, SCHEDULED, PUBLISHED, UNPUBLISHED), Journalist.OWN_DRAFT, false),
	SUBMIT(EnumSet.of(DRAFT), Journalist.OWN, false),
	/** Back to its journalist with a note ({@code POST …/reject}). */
	RETURN(EnumSet.of(IN_REVIEW), Journalist.NEVER, false),
	PUBLISH(EnumSet.of(DRAFT, IN_REVIEW, SCHEDULED, UNPUBLISHED), Journalist.NEVER, true),
	SCHEDULE(EnumSet.of(DRAFT, IN_REVIEW, SCHEDULED, UNPUBLISHED), Journalist.NEVER, true),
	UNSCHEDULE(EnumSet.of(SCHEDULED), Journalist.NEVER, false),
	UNPUBLISH(EnumSet.of(PUBLISHED), Journalist.NEVER, false),
	/** A public correction note ({@code POST …/corrections}). */
	CORRECT(EnumSet.of(PUBLISHED), Journalist.NEVER, false),
	DELETE(EnumSet.of(DRAFT, IN_REVIEW, SCHEDULED, PUBLISHED, UNPUBLISHED), Journalist.NEVER, false),
	/** An earlier revision's content as a new revision ({@code POST …/revisions/{n}/restore}). */
	RESTORE(EnumSet.of(DRAFT, IN_REVIEW, SCHEDULED, PUBLISHED, UNPUBLISHED), Journalist.NEVER, false),
	/** A preview link for someone without an account ({@code POST …/previews}): unpublished work only. */
	PREVIEW(EnumSet.of(DRAFT, IN_REVIEW, SCHEDULED, UNPUBLISHED), Journalist.OWN, false);

	private enum Journalist {

		NEVER, OWN, OWN_DRAFT

	}

	private final Set<ArticleStatus> from;

	private final Journalist journalist;

	private final boolean needsSection;

	Action(Set<ArticleStatus> from, Journalist journalist, boolean needsSection) {
		this.from = from;
		this.journalist = journalist;
		this.needsSection = needsSection;
	}

	/** The name clients see in {@code allowedActions}: {@code edit}, {@code return}, … */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	public Set<ArticleStatus> from() {
		return this.from;
	}

	public boolean appliesIn(ArticleStatus status) {
		return this.from.contains(status);
	}

	/**
	 * Refuses the action when the caller may not take it now, in the order clients rely on: an
	 * article the caller may not see is 404 (nothing tells it exists), a role that may not act is
	 * 403, a state the action does not apply in is 409 {@code illegal-transition}, a missing section
	 * is 422 naming {@code section}.
	 * @param sectioned whether the article's section names an existing section
	 */
	public void require(Article article, Caller caller, boolean sectioned) {
		if (article.status() == ArticleStatus.DELETED
				|| !(caller.canSeeUnpublished(article) || article.status() == PUBLISHED)) {
			// another journalist's unpublished work, or no staff role: nothing tells that it exists
			throw Refusals.notFound(article.id());
		}
		if (!roleMay(article, caller)) {
			throw forbidden();
		}
		if (!appliesIn(article.status())) {
			throw illegal(article.status());
		}
		if (this.needsSection && !sectioned) {
			throw ApiProblem.invalidField("section", "publishing or scheduling needs a section; set one first");
		}
	}

	/** Whether {@link #require} would let the caller act now. */
	public boolean allowed(Article article, Caller caller, boolean sectioned) {
		return article.status() != ArticleStatus.DELETED && appliesIn(article.status()) && roleMay(article, caller)
				&& (!this.needsSection || sectioned);
	}

	/** Every action the caller may take on the article now, in the table's order. */
	public static List<String> allowedFor(Article article, Caller caller, boolean sectioned) {
		List<String> allowed = new ArrayList<>();
		for (Action action : values()) {
			if (action == RESTORE && article.revision() < 2) {
				continue;
			}
			if (action.allowed(article, caller, sectioned)) {
				allowed.add(action.label());
			}
		}
		return allowed;
	}

	private boolean roleMay(Article article, Caller caller) {
		if (caller.isEditor()) {
			return true;
		}
		if (!caller.isStaff() || !caller.owns(article)) {
			return false;
		}
		return switch (this.journalist) {
			case NEVER -> false;
			case OWN -> true;
			case OWN_DRAFT -> article.status() == DRAFT;
		};
	}

	private ApiProblem forbidden() {
		return Refusals.forbidden("Your role may not " + label() + " this article.");
	}

	private ApiProblem illegal(ArticleStatus status) {
		List<String> allowed = transitionsFrom(status);
		return new ApiProblem(ProblemType.ILLEGAL_TRANSITION,
				"Cannot " + label() + " an article that is " + status + "; allowed now: "
						+ (allowed.isEmpty() ? "none" : String.join(", ", allowed)) + ".")
			.withFieldError("status", "is " + status + "; allowed transitions: " + String.join(", ", allowed));
	}

	/** The workflow moves that apply in a state, as the README's transition table names them. */
	public static List<String> transitionsFrom(ArticleStatus status) {
		List<String> names = new ArrayList<>();
		for (Action action : List.of(SUBMIT, RETURN, PUBLISH, SCHEDULE, UNSCHEDULE, UNPUBLISH, CORRECT)) {
			if (action.appliesIn(status)) {
				names.add(switch (action) {
					case RETURN -> "reject";
					case CORRECT -> "corrections";
					default -> action.label();
				});
			}
		}
		return names;
	}

}
