package news.platform.autoconfigure.feed.publish;

import java.util.List;

/**
 * A feed one service publishes, and where its parts live in the service's database.
 *
 * @param name the feed's name in its URL: {@code /internal/v1/<name>/events}
 * @param subjectField the envelope's name for the id of what changed ({@code articleId})
 * @param sourceCollections the collections whose documents stage events (each write's commit
 * point): the main one first ({@code articles}), then any other whose changes the same feed
 * announces ({@code sections}, {@code tags})
 * @param revisionField the source documents' numeric revision, moved on by every write
 * @param eventsCollection the feed itself: {@code _id} = seq
 * @param outboxCollection markers of source documents that may hold staged events
 * @param lease the name of the lease that lets one replica relay at a time
 */
public record PublishedFeed(String name, String subjectField, List<String> sourceCollections, String revisionField,
		String eventsCollection, String outboxCollection, String lease) {

	public PublishedFeed {
		if (sourceCollections == null || sourceCollections.isEmpty()) {
			throw new IllegalArgumentException("A feed needs at least one source collection");
		}
		sourceCollections = List.copyOf(sourceCollections);
	}

	/**
	 * The usual layout: events in {@code events}, markers in {@code outboxCollection}, lease
	 * {@code event-relay}, revision field {@code revision}.
	 */
	public static PublishedFeed of(String name, String subjectField, String sourceCollection, String outboxCollection) {
		return new PublishedFeed(name, subjectField, List.of(sourceCollection), "revision", "events", outboxCollection,
				"event-relay");
	}

	/** The same feed, also announcing changes staged in {@code collections}. */
	public PublishedFeed alsoFrom(String... collections) {
		List<String> sources = new java.util.ArrayList<>(this.sourceCollections);
		sources.addAll(List.of(collections));
		return new PublishedFeed(this.name, this.subjectField, sources, this.revisionField, this.eventsCollection,
				this.outboxCollection, this.lease);
	}

	/** The main source collection. */
	public String sourceCollection() {
		return this.sourceCollections.get(0);
	}

}
