package news.platform.desk.moderation;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/** One line of comment-service's audit log as the page shows it. */
public record AuditEntry(Instant at, String actor, String action, String commentId, String userId, String reason,
		String from, String to, String changes) {

	static AuditEntry of(JsonNode entry) {
		JsonNode changes = entry.path("changes");
		return new AuditEntry(QueueItem.instant(entry.path("at")), entry.path("actor").asString(""),
				entry.path("action").asString(""), entry.path("commentId").asString(null),
				entry.path("userId").asString(null), entry.path("reason").asString(null),
				entry.path("from").asString(null), entry.path("to").asString(null),
				changes.isMissingNode() || changes.isNull() ? null : changes.toString());
	}

}
