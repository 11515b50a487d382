package news.platform.desk.work;

import java.util.List;
import java.util.Map;

/**
 * A list page: its filters as typed, the stories, the next page's link (null on the last page) and
 * the problems of fields that broke a rule, as field → bundle key.
 */
public record ListView(String key, String q, String section, String tag, String author, List<Story> stories,
		String nextLink, Map<String, String> problems) {
}
