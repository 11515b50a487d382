package news.platform.comment.thread;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ForkJoinPool;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import news.platform.comment.CommentProperties;
import news.platform.comment.CommentSettings;

/**
 * Article threads held in memory (Caffeine, weighed by comment count). A thread is loaded from
 * MongoDB once (one query by article: on the embedded server a scan, so only on a miss, and never
 * for an article whose counter says it has no comments), kept current by applying this replica's
 * writes in place, and reloaded in the background after {@code refresh-after} to pick up other
 * replicas' writes: the reload happens only when the article's {@code changes} counter moved past
 * what this replica wrote itself, so an article only this replica writes to is never reloaded.
 * <p>
 * No local write is lost to a load running at the same time: every write is first journalled for
 * its article, then applied to the thread in memory if there is one; a load, once its thread is in
 * the cache, applies the journal entries made since it started (applying is idempotent: the newest
 * {@code rev} wins).
 */
@Component
class ThreadCache {

	private static final Logger log = LoggerFactory.getLogger(ThreadCache.class);

	private static final long JOURNAL_NANOS = Duration.ofMinutes(2).toNanos();

	private final Comments comments;

	private final CommentCounts counts;

	private final CommentSettings settings;

	private final Cache<String, ArticleThread> threads;

	private final Map<String, Queue<Journalled>> journal = new ConcurrentHashMap<>();

	private final Map<String, Boolean> refreshing = new ConcurrentHashMap<>();

	private record Journalled(long at, Comment comment, long change) {
	}

	ThreadCache(Comments comments, CommentCounts counts, CommentSettings settings, MeterRegistry meters) {
		this.comments = comments;
		this.counts = counts;
		this.settings = settings;
		this.threads = Caffeine.newBuilder()
			.maximumWeight(settings.current().thread().cacheMaxComments())
			.weigher((String id, ArticleThread thread) -> Math.max(1, thread.size()))
			.recordStats()
			.build();
		// a miss loads a whole thread from MongoDB: the ratio operators watch for comments
		CaffeineCacheMetrics.monitor(meters, this.threads, "comment-threads");
		// a refreshed bound applies at once: Caffeine evicts down to it
		settings.onChange(changed -> this.threads.policy()
			.eviction()
			.ifPresent(eviction -> eviction.setMaximum(changed.thread().cacheMaxComments())));
	}

	ArticleThread get(String articleId) {
		ArticleThread thread = this.threads.getIfPresent(articleId);
		if (thread == null) {
			long started = System.nanoTime();
			thread = this.threads.get(articleId, this::fresh);
			replayJournal(thread, started);
		}
		else if (System.nanoTime() - thread.checkedAt >= this.settings.current().thread().refreshAfter().toNanos()
				&& this.refreshing.putIfAbsent(articleId, Boolean.TRUE) == null) {
			ArticleThread stale = thread;
			ForkJoinPool.commonPool().execute(() -> refresh(articleId, stale));
		}
		return thread;
	}

	/** Reloads only when another replica wrote since (one key lookup decides). */
	private void refresh(String articleId, ArticleThread stale) {
		try {
			long started = System.nanoTime();
			if (this.counts.stored(articleId).changes() == stale.seenChanges()) {
				stale.checkedAt = started;
				return;
			}
			ArticleThread reloaded = fresh(articleId);
			if (this.threads.asMap().replace(articleId, stale, reloaded)) {
				replayJournal(reloaded, started);
			}
		}
		catch (RuntimeException ex) {
			log.warn("refreshing the thread of {} failed; keeping the one in memory: {}", articleId, ex.toString());
		}
		finally {
			this.refreshing.remove(articleId);
		}
	}

	private ArticleThread fresh(String articleId) {
		CommentCounts.Counts before = this.counts.stored(articleId);
		if (before.stored() == 0) {
			return new ArticleThread(articleId, before.changes(), List.of());
		}
		return new ArticleThread(articleId, before.changes(), this.comments.ofArticle(articleId));
	}

	private void replayJournal(ArticleThread thread, long since) {
		Queue<Journalled> entries = this.journal.get(thread.articleId);
		if (entries != null) {
			for (Journalled entry : entries) {
				if (entry.at() - since >= 0) {
					thread.apply(entry.comment());
					thread.noteLocalChange(entry.change());
				}
			}
		}
	}

	/** Journals a stored change and applies it to the thread in memory, if there is one. */
	void apply(Comment comment, long change) {
		long now = System.nanoTime();
		Queue<Journalled> entries = this.journal.computeIfAbsent(comment.articleId(),
				id -> new ConcurrentLinkedQueue<>());
		entries.add(new Journalled(now, comment, change));
		Journalled head;
		while ((head = entries.peek()) != null && now - head.at() > JOURNAL_NANOS) {
			entries.poll();
		}
		ArticleThread thread = this.threads.getIfPresent(comment.articleId());
		if (thread != null) {
			thread.apply(comment);
			thread.noteLocalChange(change);
		}
	}

	void invalidateAll() {
		this.threads.invalidateAll();
	}

}
