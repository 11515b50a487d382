package news.platform.article.agency;

import java.time.Instant;

/**
 * A newer agency version of a published story, kept until an editor applies or discards it.
 *
 * @param item the item as received (checked against the schema already), read again when applied
 * @param version its {@code version}, or {@code null}
 * @param versionCreated its {@code versioncreated}, or {@code null}
 * @param pubstatus its {@code pubstatus}, or {@code null}
 * @param headline its headline, for the editor's list
 * @param receivedAt when it came
 * @param receivedBy who imported it
 */
record PendingUpdate(String item, String version, Instant versionCreated, String pubstatus, String headline, Instant receivedAt,
		String receivedBy) {
}
