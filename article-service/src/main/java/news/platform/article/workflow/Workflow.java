package news.platform.article.workflow;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import news.platform.article.access.Caller;
import news.platform.article.commit.ArticleCommits;
import news.platform.article.editing.ArticleEditing;
import news.platform.article.editing.Versions;
import news.platform.article.story.Article;
import news.platform.article.story.ArticleStatus;
import news.platform.article.story.Articles;
import news.platform.article.story.Correction;
import news.platform.article.story.ReturnNote;
import news.platform.autoconfigure.problem.ApiProblem;

/**
 * Moves an article through DRAFT → IN_REVIEW → SCHEDULED/PUBLISHED → UNPUBLISHED. An embargo in
 * the future turns "publish" into "schedule at the embargo", so nothing reveals the article early.
 * Who may make which move, from which state, and that publishing needs a section, is the rule table
 * of {@link news.platform.article.access.Action}, which also lists the moves on the staff view.
 */
@Service
class Workflow {

	private static final int ATTEMPTS = 3;

	static final int MAX_NOTE = 2000;

	private final Articles articles;

	private final ArticleCommits commits;

	private final ArticleEditing editing;

	Workflow(Articles articles, ArticleCommits commits, ArticleEditing editing) {
		this.articles = articles;
		this.commits = commits;
		this.editing = editing;
	}

	/** What a move carries: the time of a schedule, the text of a correction, the note of a return. */
	record Change(OffsetDateTime at, String text, String note) {

		Change(OffsetDateTime at, String text) {
			this(at, text, null);
		}

	}

	Article apply(String id, Transition transition, Change change, String ifMatch, Caller caller) {
		long expected = Versions.optional(ifMatch);
		for (int attempt = 1;; attempt++) {
			Article before = this.editing.existing(id);
			transition.rule.require(before, caller, this.editing.sectioned(before));
			if (expected > 0 && expected != before.revision()) {
				throw Versions.stale(expected, before.revision());
			}
			Article after = next(before, transition, change, this.commits.now(), caller.subject());
			String note = transition == Transition.REJECT ? after.returnNote().text() : null;
			Optional<Article> saved = this.commits.save(before, after, transition.action, note);
			if (saved.isPresent()) {
				return saved.get();
			}
			if (expected > 0 || attempt == ATTEMPTS) {
				throw Versions.stale(expected > 0 ? expected : before.revision(),
						this.articles.find(id).map(Article::revision).orElse(before.revision()));
			}
		}
	}

	/** A return needs its reason, checked before anything is read or written. */
	static String requireNote(String note) {
		if (note == null || note.isBlank()) {
			throw ApiProblem.invalidField("note", "required: tell the journalist why the story goes back");
		}
		if (note.length() > MAX_NOTE) {
			throw ApiProblem.invalidField("note", "at most " + MAX_NOTE + " characters");
		}
		return note.strip();
	}

	private static Article next(Article a, Transition transition, Change change, Instant now, String by) {
		return switch (transition) {
			// a resubmitted story is no longer "returned"; its note stays in the history
			case SUBMIT -> a.withWorkflow(ArticleStatus.IN_REVIEW, a.publishedAt(), a.firstPublishedAt(), null,
					a.embargoUntil(), a.corrections(), now, by).toBuilder().returnNote(null).build();
			case REJECT -> a.withWorkflow(ArticleStatus.DRAFT, a.publishedAt(), a.firstPublishedAt(), null,
					a.embargoUntil(), a.corrections(), now, by)
				.toBuilder()
				.returnNote(new ReturnNote(requireNote(change == null ? null : change.note()), by, now))
				.build();
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

}
