package news.platform.comment.thread;

/**
 * Where a comment stands. Only VISIBLE comments are shown with their text; DELETED, REPORTED and
 * REJECTED comments that have visible replies are shown as placeholders so the thread keeps its
 * shape; PENDING comments are shown to nobody but their author and moderators.
 */
public enum CommentStatus {

	/** waiting in the moderation queue (pre-moderation or a rule held it) */
	PENDING,
	/** shown to readers */
	VISIBLE,
	/** hidden after enough reader reports, waiting for review */
	REPORTED,
	/** refused by a moderator or a rule */
	REJECTED,
	/** deleted by its author (or a moderator): a tombstone */
	DELETED

}
