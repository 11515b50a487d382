package news.platform.site.content;

/**
 * A tag or an author as an article names it: the name readers see and the slug of its page. Until
 * issue 16 gives tags and authors slugs of their own, the slug is made from the name.
 */
public record Named(String name, String slug) {

	public static Named of(String name) {
		return new Named(name, Slugs.of(name));
	}

}
