package news.platform.site.render;

/**
 * The names of the lists an answer is, so that an event drops every list that may show its story:
 * {@link #LATEST} (the home page, the site's feeds, the sitemaps, the Google News sitemap),
 * {@code section:<path>}, {@code tag:<slug>}, {@code author:<slug>}, {@link #SEARCH} (search
 * results). A change of the sections (every page shows their menu) drops everything.
 */
public final class Topics {

	public static final String LATEST = "latest";

	public static final String SEARCH = "search";

	/** Any tag page, when an event does not say which tags a story has (schema version 1). */
	public static final String ANY_TAG = "tag:*";

	/** Any author page, likewise. */
	public static final String ANY_AUTHOR = "author:*";

	private Topics() {
	}

	public static String section(String path) {
		return "section:" + path;
	}

	public static String tag(String slug) {
		return "tag:" + slug;
	}

	public static String author(String slug) {
		return "author:" + slug;
	}

	public static String month(String yearMonth) {
		return "month:" + yearMonth;
	}

}
