package news.platform.article.story;

import java.time.Instant;

/** A dated public correction note; newsrooms keep them with the article for good. */
public record Correction(Instant at, String text) {
}
