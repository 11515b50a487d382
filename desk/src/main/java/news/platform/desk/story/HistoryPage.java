package news.platform.desk.story;

import java.util.List;

/**
 * A story's revisions, newest first, and a side-by-side diff of two of them when asked
 * ({@code ?od=&do=}).
 *
 * @param revision the current revision, sent as {@code If-Match} by a restore
 * @param problem a diff that could not be made (a revision no longer stored), in words
 */
public record HistoryPage(String id, String headline, long revision, List<Entry> entries, Long from, Long to,
		List<EditorPage.DiffRow> rows, boolean canRestore, String problem) {

	/** One revision: {@code action} names a bundle text ({@code action.autosave}, ...). */
	public record Entry(long revision, String savedAt, String savedBy, String action, String note, String headline) {
	}

}
