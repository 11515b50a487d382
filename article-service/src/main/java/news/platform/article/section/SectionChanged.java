package news.platform.article.section;

/**
 * Published in-process after a section write on this replica (other replicas learn it from the
 * {@code section.changed} feed event): caches holding section paths or article URLs drop them.
 *
 * @param path the section's path now, or {@code null} when it was deleted
 * @param previousPath its path before, or {@code null} when it is new
 */
public record SectionChanged(String path, String previousPath) {

	/** The feed event announcing a section change (subject {@code null}: not an article). */
	public static final String EVENT = "section.changed";

}
