package news.platform.media.usage;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import news.platform.media.MediaProperties;
import news.platform.starter.client.ServiceTokens;

/**
 * Follows article-service's event feed ({@code GET /internal/v1/articles/events?after=&limit=},
 * with a {@code service} token) and records which articles use which item. The cursor lives in
 * media's own database and is saved after each page; events are applied idempotently, so a crash
 * re-applies at most one page. Exports {@code feed_consumer_lag_seconds} (age of the oldest event
 * known but not applied; 0 when caught up) and {@code feed_consumer_events_total}.
 */
@Component
class ArticleFeedFollower {

	private static final Logger log = LoggerFactory.getLogger(ArticleFeedFollower.class);

	/** Pages read per tick at most, so one tick never runs for long. */
	private static final int MAX_PAGES_PER_TICK = 20;

	private final MediaProperties.Feed properties;

	private final String articleService;

	private final ObjectProvider<ServiceTokens> tokens;

	private final Usages usages;

	private final FeedCursor cursor;

	private final JsonMapper json;

	private final Clock clock;

	private final HttpClient client;

	private final Counter events;

	private final AtomicLong lagMillis = new AtomicLong();

	private volatile boolean warnedUnconfigured;

	ArticleFeedFollower(MediaProperties properties, @Value("${platform.upstreams.article-service:}") String articleService,
			@Value("${spring.application.name}") String applicationName, ObjectProvider<ServiceTokens> tokens,
			Usages usages, FeedCursor cursor, JsonMapper json, Clock clock, MeterRegistry registry) {
		this.properties = properties.feed();
		this.articleService = articleService.endsWith("/")
				? articleService.substring(0, articleService.length() - 1) : articleService;
		this.tokens = tokens;
		this.usages = usages;
		this.cursor = cursor;
		this.json = json;
		this.clock = clock;
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(this.properties.requestTimeout())
			.build();
		Gauge.builder("feed.consumer.lag", this.lagMillis, lag -> lag.get() / 1000.0)
			.baseUnit("seconds")
			.tag("consumer", applicationName)
			.description("age of the oldest article event not yet applied; 0 when caught up")
			.register(registry);
		this.events = Counter.builder("feed.consumer.events")
			.tag("consumer", applicationName)
			.description("article feed events applied")
			.register(registry);
	}

	@Scheduled(fixedDelayString = "${media.feed.interval:1s}", initialDelayString = "${media.feed.interval:1s}")
	void tick() {
		if (!this.properties.enabled()) {
			return;
		}
		ServiceTokens serviceTokens = this.tokens.getIfAvailable();
		if (this.articleService.isBlank() || serviceTokens == null) {
			if (!this.warnedUnconfigured) {
				log.warn("Not following the article feed: set platform.upstreams.article-service and a service-token source");
				this.warnedUnconfigured = true;
			}
			return;
		}
		try {
			for (int page = 0; page < MAX_PAGES_PER_TICK; page++) {
				if (!readPage(serviceTokens)) {
					return;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Article feed not reachable ({}); retrying in {}", ex.toString(), this.properties.interval());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** True when the page was full, so more may be waiting. */
	private boolean readPage(ServiceTokens serviceTokens) throws IOException, InterruptedException {
		long after = this.cursor.last();
		int limit = this.properties.batchSize();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.articleService + "/internal/v1/articles/events?after=" + after + "&limit=" + limit))
			.timeout(this.properties.requestTimeout())
			.header("Authorization", serviceTokens.authorization())
			.header("Accept", "application/json")
			.GET()
			.build();
		HttpResponse<byte[]> response = this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("feed answered " + response.statusCode());
		}
		JsonNode page = this.json.readTree(response.body());
		List<JsonNode> list = new ArrayList<>();
		page.path("events").forEach(list::add);
		if (list.isEmpty()) {
			this.lagMillis.set(0);
			return false;
		}
		Instant now = this.clock.instant();
		this.lagMillis.set(Math.max(0, Duration.between(occurredAt(list.get(0), now), now).toMillis()));
		long last = after;
		for (JsonNode event : list) {
			long seq = event.path("seq").asLong();
			if (seq <= last) {
				continue;
			}
			apply(event, seq, now);
			this.events.increment();
			last = seq;
		}
		this.cursor.save(last);
		boolean more = list.size() >= limit;
		if (!more) {
			this.lagMillis.set(0);
		}
		return more;
	}

	private void apply(JsonNode event, long seq, Instant now) {
		String type = event.path("type").asString("");
		String articleId = event.path("articleId").asString("");
		JsonNode data = event.path("data");
		boolean deleted = "article.deleted".equals(type);
		boolean published = !deleted && !"article.unpublished".equals(type)
				&& "PUBLISHED".equals(data.path("status").asString(""));
		List<String> mediaIds = new ArrayList<>();
		if (!deleted) {
			data.path("mediaIds").forEach(id -> {
				if (id.isString()) {
					mediaIds.add(id.asString());
				}
			});
		}
		String hero = deleted || !data.path("heroMediaId").isString() ? null : data.path("heroMediaId").asString();
		String slug = data.path("slug").isString() ? data.path("slug").asString() : null;
		this.usages.apply(articleId, seq, published, hero, mediaIds, slug, occurredAt(event, now));
	}

	private static Instant occurredAt(JsonNode event, Instant fallback) {
		try {
			return Instant.parse(event.path("occurredAt").asString());
		}
		catch (RuntimeException ex) {
			return fallback;
		}
	}

}
