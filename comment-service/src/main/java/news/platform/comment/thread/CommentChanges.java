package news.platform.comment.thread;

import java.util.List;

import org.springframework.stereotype.Component;

import news.platform.comment.live.LiveStream;

/**
 * What follows a committed change to a comment document, in the writing thread: the article's
 * counters move by the change in visibility, the thread in memory takes the new document, and a
 * comment that just became visible goes to the live stream's subscribers. All of it can be
 * re-derived from the comments if a crash cuts it short.
 */
@Component
public class CommentChanges {

	private final CommentCounts counts;

	private final ThreadCache threads;

	private final LiveStream live;

	CommentChanges(CommentCounts counts, ThreadCache threads, LiveStream live) {
		this.counts = counts;
		this.threads = threads;
		this.live = live;
	}

	void stored(Comment comment) {
		long change = this.counts.adjust(comment.articleId(), comment.visible() ? 1 : 0, 1);
		this.threads.apply(comment, change);
		if (comment.visible()) {
			publish(comment);
		}
	}

	public void changed(Comment before, Comment after) {
		long delta = (after.visible() ? 1 : 0) - (before.visible() ? 1 : 0);
		long change = this.counts.adjust(after.articleId(), delta, 0);
		this.threads.apply(after, change);
		if (!before.visible() && after.visible()) {
			publish(after);
		}
	}

	void reacted(Comment after) {
		this.threads.apply(after, this.counts.adjust(after.articleId(), 0, 0));
	}

	private void publish(Comment comment) {
		this.live.publish(comment.articleId(), comment.id(), CommentView.reader(comment, 0, List.of(), null));
	}

}
