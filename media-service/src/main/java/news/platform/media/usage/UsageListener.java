package news.platform.media.usage;

import java.time.Instant;

/**
 * Told when the number of articles naming a media item changed. Owned here and implemented above
 * (the item store records the count on the item and announces it on media's own feed), so usage
 * never depends on items.
 */
public interface UsageListener {

	/**
	 * @param mediaId the item (which may not exist: articles can name any id)
	 * @param articles how many articles name it now, drafts and scheduled ones included
	 * @param usageRevision the usage document's revision after the change; counts only ever move
	 * to a higher one, so a slower replica cannot overwrite a newer count with an older one
	 * @param at when the change happened (the article event's time)
	 */
	void usageChanged(String mediaId, int articles, long usageRevision, Instant at);

}
