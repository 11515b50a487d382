package news.platform.comment.thread;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.comment.CommentProperties;
import news.platform.comment.CommentSettings;
import news.platform.comment.web.Caller;

/** Readers' API: threads, posting, replies, edits, deletion, reactions and counts. */
@RestController
@RequestMapping(path = "/api/v1/comments", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Comments")
class ThreadController {

	private static final Set<String> ORDERS = Set.of("newest", "oldest", "reactions");

	/**
	 * Most ids one batch read takes. The site asks for a reader's own comments on one article (its
	 * session keeps 20 per article by default); 50 leaves room and keeps the address short (50 ids of
	 * 26 characters are about 1.3 KB, far under the gateway's and Tomcat's header limits) and one
	 * {@code $in} read small.
	 */
	static final int MAX_BATCH = 50;

	private final Commenting commenting;

	private final Comments comments;

	private final ThreadCache threads;

	private final CommentCounts counts;

	private final Reactions reactions;

	private final CommentSettings settings;

	ThreadController(Commenting commenting, Comments comments, ThreadCache threads, CommentCounts counts,
			Reactions reactions, CommentSettings settings) {
		this.commenting = commenting;
		this.comments = comments;
		this.threads = threads;
		this.counts = counts;
		this.reactions = reactions;
		this.settings = settings;
	}

	private CommentProperties.Thread threadSettings() {
		return this.settings.current().thread();
	}

	record ThreadPage(String articleId, String sort, long count, List<CommentView> comments, String next) {
	}

	record RepliesPage(String commentId, List<CommentView> replies, String next) {
	}

	record ReactionRequest(String type) {
	}

	record CountsResponse(Map<String, Long> counts) {
	}

	record CommentsResponse(List<CommentView> comments) {
	}

	@GetMapping("/articles/{articleId}")
	@Operation(summary = "One page of an article's thread (anyone): top-level comments with replies nested to the configured depth")
	ResponseEntity<ThreadPage> thread(@PathVariable String articleId,
			@RequestParam(defaultValue = "newest") String sort, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		Commenting.requireArticleId(articleId);
		if (!ORDERS.contains(sort)) {
			throw ApiProblem.invalidParameter("sort", "must be one of newest, oldest, reactions");
		}
		int size = pageSize(limit);
		Cursor after = Cursor.decode(cursor, sort);
		ArticleThread thread = this.threads.get(articleId);
		ArticleThread.Page page = thread.topLevel(sort, after == null ? null : after.key(), size,
				threadSettings().maxDepth(), threadSettings().repliesPerLevel());
		String next = page.more() ? new Cursor(sort, page.last()).encode() : null;
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache())
			.body(new ThreadPage(articleId, sort, this.counts.of(articleId).visible(), page.items(), next));
	}

	@GetMapping("/{commentId}/replies")
	@Operation(summary = "More replies to one comment, oldest first (anyone)")
	RepliesPage replies(@PathVariable String commentId, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		Comment parent = this.commenting.require(commentId);
		int size = pageSize(limit);
		Cursor after = Cursor.decode(cursor, "replies");
		ArticleThread thread = this.threads.get(parent.articleId());
		ArticleThread.Page page = thread.repliesOf(commentId, after == null ? null : after.key(), size,
				parent.depth() + 1, threadSettings().maxDepth(), threadSettings().repliesPerLevel());
		return new RepliesPage(commentId, page.items(),
				page.more() ? new Cursor("replies", page.last()).encode() : null);
	}

	@GetMapping("/{commentId}")
	@Operation(summary = "One comment: readers see it as in the thread; its author and moderators see its state")
	CommentView comment(@PathVariable String commentId) {
		CommentView view = asSeenBy(Caller.current(), this.commenting.require(commentId));
		if (view == null) {
			throw ApiProblem.notFound("Comment", "No comment " + commentId + ".");
		}
		return view;
	}

	@GetMapping
	@Operation(summary = "Several comments at once (ids=a,b,c, at most 50), each as the caller may see it "
			+ "(as GET /{commentId}), in the order asked; those the caller may not see, or that do not exist, are left out")
	ResponseEntity<CommentsResponse> comments(@RequestParam(required = false) String ids) {
		List<String> asked = batchIds(ids);
		Caller caller = Caller.current();
		Map<String, Comment> found = new HashMap<>();
		this.comments.findAll(asked).forEach(comment -> found.put(comment.id(), comment));
		List<CommentView> views = new ArrayList<>(asked.size());
		for (String id : asked) {
			Comment comment = found.get(id);
			CommentView view = comment == null ? null : asSeenBy(caller, comment);
			if (view != null) {
				views.add(view);
			}
		}
		// the answer depends on who asks (own pending comments): no shared cache may keep it
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore().cachePrivate())
			.body(new CommentsResponse(views));
	}

	/** The batch's ids, checked before anything is read: once each, in the order asked. */
	private static List<String> batchIds(String ids) {
		if (ids == null || ids.isBlank()) {
			throw ApiProblem.invalidParameter("ids", "must name at least one comment id");
		}
		LinkedHashSet<String> unique = new LinkedHashSet<>();
		for (String id : ids.split(",", -1)) {
			if (!CommentIds.valid(id)) {
				throw ApiProblem.invalidParameter("ids",
						"holds '" + (id.length() > 64 ? id.substring(0, 64) : id) + "', which is not a comment id");
			}
			unique.add(id);
			if (unique.size() > MAX_BATCH) {
				throw ApiProblem.invalidParameter("ids", "must name at most " + MAX_BATCH + " comment ids");
			}
		}
		return List.copyOf(unique);
	}

	/**
	 * One comment as this caller may see it: everything for its author and moderators, the thread's
	 * view for everyone else; null when the thread does not show it to them.
	 */
	private CommentView asSeenBy(Caller caller, Comment comment) {
		if (caller != null && (caller.subject().equals(comment.authorId()) || caller.isModerator())) {
			return CommentView.full(comment);
		}
		ArticleThread thread = this.threads.get(comment.articleId());
		Comment current = thread.get(comment.id());
		if (current == null || !thread.shown(current)) {
			return null;
		}
		return thread.render(current, current.depth(), threadSettings().maxDepth(), threadSettings().repliesPerLevel());
	}

	@PostMapping(path = "/articles/{articleId}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Post a comment, or a reply with parentId (any signed-in user); Idempotency-Key makes retries safe")
	ResponseEntity<CommentView> post(@PathVariable String articleId, @RequestBody Commenting.PostRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		Commenting.Posted posted = this.commenting.post(Caller.current(), articleId, request, idempotencyKey);
		ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CREATED)
			.location(URI.create("/api/v1/comments/" + posted.comment().id()));
		if (posted.replayed()) {
			response.header("Idempotent-Replayed", "true");
		}
		return response.body(CommentView.full(posted.comment()));
	}

	@PatchMapping(path = "/{commentId}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Edit one's own comment within the edit window: {text, version}; 409 if the version moved")
	CommentView edit(@PathVariable String commentId, @RequestBody Commenting.EditRequest request) {
		return CommentView.full(this.commenting.edit(Caller.current(), commentId, request));
	}

	@DeleteMapping("/{commentId}")
	@Operation(summary = "Delete (author or moderator): a tombstone keeps the thread's shape")
	ResponseEntity<Void> delete(@PathVariable String commentId) {
		this.commenting.delete(Caller.current(), commentId);
		return ResponseEntity.noContent().build();
	}

	@PutMapping(path = "/{commentId}/reactions/mine", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Set the caller's one reaction to a comment (idempotent)")
	Reactions.Summary react(@PathVariable String commentId, @RequestBody ReactionRequest request) {
		Comment comment = this.commenting.require(commentId);
		return this.reactions.react(Caller.current(), comment, request == null ? null : request.type());
	}

	@DeleteMapping("/{commentId}/reactions/mine")
	@Operation(summary = "Remove the caller's reaction (idempotent)")
	Reactions.Summary unreact(@PathVariable String commentId) {
		return this.reactions.remove(Caller.current(), this.commenting.require(commentId));
	}

	@GetMapping("/counts")
	@Operation(summary = "Visible comment counts for many articles at once (list pages), from memory")
	ResponseEntity<CountsResponse> counts(@RequestParam String articles) {
		List<String> ids = new ArrayList<>(new LinkedHashSet<>(Arrays.asList(articles.split(",", -1))));
		int most = this.settings.current().counts().maxArticles();
		if (ids.size() > most) {
			throw ApiProblem.invalidParameter("articles", "must name at most " + most + " article ids");
		}
		for (String id : ids) {
			if (!Commenting.ARTICLE_ID.matcher(id).matches()) {
				throw ApiProblem.invalidParameter("articles",
						"holds '" + (id.length() > 64 ? id.substring(0, 64) : id) + "', which is not an article id");
			}
		}
		Map<String, Long> result = new LinkedHashMap<>();
		this.counts.of(ids).forEach((id, count) -> result.put(id, count.visible()));
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofSeconds(10)).cachePublic())
			.body(new CountsResponse(result));
	}

	private int pageSize(Integer limit) {
		if (limit == null) {
			return threadSettings().pageSize();
		}
		if (limit < 1 || limit > threadSettings().maxPageSize()) {
			throw ApiProblem.invalidParameter("limit", "must be between 1 and " + threadSettings().maxPageSize());
		}
		return limit;
	}

}
