package news.platform.comment.thread;

import java.util.Comparator;

/** A sort position in a thread order: two numbers, then the id to break ties. */
record ThreadKey(long first, long second, String id) implements Comparable<ThreadKey> {

	private static final Comparator<ThreadKey> ORDER = Comparator.comparingLong(ThreadKey::first)
		.thenComparingLong(ThreadKey::second)
		.thenComparing(ThreadKey::id);

	static ThreadKey oldest(Comment comment) {
		return new ThreadKey(comment.createdAt().toEpochMilli(), 0, comment.id());
	}

	static ThreadKey newest(Comment comment) {
		return new ThreadKey(-comment.createdAt().toEpochMilli(), 0, comment.id());
	}

	static ThreadKey mostReacted(Comment comment) {
		return new ThreadKey(-comment.reactionCount(), -comment.createdAt().toEpochMilli(), comment.id());
	}

	@Override
	public int compareTo(ThreadKey other) {
		return ORDER.compare(this, other);
	}

}
