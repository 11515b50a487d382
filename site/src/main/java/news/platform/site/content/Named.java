package news.platform.site.content;

/**
 * A tag or an author as an article names it: the name readers see and the slug of its page
 * (article-service's; made from the name for a free-text name in a story stored before tags and
 * authors had slugs of their own).
 */
public record Named(String name, String slug) {

	public static Named of(String name) {
		return new Named(name, Slugs.of(name));
	}

}
