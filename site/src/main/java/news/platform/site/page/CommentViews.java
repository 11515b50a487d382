package news.platform.site.page;

import java.util.List;

/** The comment section's records, as the templates render them (texts and times already made). */
public final class CommentViews {

	private CommentViews() {
	}

	/**
	 * An article's comment section: what every reader sees (no personal state), so it goes into the
	 * cached page.
	 *
	 * @param heading "Komentari (12)"
	 * @param sorts the orders, each a link (htmx swaps {@code #komentari-popis})
	 * @param moreHref the next page of top-level comments, null on the last
	 * @param unavailable comment-service did not answer: a message instead of comments
	 * @param allHref the comments' own page (the same section without the article), for links
	 * @param stream comment-service's live stream of the article (Server-Sent Events, through the
	 * gateway), which {@code comments.js} follows
	 * @param script {@code comments.js} under its hashed name
	 * @param signInHref the site's sign-in, returning to the page the section is on
	 * @param signUpHref the issuer's registration page
	 */
	public record Section(String articleId, String heading, long count, List<SortLink> sorts, List<Item> items,
			String moreHref, boolean unavailable, String allHref, String stream, String script, String signInHref,
			String signUpHref) {
	}

	/** An order of the thread: {@code current} is the one shown. */
	public record SortLink(String href, String text, boolean current) {
	}

	/**
	 * One comment. A deleted or removed one with visible replies keeps its place as a placeholder
	 * ({@code visible} false, {@code lines} empty, {@code author} null).
	 *
	 * @param lines its text, line by line (plain text: written escaped, with line breaks)
	 * @param datetime for {@code <time datetime>}
	 * @param ago "prije 5 minuta"
	 * @param absolute the date and time, as the {@code <time>}'s title
	 * @param reactions "3 reakcije", null with none
	 * @param moreRepliesHref further replies, null when all are here
	 */
	public record Item(String id, String author, List<String> lines, boolean visible, String placeholder,
			String datetime, String ago, String absolute, String edited, String reactions, List<Item> replies,
			String moreRepliesHref) {
	}

	/**
	 * A page of replies to one comment (the "more replies" link's answer).
	 *
	 * @param moreHref the next page, null on the last
	 */
	public record Replies(String commentId, List<Item> items, String moreHref, String moreText) {
	}

}
