package news.platform.site.content;

/**
 * A section of the site.
 *
 * @param path the section's path in URLs: its slug, or its parent's slug, a slash and its own
 * ({@code vijesti/hrvatska})
 * @param parent the parent's slug, null for a top-level section
 */
public record Section(String slug, String name, String path, String parent, String description, int position) {

	public boolean topLevel() {
		return this.parent == null;
	}

}
