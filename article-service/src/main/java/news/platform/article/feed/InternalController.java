package news.platform.article.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import news.platform.article.story.Article;
import news.platform.article.story.ArticleStatus;
import news.platform.article.story.Articles;
import news.platform.autoconfigure.problem.ApiProblem;

/**
 * Service-to-service API (role {@code service}) beside the feed: article state in bulk, for a
 * consumer that needs the current state of articles it has not seen events for. The feed itself
 * ({@code /internal/v1/articles/events}) is served by the shared library's endpoint.
 */
@RestController
@RequestMapping(path = "/internal/v1/articles", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Internal", description = "Role service only; never routed by the gateway")
class InternalController {

	static final int MAX_IDS = 500;

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final Articles articles;

	private final Clock clock;

	InternalController(Articles articles, Clock clock) {
		this.articles = articles;
		this.clock = clock;
	}

	record StateRequest(List<String> ids) {
	}

	/** {@code section} and {@code firstPublishedAt} only for a visible article (they drive comment policies). */
	record ArticleState(String id, boolean exists, boolean published, boolean commentsOpen, Instant commentsCloseAt,
			String section, Instant firstPublishedAt) {
	}

	record StateResponse(List<ArticleState> articles) {
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
		Instant now = this.clock.instant();
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
