package news.platform.desk.work;

import java.util.List;

/** A work list on the dashboard: its first stories, and whether there are more. */
public record Shelf(String key, List<Story> stories, boolean more) {
}
