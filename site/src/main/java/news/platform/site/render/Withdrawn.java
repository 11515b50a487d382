package news.platform.site.render;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stories this replica has seen unpublished or deleted on the article feed (since it started), by
 * id and by the path they had. Their pages answer 410 Gone, lists leave them out, and no stale copy
 * of a page that shows one is ever served again, even while a service is down. A story published
 * again leaves the list. Issue 15's lookup by public path tells "gone" across restarts; until then a
 * restarted replica answers such a path 404.
 */
public final class Withdrawn {

	/** A withdrawn story: its last path and when the feed said so. */
	public record Story(String id, String path, Instant at) {
	}

	private final Map<String, Story> byId = new ConcurrentHashMap<>();

	private final Map<String, Story> byPath = new ConcurrentHashMap<>();

	public void add(String id, String path, Instant at) {
		Story story = new Story(id, path, at);
		Story previous = this.byId.put(id, story);
		if (previous != null && previous.path() != null) {
			this.byPath.remove(previous.path(), previous);
		}
		if (path != null) {
			this.byPath.put(path, story);
		}
	}

	public void remove(String id) {
		Story story = this.byId.remove(id);
		if (story != null && story.path() != null) {
			this.byPath.remove(story.path(), story);
		}
	}

	public boolean contains(String id) {
		return id != null && this.byId.containsKey(id);
	}

	public boolean containsAny(Collection<String> ids) {
		if (this.byId.isEmpty()) {
			return false;
		}
		for (String id : ids) {
			if (this.byId.containsKey(id)) {
				return true;
			}
		}
		return false;
	}

	public Optional<Story> atPath(String path) {
		return Optional.ofNullable(this.byPath.get(path));
	}

}
