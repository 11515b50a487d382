package news.platform.site.content;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import tools.jackson.databind.JsonNode;

/**
 * Pictures' metadata from media-service: for a page, in one call ({@code GET /api/v1/media?ids=},
 * being added to media-service) where the service has it; otherwise one {@code GET
 * /api/v1/media/{id}} per picture, in parallel. The batch is asked for again after a while, so a
 * media-service that gains it is used without a restart.
 */
public final class MediaApi {

	private static final int MAX_BATCH = 100;

	private final Upstream upstream;

	private final ExecutorService parallel;

	private final boolean batchEnabled;

	private final Duration batchRetry;

	private final Clock clock;

	private volatile Instant batchUnavailableUntil = Instant.MIN;

	MediaApi(Upstream upstream, ExecutorService parallel, boolean batchEnabled, Duration batchRetry, Clock clock) {
		this.upstream = upstream;
		this.parallel = parallel;
		this.batchEnabled = batchEnabled;
		this.batchRetry = batchRetry;
		this.clock = clock;
	}

	/** The pictures found, by id; unknown ids are left out. */
	public Map<String, Picture> pictures(Collection<String> ids) {
		LinkedHashSet<String> wanted = new LinkedHashSet<>();
		for (String id : ids) {
			if (id != null && id.matches("[A-Za-z0-9_-]{1,64}")) {
				wanted.add(id);
			}
		}
		if (wanted.isEmpty()) {
			return Map.of();
		}
		if (this.batchEnabled && this.clock.instant().isAfter(this.batchUnavailableUntil)) {
			Map<String, Picture> batch = batch(List.copyOf(wanted));
			if (batch != null) {
				return batch;
			}
		}
		return oneByOne(List.copyOf(wanted));
	}

	/** null when the service has no batch lookup (4xx). */
	private Map<String, Picture> batch(List<String> ids) {
		Map<String, Picture> found = new LinkedHashMap<>();
		for (int start = 0; start < ids.size(); start += MAX_BATCH) {
			List<String> part = ids.subList(start, Math.min(ids.size(), start + MAX_BATCH));
			Upstream.Reply reply = this.upstream.get(
					"/api/v1/media?ids=" + URLEncoder.encode(String.join(",", part), StandardCharsets.UTF_8));
			if (!reply.ok() || reply.body() == null || !(reply.body().isArray() || reply.body().has("items"))) {
				this.batchUnavailableUntil = this.clock.instant().plus(this.batchRetry);
				return null;
			}
			for (JsonNode item : Json.items(reply.body(), "items")) {
				Picture picture = Readers.picture(item);
				if (picture.id() != null) {
					found.put(picture.id(), picture);
				}
			}
		}
		return found;
	}

	private Map<String, Picture> oneByOne(List<String> ids) {
		Map<String, Future<Upstream.Reply>> calls = new LinkedHashMap<>();
		for (String id : ids) {
			Callable<Upstream.Reply> call = () -> this.upstream.get("/api/v1/media/" + id);
			calls.put(id, ids.size() == 1 ? null : this.parallel.submit(call));
		}
		Map<String, Picture> found = new LinkedHashMap<>();
		for (Map.Entry<String, Future<Upstream.Reply>> call : calls.entrySet()) {
			Upstream.Reply reply = call.getValue() == null ? this.upstream.get("/api/v1/media/" + call.getKey())
					: join(call.getValue());
			if (reply.ok() && reply.body() != null) {
				Picture picture = Readers.picture(reply.body());
				if (picture.id() != null) {
					found.put(picture.id(), picture);
				}
			}
		}
		return found;
	}

	static <T> T join(Future<T> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new UpstreamUnavailable("interrupted", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new UpstreamUnavailable(String.valueOf(ex.getCause()), ex.getCause());
		}
	}

}
