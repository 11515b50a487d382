package news.platform.media;

import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The service's own metrics, registered at startup with every known tag value so they are on
 * /actuator/prometheus before any traffic: {@code media_uploads_total{outcome}},
 * {@code media_upload_bytes_total}, {@code media_renditions_seconds{format}} (histogram), and the
 * clean-up job's {@code media_cleanup_reclaimed_bytes_total}, {@code media_cleanup_items_total{outcome}},
 * {@code media_cleanup_runs_total{outcome}}.
 */
@Component
public class MediaMetrics {

	/** Outcomes of an upload, as the {@code outcome} tag. */
	public static final List<String> UPLOAD_OUTCOMES = List.of("stored", "deduplicated", "too-large",
			"too-many-pixels", "unsupported-type", "empty", "corrupt", "busy");

	public static final List<String> FORMATS = List.of("jpeg", "png", "webp");

	/** What the clean-up job did with an item, as the {@code outcome} tag. */
	public static final List<String> CLEANUP_ITEM_OUTCOMES = List.of("deleted", "referenced", "purged");

	/** How a clean-up run ended, as the {@code outcome} tag. */
	public static final List<String> CLEANUP_RUN_OUTCOMES = List.of("completed", "article-service-unavailable",
			"endpoint-missing");

	private final MeterRegistry registry;

	private final Counter uploadBytes;

	private final Counter reclaimedBytes;

	public MediaMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.uploadBytes = Counter.builder("media.upload.bytes")
			.baseUnit("bytes")
			.description("bytes of accepted uploads")
			.register(registry);
		UPLOAD_OUTCOMES.forEach(this::uploadCounter);
		FORMATS.forEach(this::renditionTimer);
		this.reclaimedBytes = Counter.builder("media.cleanup.reclaimed")
			.baseUnit("bytes")
			.description("bytes of originals and renditions the clean-up job deleted")
			.register(registry);
		CLEANUP_ITEM_OUTCOMES.forEach(this::cleanupItems);
		CLEANUP_RUN_OUTCOMES.forEach(this::cleanupRuns);
	}

	/** The clean-up job deleted {@code bytes} of originals and renditions. */
	public void reclaimed(long bytes) {
		if (bytes > 0) {
			this.reclaimedBytes.increment(bytes);
		}
	}

	public void cleanupItem(String outcome) {
		cleanupItems(outcome).increment();
	}

	public void cleanupRun(String outcome) {
		cleanupRuns(outcome).increment();
	}

	private Counter cleanupItems(String outcome) {
		return Counter.builder("media.cleanup.items")
			.tag("outcome", outcome)
			.description("items the clean-up job deleted, kept because article-service names them, or purged as tombstones")
			.register(this.registry);
	}

	private Counter cleanupRuns(String outcome) {
		return Counter.builder("media.cleanup.runs")
			.tag("outcome", outcome)
			.description("clean-up runs by how they ended; a run that cannot ask article-service deletes nothing")
			.register(this.registry);
	}

	/** For caches and other meters the service binds beside its own. */
	public MeterRegistry registry() {
		return this.registry;
	}

	public void upload(String outcome, long bytes) {
		uploadCounter(outcome).increment();
		if (bytes > 0) {
			this.uploadBytes.increment(bytes);
		}
	}

	public void rendition(String format, Duration took) {
		renditionTimer(format).record(took);
	}

	private Counter uploadCounter(String outcome) {
		return Counter.builder("media.uploads")
			.tag("outcome", outcome)
			.description("uploads by outcome")
			.register(this.registry);
	}

	private Timer renditionTimer(String format) {
		return Timer.builder("media.renditions")
			.tag("format", format)
			.description("time to make a rendition the first time (decode, resize, encode)")
			.publishPercentileHistogram()
			.register(this.registry);
	}

}
