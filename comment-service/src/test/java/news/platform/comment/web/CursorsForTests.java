package news.platform.comment.web;

import news.platform.comment.CommentApi;

final class CursorsForTests {

	private CursorsForTests() {
	}

	/** A real cursor of the newest order (limit 1 over a thread of at least two comments). */
	static String newest(CommentApi api, String article) {
		api.posted(article, "Još jedan komentar", null);
		return api.thread(article, "limit=1").path("next").asString();
	}

}
