package news.platform.comment.thread;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * One article's thread in memory: every comment by id, the top-level comments in the three reader
 * orders and each comment's replies oldest first, as sorted sets. A page is a walk from the
 * cursor's key ({@code tailSet}, O(log n)), so page 200 costs what page 1 costs. Writes apply the
 * stored document (the newest {@code rev} wins); reads do not lock.
 */
final class ArticleThread {

	final String articleId;

	/** when the thread was last known to match the database (loaded, or checked unchanged) */
	volatile long checkedAt = System.nanoTime();

	/**
	 * The article's {@code changes} number this thread is known to include: read before the load,
	 * then moved on by this replica's own writes while they follow each other without a gap. A
	 * stored number above it means another replica wrote.
	 */
	private long seenChanges;

	private final java.util.NavigableSet<Long> localChanges = new ConcurrentSkipListSet<>();

	private final Map<String, Comment> byId = new ConcurrentHashMap<>();

	private final NavigableSet<ThreadKey> newest = new ConcurrentSkipListSet<>();

	private final NavigableSet<ThreadKey> oldest = new ConcurrentSkipListSet<>();

	private final NavigableSet<ThreadKey> mostReacted = new ConcurrentSkipListSet<>();

	private final Map<String, NavigableSet<ThreadKey>> replies = new ConcurrentHashMap<>();

	ArticleThread(String articleId, long seenChanges, Collection<Comment> comments) {
		this.articleId = articleId;
		this.seenChanges = seenChanges;
		comments.forEach(this::apply);
	}

	synchronized void noteLocalChange(long change) {
		if (change <= this.seenChanges) {
			return;
		}
		this.localChanges.add(change);
		while (this.localChanges.remove(this.seenChanges + 1)) {
			this.seenChanges++;
		}
	}

	synchronized long seenChanges() {
		return this.seenChanges;
	}

	int size() {
		return this.byId.size();
	}

	synchronized void apply(Comment comment) {
		Comment previous = this.byId.get(comment.id());
		if (previous != null && previous.rev() > comment.rev()) {
			return;
		}
		if (previous != null) {
			unindex(previous);
		}
		this.byId.put(comment.id(), comment);
		index(comment);
	}

	private void index(Comment comment) {
		if (comment.status() == CommentStatus.PENDING) {
			return;
		}
		if (comment.parentId() == null) {
			this.newest.add(ThreadKey.newest(comment));
			this.oldest.add(ThreadKey.oldest(comment));
			this.mostReacted.add(ThreadKey.mostReacted(comment));
		}
		else {
			this.replies.computeIfAbsent(comment.parentId(), id -> new ConcurrentSkipListSet<>())
				.add(ThreadKey.oldest(comment));
		}
	}

	private void unindex(Comment comment) {
		if (comment.parentId() == null) {
			this.newest.remove(ThreadKey.newest(comment));
			this.oldest.remove(ThreadKey.oldest(comment));
			this.mostReacted.remove(ThreadKey.mostReacted(comment));
		}
		else {
			NavigableSet<ThreadKey> siblings = this.replies.get(comment.parentId());
			if (siblings != null) {
				siblings.remove(ThreadKey.oldest(comment));
			}
		}
	}

	Comment get(String id) {
		return this.byId.get(id);
	}

	record Page(List<CommentView> items, ThreadKey last, boolean more) {
	}

	Page topLevel(String order, ThreadKey after, int limit, int maxDepth, int repliesPerLevel) {
		NavigableSet<ThreadKey> keys = switch (order) {
			case "oldest" -> this.oldest;
			case "reactions" -> this.mostReacted;
			default -> this.newest;
		};
		return walk(after == null ? keys : keys.tailSet(after, false), limit, 0, maxDepth, repliesPerLevel);
	}

	Page repliesOf(String parentId, ThreadKey after, int limit, int depth, int maxDepth, int repliesPerLevel) {
		NavigableSet<ThreadKey> keys = this.replies.get(parentId);
		if (keys == null) {
			return new Page(List.of(), null, false);
		}
		return walk(after == null ? keys : keys.tailSet(after, false), limit, depth, maxDepth, repliesPerLevel);
	}

	private Page walk(NavigableSet<ThreadKey> keys, int limit, int depth, int maxDepth, int repliesPerLevel) {
		List<CommentView> items = new ArrayList<>(Math.min(limit, 64));
		ThreadKey last = null;
		Iterator<ThreadKey> iterator = keys.iterator();
		while (iterator.hasNext()) {
			ThreadKey key = iterator.next();
			Comment comment = this.byId.get(key.id());
			if (comment == null || !shown(comment)) {
				continue;
			}
			if (items.size() == limit) {
				return new Page(items, last, true);
			}
			items.add(render(comment, depth, maxDepth, repliesPerLevel));
			last = key;
		}
		return new Page(items, last, false);
	}

	CommentView render(Comment comment, int depth, int maxDepth, int repliesPerLevel) {
		List<CommentView> nested = null;
		String more = null;
		if (depth < maxDepth) {
			Page page = repliesOf(comment.id(), null, repliesPerLevel, depth + 1, maxDepth, repliesPerLevel);
			nested = page.items();
			if (page.more()) {
				more = new Cursor("replies", page.last()).encode();
			}
		}
		return CommentView.reader(comment, shownReplies(comment.id()), nested, more);
	}

	/** Visible comments, and placeholders for hidden ones that still have something to show below them. */
	boolean shown(Comment comment) {
		return switch (comment.status()) {
			case VISIBLE -> true;
			case PENDING -> false;
			default -> hasShownReply(comment.id());
		};
	}

	private boolean hasShownReply(String id) {
		NavigableSet<ThreadKey> keys = this.replies.get(id);
		if (keys == null) {
			return false;
		}
		for (ThreadKey key : keys) {
			Comment reply = this.byId.get(key.id());
			if (reply != null && shown(reply)) {
				return true;
			}
		}
		return false;
	}

	private int shownReplies(String id) {
		NavigableSet<ThreadKey> keys = this.replies.get(id);
		if (keys == null) {
			return 0;
		}
		int count = 0;
		for (ThreadKey key : keys) {
			Comment reply = this.byId.get(key.id());
			if (reply != null && shown(reply)) {
				count++;
			}
		}
		return count;
	}

}
