package news.platform.media.cleanup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.stereotype.Component;

import news.platform.autoconfigure.feed.publish.Leases;
import news.platform.media.MediaMetrics;
import news.platform.media.MediaProperties;
import news.platform.media.item.MediaChangeListener;
import news.platform.media.item.MediaItem;
import news.platform.media.item.MediaItems;
import news.platform.media.original.Originals;
import news.platform.media.rendition.Rendering;
import news.platform.media.usage.Usages;

/**
 * Deletes pictures nobody uses, with their originals and renditions, in batches, on one replica
 * at a time (the lease {@code media-cleanup}):
 * <ol>
 * <li>items stored before usage was counted on them get their count from the usage store;</li>
 * <li>candidates: live items no article has named (drafts and scheduled stories included) for
 * {@code media.cleanup.unused-for}, checked once more against the usage store;</li>
 * <li>article-service is asked about the whole batch ({@link ArticleReferences}, through a circuit
 * breaker): anything it stores that names an item (an article in any state, a stored revision, a
 * pending agency update, an author profile) keeps it, and its unused time starts again. No answer
 * (down, slow, an error, the breaker open) or a 404 (no such endpoint yet) ends the run with
 * nothing deleted;</li>
 * <li>each item article-service did not name is deleted (a tombstone with {@code media.deleted},
 * only while its count is still 0), and its original and the original's renditions when no other
 * item shares them;</li>
 * <li>tombstones older than {@code tombstone-grace} whose event has left for the feed are purged,
 * reclaiming originals that manual deletes left behind.</li>
 * </ol>
 * The bytes of originals and renditions removed count in {@code media_cleanup_reclaimed_bytes_total}.
 */
@Component
public class MediaCleanup {

	private static final Logger log = LoggerFactory.getLogger(MediaCleanup.class);

	static final String LEASE = "media-cleanup";

	static final String BREAKER = "article-references";

	private final MediaItems items;

	private final Usages usages;

	private final Originals originals;

	private final Rendering rendering;

	private final ArticleReferences references;

	private final CircuitBreakerFactory<?, ?> breakers;

	private final Leases leases;

	private final MediaMetrics metrics;

	private final MediaProperties.Cleanup settings;

	private final List<MediaChangeListener> listeners;

	private final String holder = UUID.randomUUID().toString();

	MediaCleanup(MediaItems items, Usages usages, Originals originals, Rendering rendering,
			ArticleReferences references, CircuitBreakerFactory<?, ?> breakers, Leases leases, MediaMetrics metrics,
			MediaProperties properties, List<MediaChangeListener> listeners) {
		this.items = items;
		this.usages = usages;
		this.originals = originals;
		this.rendering = rendering;
		this.references = references;
		this.breakers = breakers;
		this.leases = leases;
		this.metrics = metrics;
		this.settings = properties.cleanup();
		this.listeners = listeners;
	}

	/** What one run did. */
	public record Report(String outcome, List<String> deleted, List<String> kept, int purged, long reclaimedBytes) {
	}

