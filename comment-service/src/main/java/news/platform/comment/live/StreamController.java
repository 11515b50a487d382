package news.platform.comment.live;

import java.io.IOException;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import news.platform.autoconfigure.problem.ApiProblem;

@RestController
@Tag(name = "Live", description = "Newly visible comments as Server-Sent Events")
class StreamController {

	private static final Pattern ARTICLE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final LiveStream stream;

	StreamController(LiveStream stream) {
		this.stream = stream;
	}

	@GetMapping(path = "/api/v1/comments/articles/{articleId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Comments on this article as they become visible (event 'comment', data: the comment)")
	SseEmitter stream(@PathVariable String articleId, HttpServletResponse response) throws IOException {
		if (!ARTICLE_ID.matcher(articleId).matches()) {
			throw ApiProblem.notFound("Article", "No article " + articleId + ".");
		}
		// no-transform keeps the server's compression (and proxies) from buffering events
		response.setHeader("Cache-Control", "no-cache, no-transform");
		response.setHeader("X-Accel-Buffering", "no");
		return this.stream.subscribe(articleId);
	}

}
