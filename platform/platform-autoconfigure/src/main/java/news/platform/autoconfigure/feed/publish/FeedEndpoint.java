package news.platform.autoconfigure.feed.publish;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import news.platform.autoconfigure.problem.ApiProblem;

/**
 * Every feed this service publishes, read by key: {@code GET /internal/v1/<feed>/events?after=&limit=}
 * answers the events after a seq, in order, without gaps, and where to continue; consumers store
 * the last seq they applied and resume from it. {@code /events/head} answers the newest seq, where
 * a follower without a stored position starts. Role {@code service} only (the service's chain
 * guards {@code /internal/**}); never routed by the gateway.
 */
@RestController
@Tag(name = "Internal", description = "Role service only; never routed by the gateway")
public class FeedEndpoint {

	static final int MAX_LIMIT = 1000;

	private final Map<String, FeedPublisher> feeds = new LinkedHashMap<>();

	FeedEndpoint(ObjectProvider<FeedPublisher> publishers) {
		publishers.orderedStream().forEach(publisher -> this.feeds.put(publisher.feed().name(), publisher));
	}

	record Head(long seq) {
	}

	@GetMapping(path = "/internal/v1/{feed}/events", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Feed events after a seq, in order, without gaps; resume from the last seq you stored")
	Map<String, Object> events(@PathVariable String feed, @RequestParam(defaultValue = "0") long after,
			@RequestParam(defaultValue = "100") int limit) {
		FeedPublisher publisher = publisher(feed);
		if (after < 0) {
			throw ApiProblem.invalidField("after", "a seq, 0 or more");
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw ApiProblem.invalidField("limit", "between 1 and " + MAX_LIMIT);
		}
		List<Map<String, Object>> page = publisher.events().readForWire(after, limit);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("events", page);
		body.put("next", page.isEmpty() ? after : page.get(page.size() - 1).get("seq"));
		return body;
	}

	@GetMapping(path = "/internal/v1/{feed}/events/head", produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The newest seq of the feed (0 when empty): where a follower without a position starts")
	Head head(@PathVariable String feed) {
		return new Head(publisher(feed).events().head());
	}

	private FeedPublisher publisher(String name) {
		FeedPublisher publisher = this.feeds.get(name);
		if (publisher == null) {
			throw ApiProblem.notFound("Feed", "This service publishes no feed '" + name + "'.");
		}
		return publisher;
	}

}
