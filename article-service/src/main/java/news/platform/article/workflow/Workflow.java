package news.platform.article.workflow;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import news.platform.article.commit.ArticleCommits;
import news.platform.article.editing.ArticleEditing;
import news.platform.article.editing.Caller;
import news.platform.article.editing.Versions;
import news.platform.article.story.Article;
import news.platform.article.story.ArticleStatus;
import news.platform.article.story.Articles;
import news.platform.article.story.Correction;
import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;

/**
 * Moves an article through DRAFT → IN_REVIEW → SCHEDULED/PUBLISHED → UNPUBLISHED. An embargo in
 * the future turns "publish" into "schedule at the embargo", so nothing reveals the article early.
 */
@Service
class Workflow {

	private static final int ATTEMPTS = 3;

	private final Articles articles;

	private final ArticleCommits commits;

	private final ArticleEditing editing;

	Workflow(Articles articles, ArticleCommits commits, ArticleEditing editing) {
		this.articles = articles;
		this.commits = commits;
		this.editing = editing;
	}

	record Change(OffsetDateTime at, String text) {
	}

	Article apply(String id, Transition transition, Change change, String ifMatch, Caller caller) {
		long expected = Versions.optional(ifMatch);
		for (int attempt = 1;; attempt++) {
			Article before = this.editing.readForStaff(id, caller);
			authorize(before, transition, caller);
			if (expected > 0 && expected != before.revision()) {
				throw Versions.stale(expected, before.revision());
			}
			if (!transition.from.contains(before.status())) {
				throw illegal(before.status(), transition);
			}
			Article after = next(before, transition, change, this.commits.now(), caller.subject());
			Optional<Article> saved = this.commits.save(before, after, transition.action);
			if (saved.isPresent()) {
				return saved.get();
			}
			if (expected > 0 || attempt == ATTEMPTS) {
				throw Versions.stale(expected > 0 ? expected : before.revision(),
						this.articles.find(id).map(Article::revision).orElse(before.revision()));
			}
		}
	}

	private static Article next(Article a, Transition transition, Change change, Instant now, String by) {
		return switch (transition) {
			case SUBMIT -> a.withWorkflow(ArticleStatus.IN_REVIEW, a.publishedAt(), a.firstPublishedAt(), null,
					a.embargoUntil(), a.corrections(), now, by);
			case REJECT -> a.withWorkflow(ArticleStatus.DRAFT, a.publishedAt(), a.firstPublishedAt(), null,
					a.embargoUntil(), a.corrections(), now, by);
			case UNSCHEDULE -> a.withWorkflow(ArticleStatus.IN_REVIEW, a.publishedAt(), a.firstPublishedAt(), null,
					a.embargoUntil(), a.corrections(), now, by);
			case PUBLISH -> (a.embargoUntil() != null && a.embargoUntil().isAfter(now))
					? scheduled(a, a.embargoUntil(), now, by) : published(a, now, now, by);
			case SCHEDULE -> {
				Instant at = ArticleEditing.utc(change == null ? null : change.at());
				if (at == null) {
					throw ApiProblem.invalidField("at", "required: when to publish, with an offset");
				}
				if (!at.isAfter(now)) {
					throw ApiProblem.invalidField("at", "must be in the future; publish instead");
				}
				yield scheduled(a, a.embargoUntil() != null && a.embargoUntil().isAfter(at) ? a.embargoUntil() : at,
						now, by);
			}
			case UNPUBLISH -> a.withWorkflow(ArticleStatus.UNPUBLISHED, a.publishedAt(), a.firstPublishedAt(), null,
					a.embargoUntil(), a.corrections(), now, by);
			case CORRECT -> {
				String text = change == null ? null : change.text();
				if (text == null || text.isBlank() || text.length() > 2000) {
					throw ApiProblem.invalidField("text", "required, at most 2000 characters");
				}
				Instant at = ArticleEditing.utc(change.at());
				List<Correction> corrections = new ArrayList<>(a.corrections());
				corrections.add(new Correction(at == null ? now : at, text.strip()));
				yield a.withWorkflow(a.status(), a.publishedAt(), a.firstPublishedAt(), a.scheduledAt(),
						a.embargoUntil(), corrections, now, by);
			}
		};
	}

	static Article published(Article a, Instant publishedAt, Instant now, String by) {
		return a.withWorkflow(ArticleStatus.PUBLISHED, publishedAt,
				a.firstPublishedAt() == null ? publishedAt : a.firstPublishedAt(), null, a.embargoUntil(),
				a.corrections(), now, by);
	}

	private static Article scheduled(Article a, Instant at, Instant now, String by) {
		return a.withWorkflow(ArticleStatus.SCHEDULED, a.publishedAt(), a.firstPublishedAt(), at, a.embargoUntil(),
				a.corrections(), now, by);
	}

	private static void authorize(Article article, Transition transition, Caller caller) {
		if (caller.isEditor()) {
			return;
		}
		if (!transition.journalistMay || !caller.subject().equals(article.ownerId())) {
			throw ArticleEditing.forbidden("Your role may not " + transition.action + " this article.");
		}
	}

	private static ApiProblem illegal(ArticleStatus status, Transition transition) {
		List<String> allowed = Transition.allowedFrom(status);
		return new ApiProblem(ProblemType.ILLEGAL_TRANSITION,
				"Cannot " + transition.action + " an article that is " + status + "; allowed now: "
						+ (allowed.isEmpty() ? "none" : String.join(", ", allowed)) + ".")
			.withFieldError("status", "is " + status + "; allowed transitions: " + String.join(", ", allowed));
	}

}
