package news.platform.site.readers;

import java.util.List;

import news.platform.site.page.Texts;
import news.platform.site.page.Views;

/** The personal part of an article's comments, as the templates render it (never cached, never shared). */
public final class PersonalView {

	private PersonalView() {
	}

	/** A form's CSRF field. */
	public record Csrf(String name, String value) {
	}

	/**
	 * The personal fragment of one article: sign-in state, the comment form, the reader's own comments.
	 *
	 * @param chrome the page around it without JavaScript; null for the htmx fragment
	 * @param reader the signed-in reader's name; null for anyone else
	 * @param message what happened to the last form (posted, held, refused and why); null for none
	 * @param error whether {@code message} is a refusal
	 * @param text the reader's text, kept when a post was refused
	 * @param key the form's Idempotency-Key: one per rendered form, so a double click posts one comment
	 * @param posted the comment this answer's post made or edit changed, for the page's list; null for none
	 */
	public record Personal(Views.Chrome chrome, Texts t, String articleId, String articleHref, String headline,
			String reader, Csrf csrf, String signInHref, String signUpHref, String message, boolean error,
			String text, String key, int maxLength, List<Own> own, Posted posted) {
	}

	/**
	 * The reader's comment a post just made or an edit changed (visible or pending), which
	 * {@code comments.js} puts into the page's list at once (in place of the list's copy): the
	 * cached list under the form is up to {@code site.comments.lifetime} old and does not show it yet.
	 *
	 * @param parentId the comment it replies to; null for a top-level comment
	 * @param statusText "Objavljen", "Čeka odobrenje moderatora"
	 * @param datetime its creation time, for {@code <time datetime>}
	 * @param ago "upravo sada", "prije 3 minute"
	 */
	public record Posted(String id, String parentId, String author, String status, String statusText,
			List<String> lines, String datetime, String ago) {
	}

	/**
	 * One of the reader's own comments on the article.
	 *
	 * @param status comment-service's: visible, pending, rejected, deleted
	 * @param statusText "Čeka odobrenje", …
	 * @param editable within the edit window (the edit form shows)
	 */
	public record Own(String id, String status, String statusText, List<String> lines, String text, long version,
			boolean editable, boolean deletable) {
	}

	/**
	 * What a reader can do with someone's comment: reply, react, report.
	 *
	 * @param mine the reader's own reaction, null for none
	 */
	public record Actions(Views.Chrome chrome, Texts t, String commentId, String articleId, String articleHref,
			String reader, Csrf csrf, String signInHref, String message, boolean error, String key, int maxLength,
			List<String> reactions, String mine) {
	}

}
