package news.platform.article.search;

final class PageCursorTestSupport {

	private PageCursorTestSupport() {
	}

	static String listCursor() {
		return new PageCursor(PageCursor.Kind.LIST, 0f, 1_700_000_000_000L, "some-id").encode();
	}

}
