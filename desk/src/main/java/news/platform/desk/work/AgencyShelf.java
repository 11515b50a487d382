package news.platform.desk.work;

import java.util.List;

/**
 * An agency shelf on the dashboard ({@code pending-update} or {@code withdrawn}): its first stories,
 * whether there are more, and whether article-service could not give the list (then it is empty
 * with a quiet notice).
 */
public record AgencyShelf(String filter, List<Story> stories, boolean more, boolean unavailable) {
}
