package news.platform.comment.articlestate;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.stereotype.Component;

import news.platform.autoconfigure.client.TraceHeaders;
import news.platform.autoconfigure.mongodb.QueryShapes;
import news.platform.comment.CommentProperties;
import news.platform.comment.CommentSettings;

/**
 * Which sections exist, as article-service says: its section list ({@code GET /api/v1/sections},
 * {@code comment.article-state.sections.path}), read with a {@code service} token through a
 * circuit breaker with the state call's time limit, and held for
 * {@code comment.article-state.sections.cache-for}. A path missing from a list held in memory is
 * asked again at once (a section made a moment ago), and a {@code section.changed} event on the
 * article feed drops the held list.
 * <p>
 * Fallback, when article-service does not answer (down, slower than the time limit, refusing the
 * token, or its breaker open): the last list any replica read, kept in this service's database
 * ({@code article_sections}, {@code _id: "sections"}). A path in it is known; any other is
 * {@link Verdict#UNAVAILABLE} and the caller refuses the change (503) rather than guess.
 */
@Component
public class SectionDirectory {

	static final String COLLECTION = "article_sections";

	static final String BREAKER = "article-sections";

	private static final String ID = "sections";

	private static final Logger log = LoggerFactory.getLogger(SectionDirectory.class);

	public enum Verdict {

		/** article-service lists it (or listed it last time it answered, if it does not now). */
		KNOWN,
		/** article-service answered, and it has no such section. */
		UNKNOWN,
		/** article-service does not answer and its last list did not have it: nobody can say. */
		UNAVAILABLE

	}

	private record Held(Set<String> paths, Instant readAt) {
	}

	private final ArticleStateClient client;

	private final CircuitBreakerFactory<?, ?> breakers;

	private final TraceHeaders traceHeaders;

	private final CommentSettings settings;

	private final Clock clock;

	private final MongoCollection<Document> collection;

	private volatile Held held;

	SectionDirectory(ArticleStateClient client, CircuitBreakerFactory<?, ?> breakers, TraceHeaders traceHeaders,
			CommentSettings settings, Clock clock, MongoDatabase database, QueryShapes shapes, ArticleStates states) {
		this.client = client;
		this.breakers = breakers;
		this.traceHeaders = traceHeaders;
		this.settings = settings;
		this.clock = clock;
		this.collection = database.getCollection(COLLECTION);
		shapes.register(COLLECTION, List.of("_id"), List.of(), "_id_");
		states.onSectionChange(this::forget);
	}

	/** Whether a section path exists at article-service. */
	public Verdict check(String path) {
		Held known = this.held;
		CommentProperties.Sections config = this.settings.current().articleState().sections();
		if (known != null && known.paths().contains(path)
				&& known.readAt().plus(config.cacheFor()).isAfter(this.clock.instant())) {
			return Verdict.KNOWN;
		}
		Set<String> read = read(config.path());
		if (read != null) {
			return read.contains(path) ? Verdict.KNOWN : Verdict.UNKNOWN;
		}
		Set<String> last = lastRead();
		if (last.contains(path)) {
			log.info("section '{}' accepted from the last section list read: article-service does not answer", path);
			return Verdict.KNOWN;
		}
		return Verdict.UNAVAILABLE;
	}

	/** Drops the list held in memory (a section changed). */
	public void forget() {
		this.held = null;
	}

	/** The list now, or null when article-service does not answer. */
	private Set<String> read(String path) {
		Map<String, String> trace = this.traceHeaders.current();
		Set<String> paths = this.breakers.create(BREAKER).run(() -> this.client.sectionPaths(path, trace), failure -> {
			log.warn("section list unavailable: {}", failure.toString());
			return null;
		});
		if (paths == null) {
			return null;
		}
		Instant now = this.clock.instant();
		Held before = this.held;
		this.held = new Held(Set.copyOf(paths), now);
		if (before == null || !before.paths().equals(paths)) {
			this.collection.replaceOne(Filters.eq("_id", ID),
					new Document("_id", ID).append("paths", List.copyOf(paths)).append("readAt", Date.from(now)),
					new ReplaceOptions().upsert(true));
		}
		return paths;
	}

	private Set<String> lastRead() {
		Held known = this.held;
		if (known != null) {
			return known.paths();
		}
		Document stored = this.collection.find(Filters.eq("_id", ID)).first();
		return stored == null ? Set.of() : Set.copyOf(stored.getList("paths", String.class, List.of()));
	}

}
