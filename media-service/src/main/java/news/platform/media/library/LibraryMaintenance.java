package news.platform.media.library;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import news.platform.media.MediaProperties;
import news.platform.media.item.MediaChangeListener;
import news.platform.media.item.MediaEvents;

/**
 * Keeps this replica's photo library index in step with MongoDB: fills it when the replica starts
 * with an empty index (a new pod, a wiped folder, a schema change), applies each event of media's
 * own feed whichever replica took the write, and applies this replica's own writes at once (so the
 * uploader finds the picture in the next request; the feed's event then changes nothing). Each
 * of these also drops the item from {@link LibraryItems}, the cache the pages are shown from.
 *
 * <p>While the first fill runs, searches answer 503 with {@code Retry-After} (an empty or half
 * index would answer wrongly); {@code ids=} lookups and everything else keep working.
 */
@Component
class LibraryMaintenance implements MediaChangeListener {

	private static final Logger log = LoggerFactory.getLogger(LibraryMaintenance.class);

	private final LibraryIndex index;

	private final LibrarySource source;

	private final LibraryItems items;

	private final MediaProperties.Library properties;

	private volatile boolean building;

	LibraryMaintenance(LibraryIndex index, LibrarySource source, LibraryItems items, MediaProperties properties) {
		this.index = index;
		this.source = source;
		this.items = items;
		this.properties = properties.library();
	}

	@EventListener(ApplicationReadyEvent.class)
	void rebuildIfEmpty() {
		if (!this.properties.rebuildWhenEmpty() || this.index.count() > 0) {
			return;
		}
		this.building = true;
		Thread rebuild = new Thread(() -> {
			try {
				long started = System.nanoTime();
				long count = rebuild();
				log.info("photo library index built from MongoDB: {} items in {} ms", count,
						(System.nanoTime() - started) / 1_000_000);
			}
			catch (RuntimeException ex) {
				log.error("photo library index rebuild failed; the library answers from what the index holds", ex);
			}
			finally {
				this.building = false;
			}
		}, "library-index-rebuild");
		rebuild.setDaemon(true);
		rebuild.start();
	}

	/** Whether the first fill from MongoDB is still running. */
	boolean building() {
		return this.building;
	}

	/** Batch work: reads every item from MongoDB into a fresh index. */
	long rebuild() {
		return this.index.rebuild(this.source::forEach);
	}

	/**
	 * Brings one item up to date after an event: a deletion removes it, anything else reads what
	 * MongoDB holds now, so an event that arrives late or twice still leaves the right state.
	 */
	void apply(String eventType, String mediaId) {
		if (mediaId == null) {
			return;
		}
		this.items.drop(mediaId);
		if (MediaEvents.DELETED.equals(eventType)) {
			this.index.delete(mediaId);
			return;
		}
		refresh(mediaId);
	}

	@Override
	public void changed(String mediaId) {
		this.items.drop(mediaId);
		refresh(mediaId);
	}

	private void refresh(String mediaId) {
		Optional<LibraryDocument> current = this.source.document(mediaId);
		if (current.isPresent()) {
			this.index.upsert(current.get());
		}
		else {
			this.index.delete(mediaId);
		}
	}

}
