package news.platform.media.item;

import java.util.Map;

/**
 * The rendition URLs an item's view carries (preset name → URL with the current focal point).
 * Owned here and implemented by the rendition package, which depends on items; items never depend
 * on renditions.
 */
public interface RenditionUrls {

	Map<String, String> presets(MediaItem item);

}
