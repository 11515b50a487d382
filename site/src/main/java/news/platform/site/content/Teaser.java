package news.platform.site.content;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A story in a list or a search result.
 *
 * @param highlights search snippets by field ({@code headline}, {@code standfirst}, {@code body}),
 * as the service sends them: HTML-escaped text with hits in {@code <mark>} (read by
 * {@code page.Snippet}, never written out as they are)
 */
public record Teaser(String id, String slug, String headline, String standfirst, String section, List<Named> tags,
		List<Named> authors, String language, Instant publishedAt, String heroMediaId, String url,
		Map<String, String> highlights) {
}
