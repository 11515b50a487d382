package news.platform.desk.moderation;

import java.util.List;

/** One page of a queue: its state, its comments oldest first, and the next page's cursor (or null). */
public record Queue(String state, List<QueueItem> items, String next) {
}
