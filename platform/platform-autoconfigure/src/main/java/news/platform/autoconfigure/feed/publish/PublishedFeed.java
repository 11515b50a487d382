package news.platform.autoconfigure.feed.publish;

/**
 * A feed one service publishes, and where its parts live in the service's database.
 *
 * @param name the feed's name in its URL: {@code /internal/v1/<name>/events}
 * @param subjectField the envelope's name for the id of what changed ({@code articleId})
 * @param sourceCollection the collection whose documents stage the events (the commit point)
 * @param revisionField the source documents' numeric revision, moved on by every write
 * @param eventsCollection the feed itself: {@code _id} = seq
 * @param outboxCollection markers of source documents that may hold staged events
 * @param lease the name of the lease that lets one replica relay at a time
 */
public record PublishedFeed(String name, String subjectField, String sourceCollection, String revisionField,
		String eventsCollection, String outboxCollection, String lease) {

	/**
	 * The usual layout: events in {@code events}, markers in {@code <source>_outbox} (with a
	 * singular noun for the source: {@code article_outbox}), lease {@code event-relay}.
	 */
	public static PublishedFeed of(String name, String subjectField, String sourceCollection, String outboxCollection) {
		return new PublishedFeed(name, subjectField, sourceCollection, "revision", "events", outboxCollection,
				"event-relay");
	}

}
