package news.platform.media.item;

/** Told after an item changed or was deleted on this replica (caches drop their copy). */
public interface MediaChangeListener {

	void changed(String mediaId);

}
