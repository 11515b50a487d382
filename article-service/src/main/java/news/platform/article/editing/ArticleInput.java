package news.platform.article.editing;

import java.time.OffsetDateTime;
import java.util.List;

import news.platform.article.story.Block;

/**
 * What an editor sends to create or change an article. For PATCH, a field left out (null) keeps
 * its value. Times carry their offset (the newsroom works in Europe/Zagreb) and are stored in UTC.
 */
public record ArticleInput(String slug, String language, String headline, String standfirst, List<Block> body,
		List<String> authors, String section, List<String> tags, String source, String heroMediaId,
		Boolean commentsOpen, OffsetDateTime commentsCloseAt, OffsetDateTime embargoUntil) {
}
