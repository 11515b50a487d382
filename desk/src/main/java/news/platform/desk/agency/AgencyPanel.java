package news.platform.desk.agency;

/**
 * A story's agency item as the editor shows it: where it came from, whether the agency withdrew it,
 * and its pending update (null when there is none), formatted.
 *
 * @param revision the story's revision the apply/discard buttons send as {@code If-Match}
 * @param mayDecide editors and admins apply or discard (article-service decides; this only hides
 * buttons it would refuse)
 */
public record AgencyPanel(String storyId, long revision, String uri, String version, boolean withdrawn,
		boolean flagged, PendingUpdate pending, boolean mayDecide) {

	/** The agency's newer version of a published story, waiting for an editor. */
	public record PendingUpdate(String version, String headline, String receivedAt, String receivedBy) {
	}

}
