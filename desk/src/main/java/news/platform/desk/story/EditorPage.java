package news.platform.desk.story;

import java.util.List;
import java.util.Map;

import news.platform.desk.upstream.Problem;

/**
 * Everything the editor page shows, formatted: the template only loops, branches and escapes.
 *
 * @param id the story, or null for a new one
 * @param revision what the next save sends as {@code If-Match} (after a conflict: the current one,
 * so saving again keeps the person's version)
 * @param problems field (or {@code body[k]}, {@code form}) → the text beside it
 * @param refusal an action or save the service refused, in words
 * @param conflict someone else saved in between: what changed, side by side
 * @param notice a message key after a redirect (saved, submitted, ...)
 */
public record EditorPage(String id, long revision, String status, boolean returned, ReturnNote returnNote,
		String headline, String standfirst, String section, List<SectionOption> sections, String tags, String authors,
		String language, String slug, String embargo, boolean commentsOpen, String commentsCloseAt, String source,
		String heroMediaId, List<EditorBlock> blocks, String bodyPlain, boolean bodyPlainEditable, int wordCount,
		int readingMinutes, List<String> actions, String scheduledAt, String publishedAt, String url,
		List<PreviewLink> previews, Map<String, String> problems, Problem refusal, Conflict conflict, String notice) {

	public boolean allowed(String action) {
		return this.actions.contains(action);
	}

	public boolean isNew() {
		return this.id == null;
	}

	public String problem(String field) {
		return this.problems.get(field);
	}

	/** @param text the editor's note; {@code at} formatted */
	public record ReturnNote(String text, String by, String at) {
	}

	/** A section to choose: its path (what is stored) and its name (children after their parent). */
	public record SectionOption(String path, String label) {
	}

	/** A live preview link: the site's page for it, until it expires or is revoked. */
	public record PreviewLink(String id, String url, String expiresAt) {
	}

	/** @param theirRevision the revision saved in between; {@code rows} from the person's base to it */
	public record Conflict(long base, long theirRevision, String savedBy, List<DiffRow> rows) {
	}

	/** One line of a side-by-side diff: {@code kind} equal, changed, removed or added. */
	public record DiffRow(String label, String left, String right, String kind) {
	}

}
