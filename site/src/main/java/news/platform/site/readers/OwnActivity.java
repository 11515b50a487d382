package news.platform.site.readers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpSession;

/**
 * What a reader did, kept in their session: the comments they posted per article (comment-service
 * shows a pending comment to its author only, and has no "mine" list) and their reactions. Plain JDK
 * collections, written back on every change so the session store sees it; bounded.
 */
final class OwnActivity {

	private static final String COMMENTS = OwnActivity.class.getName() + ".comments";

	private static final String REACTIONS = OwnActivity.class.getName() + ".reactions";

	private static final int MAX_ARTICLES = 50;

	private static final int MAX_REACTIONS = 500;

	private OwnActivity() {
	}

	static List<String> comments(HttpSession session, String articleId) {
		Map<String, ArrayList<String>> all = commentsOf(session);
		List<String> ids = all == null ? null : all.get(articleId);
		return ids == null ? List.of() : List.copyOf(ids);
	}

	static void posted(HttpSession session, String articleId, String commentId, int perArticle) {
		Map<String, ArrayList<String>> all = commentsOf(session);
		LinkedHashMap<String, ArrayList<String>> next = all == null ? new LinkedHashMap<>() : new LinkedHashMap<>(all);
		ArrayList<String> ids = new ArrayList<>(next.getOrDefault(articleId, new ArrayList<>()));
		ids.remove(commentId);
		ids.add(0, commentId);
		while (ids.size() > perArticle) {
			ids.remove(ids.size() - 1);
		}
		next.remove(articleId);
		next.put(articleId, ids);
		while (next.size() > MAX_ARTICLES) {
			next.remove(next.keySet().iterator().next());
		}
		session.setAttribute(COMMENTS, next);
	}

	static String reaction(HttpSession session, String commentId) {
		Map<String, String> all = reactionsOf(session);
		return all == null ? null : all.get(commentId);
	}

	static void reacted(HttpSession session, String commentId, String type) {
		Map<String, String> all = reactionsOf(session);
		LinkedHashMap<String, String> next = all == null ? new LinkedHashMap<>() : new LinkedHashMap<>(all);
		next.remove(commentId);
		if (type != null) {
			next.put(commentId, type);
		}
		while (next.size() > MAX_REACTIONS) {
			next.remove(next.keySet().iterator().next());
		}
		session.setAttribute(REACTIONS, next);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, ArrayList<String>> commentsOf(HttpSession session) {
		return session == null ? null : session.getAttribute(COMMENTS) instanceof Map<?, ?> map
				? (Map<String, ArrayList<String>>) map : null;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> reactionsOf(HttpSession session) {
		return session == null ? null : session.getAttribute(REACTIONS) instanceof Map<?, ?> map
				? (Map<String, String>) map : null;
	}

}
