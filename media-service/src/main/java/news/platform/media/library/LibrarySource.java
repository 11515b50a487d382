package news.platform.media.library;

import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import news.platform.media.item.MediaItem;
import news.platform.media.item.MediaItems;
import news.platform.media.usage.Usages;

/**
 * The photo library's documents as MongoDB holds them now: an item with the number of articles
 * that name it (recorded on the item; for items stored before that, counted from the usage store).
 */
@Component
class LibrarySource {

	private final MediaItems items;

	private final Usages usages;

	LibrarySource(MediaItems items, Usages usages) {
		this.items = items;
		this.usages = usages;
	}

	/** Two key lookups at most; empty when the item is gone. */
	Optional<LibraryDocument> document(String id) {
		MediaItem item = this.items.find(id);
		return item == null ? Optional.empty() : Optional.of(of(item));
	}

	/** Batch work: every live item. */
	void forEach(Consumer<LibraryDocument> action) {
		this.items.forEach(item -> action.accept(of(item)));
	}

	private LibraryDocument of(MediaItem item) {
		int usage = item.usageCount() != null ? item.usageCount() : this.usages.count(item.id()).articles();
		return LibraryDocument.of(item, usage);
	}

}
