package news.platform.article.feed;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import news.platform.article.article.Article;
import news.platform.article.article.ArticleCommits;
import news.platform.article.article.ArticleStatus;
import news.platform.article.article.Articles;
import news.platform.starter.problem.ApiProblem;

/** Service-to-service API (role {@code service}): the event feed and article state in bulk. */
@RestController
@RequestMapping(path = "/internal/v1/articles", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Internal", description = "Role service only; never routed by the gateway")
class InternalController {

	static final int MAX_LIMIT = 1000;

	static final int MAX_IDS = 500;

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final FeedEvents events;

	private final Articles articles;

	private final ArticleCommits commits;

	InternalController(FeedEvents events, Articles articles, ArticleCommits commits) {
		this.events = events;
		this.articles = articles;
		this.commits = commits;
	}

	record EventPage(List<FeedEvent> events, long next) {
	}

	record StateRequest(List<String> ids) {
	}

	/** {@code section} and {@code firstPublishedAt} only for a visible article (they drive comment policies). */
	record ArticleState(String id, boolean exists, boolean published, boolean commentsOpen, Instant commentsCloseAt,
			String section, Instant firstPublishedAt) {
	}

	record StateResponse(List<ArticleState> articles) {
	}

	@GetMapping("/events")
	@Operation(summary = "Feed events after a seq, in order, without gaps; resume from the last seq you stored")
	EventPage events(@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
		if (after < 0) {
			throw ApiProblem.invalidField("after", "a seq, 0 or more");
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw ApiProblem.invalidField("limit", "between 1 and " + MAX_LIMIT);
		}
		List<FeedEvent> page = this.events.read(after, limit);
		return new EventPage(page, page.isEmpty() ? after : page.get(page.size() - 1).seq());
	}

	@PostMapping(path = "/state", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "For each id: does it exist, is it published (and past its embargo), are comments open")
	StateResponse state(@RequestBody StateRequest request) {
		if (request.ids() == null || request.ids().isEmpty()) {
			throw ApiProblem.invalidField("ids", "one id or more");
		}
		if (request.ids().size() > MAX_IDS) {
			throw ApiProblem.invalidField("ids", "at most " + MAX_IDS + " per call");
		}
		for (int i = 0; i < request.ids().size(); i++) {
			String id = request.ids().get(i);
			if (id == null || !ID.matcher(id).matches()) {
				throw ApiProblem.invalidField("ids[" + i + "]", "not an article id");
			}
		}
		Instant now = this.commits.now();
		Map<String, Article> found = new LinkedHashMap<>();
		this.articles.findAll(request.ids()).forEach(article -> found.put(article.id(), article));
		return new StateResponse(request.ids().stream().distinct().map(id -> {
			Article article = found.get(id);
			boolean visible = article != null && article.visibleAt(now);
			boolean exists = article != null && article.status() != ArticleStatus.DELETED;
			return new ArticleState(id, exists, visible, visible && article.commentsOpenAt(now),
					visible ? article.commentsCloseAt() : null, visible ? article.section() : null,
					visible ? article.firstPublishedAt() : null);
		}).toList());
	}

}
