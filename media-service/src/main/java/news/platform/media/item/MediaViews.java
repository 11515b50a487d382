package news.platform.media.item;

import org.springframework.stereotype.Component;

/** Items as clients see them, with their rendition URLs: the one way every endpoint answers an item. */
@Component
public class MediaViews {

	private final RenditionUrls renditions;

	MediaViews(RenditionUrls renditions) {
		this.renditions = renditions;
	}

	/** @param staff whether the caller also gets the editing fields */
	public MediaView of(MediaItem item, boolean staff) {
		return MediaView.of(item, this.renditions.presets(item), staff);
	}

}
