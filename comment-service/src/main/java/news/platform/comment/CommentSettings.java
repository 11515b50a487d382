package news.platform.comment;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The service's settings as they are now. {@link CommentProperties} is a record, bound once at
 * start-up, and Spring Cloud's rebinder cannot change a record; this holder binds
 * {@code comment.*} again with {@link Binder} on every {@link EnvironmentChangeEvent} (what
 * {@code POST /actuator/refresh} publishes after it reloads the configuration), checks the new
 * values and swaps them in at once, or keeps the previous ones and logs why. Code that applies a
 * setting at run time reads {@link #current()} each time, or registers with {@link #onChange} when
 * something must be rebuilt (a cache's bounds). Which settings a refresh changes, and which need a
 * restart, is listed in the module README.
 */
@Component
public class CommentSettings implements ApplicationListener<EnvironmentChangeEvent> {

	private static final Logger log = LoggerFactory.getLogger(CommentSettings.class);

	private final Environment environment;

	private final List<Consumer<CommentProperties>> listeners = new CopyOnWriteArrayList<>();

	private volatile CommentProperties current;

	CommentSettings(CommentProperties started, Environment environment) {
		this.environment = environment;
		check(started);
		this.current = started;
	}

	public CommentProperties current() {
		return this.current;
	}

	/** Called with the new settings after each refresh that bound them. */
	public void onChange(Consumer<CommentProperties> listener) {
		this.listeners.add(listener);
	}

	@Override
	public void onApplicationEvent(EnvironmentChangeEvent event) {
		CommentProperties bound;
		try {
			bound = Binder.get(this.environment).bindOrCreate("comment", CommentProperties.class);
			check(bound);
		}
		catch (RuntimeException ex) {
			log.error("comment.* not applied after the configuration refresh; the previous settings stay: {}",
					ex.getMessage());
			return;
		}
		if (bound.equals(this.current)) {
			return;
		}
		this.current = bound;
		log.info("comment.* settings re-bound after a configuration refresh");
		for (Consumer<CommentProperties> listener : this.listeners) {
			listener.accept(bound);
		}
	}

	/** What no request could work with: refused at start-up and on refresh alike. */
	static void check(CommentProperties settings) {
		CommentProperties.Text text = settings.text();
		require(text.minLength() >= 1 && text.maxLength() >= text.minLength(),
				"comment.text: 1 <= min-length <= max-length");
		require(text.maxLines() >= 1, "comment.text.max-lines >= 1");
		CommentProperties.Thread thread = settings.thread();
		require(thread.pageSize() >= 1 && thread.maxPageSize() >= thread.pageSize(),
				"comment.thread: 1 <= page-size <= max-page-size");
		require(thread.maxDepth() >= 0 && thread.repliesPerLevel() >= 0,
				"comment.thread: max-depth and replies-per-level >= 0");
		require(thread.cacheMaxComments() >= 1, "comment.thread.cache-max-comments >= 1");
		require(positive(thread.refreshAfter()), "comment.thread.refresh-after > 0");
		require(positive(settings.editWindow()), "comment.edit-window > 0");
		CommentProperties.RateLimit rate = settings.rateLimit();
		require(rate.capacity() >= 1 && rate.refill() >= 1 && positive(rate.period()),
				"comment.rate-limit: capacity and refill >= 1, period > 0");
		require(!settings.reactionTypes().isEmpty(), "comment.reaction-types: at least one");
		require(settings.hideAfterReports() >= 1, "comment.hide-after-reports >= 1");
		require(settings.counts().maxArticles() >= 1 && positive(settings.counts().cacheTtl())
				&& settings.counts().cacheMaxArticles() >= 1, "comment.counts: max-articles >= 1, cache-ttl > 0");
		require(positive(settings.streamTimeout()), "comment.stream-timeout > 0");
		require(settings.moderation().maxLinks() >= 0 && positive(settings.moderation().repeatWindow()),
				"comment.moderation: max-links >= 0, repeat-window > 0");
		require(settings.articleState().cacheMaxArticles() >= 1, "comment.article-state.cache-max-articles >= 1");
	}

	private static boolean positive(Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
	}

	private static void require(boolean condition, String rule) {
		if (!condition) {
			throw new IllegalStateException("invalid setting: " + rule);
		}
	}

}
