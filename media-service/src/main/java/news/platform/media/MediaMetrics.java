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
 * {@code media_upload_bytes_total}, {@code media_renditions_seconds{format}} (histogram).
 */
@Component
public class MediaMetrics {

	/** Outcomes of an upload, as the {@code outcome} tag. */
	public static final List<String> UPLOAD_OUTCOMES = List.of("stored", "deduplicated", "too-large",
			"too-many-pixels", "unsupported-type", "empty", "corrupt", "busy");

	public static final List<String> FORMATS = List.of("jpeg", "png", "webp");

	private final MeterRegistry registry;

	private final Counter uploadBytes;

	public MediaMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.uploadBytes = Counter.builder("media.upload.bytes")
			.baseUnit("bytes")
			.description("bytes of accepted uploads")
			.register(registry);
		UPLOAD_OUTCOMES.forEach(this::uploadCounter);
		FORMATS.forEach(this::renditionTimer);
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
