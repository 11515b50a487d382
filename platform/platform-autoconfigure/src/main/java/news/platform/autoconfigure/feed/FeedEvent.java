package news.platform.autoconfigure.feed;

import java.time.Instant;

/**
 * One event of a service's feed, as consumers read it: the envelope every feed shares
 * ({@code seq}, {@code type}, {@code schemaVersion}, {@code occurredAt}, the subject's id under the
 * feed's own name, such as {@code articleId}) and the {@code data} the producer chose to carry.
 * {@code schemaVersion} lets consumers deployed at another pace tell shapes apart; fields are only
 * ever added, and consumers ignore types they do not know.
 */
public record FeedEvent(long seq, String type, int schemaVersion, Instant occurredAt, String subjectId,
		FeedData data) {

}