	/**
	 * One run as of {@code now}; null when another replica holds the lease. Synchronized: two
	 * runs never overlap on this replica either.
	 */
	public synchronized Report run(Instant now) {
		if (!this.leases.tryAcquire(LEASE, this.holder, this.settings.timeout().multipliedBy(4).plusMinutes(10))) {
			return null;
		}
		List<String> deleted = new ArrayList<>();
		List<String> kept = new ArrayList<>();
		long[] bytes = { 0 };
		backfill(now);
		Instant cutoff = now.minus(this.settings.unusedFor());
		String outcome = "completed";
		for (int batch = 0; batch < this.settings.maxBatches(); batch++) {
			List<MediaItem> candidates = candidates(cutoff, now);
			if (candidates.isEmpty()) {
				break;
			}
			List<String> ids = candidates.stream().map(MediaItem::id).toList();
			ArticleReferences.Answer answer = ask(ids);
			if (answer instanceof ArticleReferences.EndpointMissing missing) {
				log.warn("media clean-up skipped: article-service cannot say what names media ({}); nothing deleted",
						missing.detail());
				outcome = "endpoint-missing";
				break;
			}
			if (answer instanceof ArticleReferences.Unavailable unavailable) {
				log.warn("media clean-up skipped: article-service did not answer ({}); nothing deleted",
						unavailable.detail());
				outcome = "article-service-unavailable";
				break;
			}
			ArticleReferences.Answered answered = (ArticleReferences.Answered) answer;
			for (MediaItem item : candidates) {
				if (!answered.mayDelete(item.id())) {
					this.items.postpone(item.id(), now);
					this.metrics.cleanupItem("referenced");
					kept.add(item.id());
				}
				else if (this.items.deleteUnused(item.id(), now)) {
					this.listeners.forEach(listener -> listener.changed(item.id()));
					bytes[0] += reclaim(item.hash());
					this.metrics.cleanupItem("deleted");
					deleted.add(item.id());
				}
			}
			if (candidates.size() < this.settings.batchSize()) {
				break;
			}
		}
		int purged = purgeTombstones(now, bytes);
		this.metrics.reclaimed(bytes[0]);
		this.metrics.cleanupRun(outcome);
		if (!deleted.isEmpty() || purged > 0) {
			log.info("media clean-up: {} items deleted, {} kept (named in article-service), {} tombstones purged, "
					+ "{} bytes reclaimed", deleted.size(), kept.size(), purged, bytes[0]);
		}
		return new Report(outcome, deleted, kept, purged, bytes[0]);
	}

	/** Items unused since before {@code cutoff} whose count the usage store confirms. */
	private List<MediaItem> candidates(Instant cutoff, Instant now) {
		List<MediaItem> candidates = new ArrayList<>();
		for (MediaItem item : this.items.unusedSince(cutoff, this.settings.batchSize())) {
			Usages.Count count = this.usages.count(item.id());
			if (count.articles() == 0) {
				candidates.add(item);
			}
			else {
				// the item missed a count change (a crash between the two writes): record it now
				this.items.usageChanged(item.id(), count.articles(), count.revision(), now);
			}
		}
		return candidates;
	}

	private ArticleReferences.Answer ask(List<String> ids) {
		return this.breakers.create(BREAKER)
			.run(() -> this.references.ask(ids), failure -> new ArticleReferences.Unavailable(failure.toString()));
	}

	/** Items stored before usage was counted on them: their count, once, from the usage store. */
	private void backfill(Instant now) {
		int limit = this.settings.batchSize() * this.settings.maxBatches();
		for (String id : this.items.withoutUsageRecord(limit)) {
			Usages.Count count = this.usages.count(id);
			this.items.recordUsageOnce(id, count.articles(), count.revision(), now);
		}
	}

	private int purgeTombstones(Instant now, long[] bytes) {
		int purged = 0;
		Instant cutoff = now.minus(this.settings.tombstoneGrace());
		for (MediaItems.Tombstone tombstone : this.items.tombstonesBefore(cutoff,
				this.settings.batchSize() * this.settings.maxBatches())) {
			bytes[0] += reclaim(tombstone.hash());
			if (this.items.purge(tombstone.id())) {
				purged++;
				this.metrics.cleanupItem("purged");
			}
		}
		return purged;
	}

	/**
	 * The original {@code hash} and its renditions, when no live item uses it any more; the bytes
	 * they held. The original is first detached (no new upload finds it), then checked again: an
	 * upload of the same bytes that raced the check keeps it.
	 */
	private long reclaim(String hash) {
		if (hash == null || this.items.originalInUse(hash)) {
			return 0;
		}
		Originals.Original original = this.originals.detach(hash);
		if (original != null && this.items.originalInUse(hash) && this.originals.restore(original)) {
			return 0;
		}
		long bytes = this.rendering.deleteRenditionsOf(hash);
		if (original != null) {
			this.originals.deleteFile(original);
			bytes += original.length();
		}
		return bytes;
	}

}
