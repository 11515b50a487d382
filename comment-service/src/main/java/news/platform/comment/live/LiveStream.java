package news.platform.comment.live;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import news.platform.comment.CommentProperties;
import news.platform.comment.CommentSettings;

/**
 * Subscribers of each article's live stream on this replica, and the newly visible comments sent
 * to them as Server-Sent Events ({@code event: comment}, {@code id:} the comment id). A heartbeat
 * comment line every 15 s keeps proxies from closing idle streams.
 */
@Component
public class LiveStream implements SmartLifecycle {

	private final Map<String, List<SseEmitter>> subscribers = new ConcurrentHashMap<>();

	private final CommentSettings settings;

	private final TaskScheduler scheduler;

	private volatile ScheduledFuture<?> heartbeat;

	LiveStream(CommentSettings settings, TaskScheduler scheduler) {
		this.settings = settings;
		this.scheduler = scheduler;
	}

	SseEmitter subscribe(String articleId) throws IOException {
		// a refreshed timeout applies to streams opened from then on
		SseEmitter emitter = new SseEmitter(this.settings.current().streamTimeout().toMillis());
		List<SseEmitter> list = this.subscribers.computeIfAbsent(articleId, id -> new CopyOnWriteArrayList<>());
		list.add(emitter);
		Runnable remove = () -> list.remove(emitter);
		emitter.onCompletion(remove);
		emitter.onTimeout(remove);
		emitter.onError(error -> remove.run());
		emitter.send(SseEmitter.event().comment("subscribed to " + articleId));
		return emitter;
	}

	/** Sends a comment that just became visible to the article's subscribers. */
	public void publish(String articleId, String commentId, Object view) {
		List<SseEmitter> list = this.subscribers.get(articleId);
		if (list == null || list.isEmpty()) {
			return;
		}
		for (SseEmitter emitter : list) {
			try {
				emitter.send(SseEmitter.event().name("comment").id(commentId).data(view, MediaType.APPLICATION_JSON));
			}
			catch (IOException | IllegalStateException ex) {
				list.remove(emitter);
				emitter.completeWithError(ex);
			}
		}
	}

	public int subscribers(String articleId) {
		List<SseEmitter> list = this.subscribers.get(articleId);
		return list == null ? 0 : list.size();
	}

	private void beat() {
		this.subscribers.values().forEach(list -> list.forEach(emitter -> {
			try {
				emitter.send(SseEmitter.event().comment("keep-alive"));
			}
			catch (IOException | IllegalStateException ex) {
				list.remove(emitter);
			}
		}));
	}

	@Override
	public void start() {
		this.heartbeat = this.scheduler.scheduleWithFixedDelay(this::beat, Duration.ofSeconds(15));
	}

	@Override
	public void stop() {
		ScheduledFuture<?> running = this.heartbeat;
		if (running != null) {
			running.cancel(false);
		}
		this.heartbeat = null;
		this.subscribers.values().forEach(list -> list.forEach(SseEmitter::complete));
		this.subscribers.clear();
	}

	@Override
	public boolean isRunning() {
		return this.heartbeat != null;
	}

}
