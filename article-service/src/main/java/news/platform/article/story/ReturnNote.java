package news.platform.article.story;

import java.time.Instant;

/**
 * Why an editor sent a story back to its journalist: shown on the article until it is submitted
 * again, and kept for good in the revision that returned it.
 *
 * @param text the editor's note
 * @param by who returned it (the token's subject)
 * @param at when
 */
public record ReturnNote(String text, String by, Instant at) {
}
