package news.platform.media.library;

import java.time.Instant;

/**
 * One page of the photo library: every field optional. {@code text} must match in caption, alt
 * text, credit, tags or file name (every word, Croatian analysis); {@code uploader} is a token
 * subject; {@code tag} matches a whole tag however it is cased or accented; {@code from}
 * inclusive, {@code to} exclusive; {@code type} jpeg, png, webp or gif; {@code unused} true: no
 * article names the item, false: some article does.
 */
record LibraryQuery(String text, String uploader, String tag, Instant from, Instant to, String type, Boolean unused,
		LibraryCursor cursor, int limit) {

}
