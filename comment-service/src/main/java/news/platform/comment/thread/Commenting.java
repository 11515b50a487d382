package news.platform.comment.thread;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;

import com.mongodb.client.model.Updates;
import org.bson.Document;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;
import news.platform.comment.CommentSettings;
import news.platform.comment.articlestate.ArticleGate;
import news.platform.comment.articlestate.ArticleState;
import news.platform.comment.web.Caller;

/** The rules of posting, editing and deleting a comment. */
@Component
public class Commenting {

	static final Pattern ARTICLE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

	private final Comments comments;

	private final CommentChanges changes;

	private final CommentText text;

	private final ArticleGate articles;

	private final PostingRateLimit rateLimit;

	private final CommentModeration moderation;

	private final CommentSettings settings;

	private final Clock clock;

	Commenting(Comments comments, CommentChanges changes, CommentText text, ArticleGate articles,
			PostingRateLimit rateLimit, CommentModeration moderation, CommentSettings settings, Clock clock) {
		this.clock = clock;
		this.comments = comments;
		this.changes = changes;
		this.text = text;
		this.articles = articles;
		this.rateLimit = rateLimit;
		this.moderation = moderation;
		this.settings = settings;
	}

	public record PostRequest(String text, String parentId) {
	}

	public record EditRequest(String text, Long version) {
	}

	record Posted(Comment comment, boolean replayed) {
	}

	Posted post(Caller caller, String articleId, PostRequest request, String idempotencyKey) {
		requireArticleId(articleId);
		if (request == null) {
			throw ApiProblem.invalidField("text", "required");
		}
		String requestHash = HexFormat.of()
			.formatHex(CommentIds.sha256(articleId + "\n" + request.parentId() + "\n" + request.text()));
		String id;
		if (idempotencyKey != null) {
			if (!IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
				throw new ApiProblem(ProblemType.INVALID_HEADER,
						"Idempotency-Key must be 1 to 200 visible ASCII characters.")
					.withFieldError("Idempotency-Key", "1 to 200 visible ASCII characters");
			}
			id = CommentIds.forIdempotencyKey(caller.subject(), idempotencyKey);
			Comment existing = this.comments.find(id).orElse(null);
			if (existing != null) {
				return replay(existing, requestHash);
			}
		}
		else {
			id = CommentIds.random();
		}
		try {
			return postNew(caller, articleId, request, id, requestHash, idempotencyKey);
		}
		catch (ApiProblem ex) {
			this.moderation.refused(ex.type() == ProblemType.RATE_LIMITED);
			throw ex;
		}
	}

	private Posted postNew(Caller caller, String articleId, PostRequest request, String id, String requestHash,
			String idempotencyKey) {
		Instant now = this.clock.instant();
		CommentModeration.Poster poster = this.moderation.admit(caller.subject(), now);
		String cleaned = this.text.clean(request.text());
		Comment parent = request.parentId() == null ? null : replyTarget(articleId, request.parentId());
		ArticleState article = this.articles.requireOpen(articleId, now, this.moderation::closeAfter);
		this.rateLimit.acquire(caller.subject(), idempotencyKey);
		CommentModeration.Decision decision = this.moderation.screen(poster, id, cleaned, article.section(), now);

		int maxDepth = this.settings.current().thread().maxDepth();
		String parentId = null;
		int depth = 0;
		if (parent != null) {
			boolean deepest = parent.depth() >= maxDepth;
			parentId = deepest ? parent.parentId() : parent.id();
			depth = deepest ? parent.depth() : parent.depth() + 1;
		}
		Comment comment = new Comment(id, articleId, parentId, parent == null ? null : parent.id(), depth,
				caller.subject(), caller.name(), cleaned, decision.status(), now, null, 1, 1, new LinkedHashMap<>(), 0,
				0, decision.flags(),
				decision.status() == CommentStatus.REJECTED ? "automatic: " + String.join(", ", decision.flags()) : null,
				requestHash);
		if (!this.comments.insert(comment)) {
			// a concurrent retry with the same Idempotency-Key stored it first
			return replay(this.comments.find(id).orElseThrow(), requestHash);
		}
		this.changes.stored(comment);
		this.moderation.posted(comment, poster);
		return new Posted(comment, false);
	}

	private Posted replay(Comment existing, String requestHash) {
		if (!requestHash.equals(existing.requestHash())) {
			throw new ApiProblem(ProblemType.IDEMPOTENCY_KEY_REUSED,
					"This Idempotency-Key was used for a different comment.")
				.withFieldError("Idempotency-Key", "used before with a different request");
		}
		return new Posted(existing, true);
	}

	private Comment replyTarget(String articleId, String parentId) {
		if (!CommentIds.valid(parentId)) {
			throw ApiProblem.invalidField("parentId", "not a comment id");
		}
		Comment parent = this.comments.find(parentId)
			.orElseThrow(() -> ApiProblem.invalidField("parentId", "no such comment"));
		if (!parent.articleId().equals(articleId)) {
			throw ApiProblem.invalidField("parentId", "belongs to another article");
		}
		switch (parent.status()) {
			case DELETED -> throw ApiProblem.invalidField("parentId", "was deleted; replies are closed");
			case REJECTED -> throw ApiProblem.invalidField("parentId", "was rejected; replies are closed");
			case PENDING, REPORTED -> throw ApiProblem.invalidField("parentId", "is not visible");
			default -> {
			}
		}
		return parent;
	}

	Comment edit(Caller caller, String id, EditRequest request) {
		Comment before = require(id);
		if (!before.authorId().equals(caller.subject())) {
			throw new ApiProblem(ProblemType.FORBIDDEN, "Only its author edits a comment.");
		}
		if (request == null || request.version() == null) {
			throw ApiProblem.invalidField("version", "required: the version you edit");
		}
		if (before.status() != CommentStatus.VISIBLE && before.status() != CommentStatus.PENDING) {
			throw stateConflict(before);
		}
		Instant now = this.clock.instant();
		java.time.Duration editWindow = this.settings.current().editWindow();
		if (!now.isBefore(before.createdAt().plus(editWindow))) {
			throw new ApiProblem(ProblemType.EDIT_WINDOW_CLOSED,
					"Comments can be edited for " + editWindow.toMinutes() + " minutes after posting.");
		}
		String cleaned = this.text.clean(request.text());
		CommentModeration.Decision decision = this.moderation.screenEdit(cleaned);
		if (decision.status() == CommentStatus.REJECTED) {
			throw ApiProblem.invalidField("text", "contains a word that is not allowed");
		}
		CommentStatus status = decision.status() == CommentStatus.PENDING ? CommentStatus.PENDING : before.status();
		List<String> flags = new ArrayList<>(before.flags());
		decision.flags().stream().filter(flag -> !flags.contains(flag)).forEach(flags::add);
		Comment after = this.comments
			.change(id, request.version(), List.of(CommentStatus.VISIBLE, CommentStatus.PENDING),
					Updates.combine(Updates.set("text", cleaned), Updates.set("editedAt", java.util.Date.from(now)),
							Updates.set("status", status.name()), Updates.set("flags", flags)),
					null)
			.orElseThrow(() -> conflict(id, request.version()));
		this.changes.changed(before, after);
		return after;
	}

	void delete(Caller caller, String id) {
		Comment before = require(id);
		boolean own = before.authorId().equals(caller.subject());
		if (!own && !caller.isModerator()) {
			throw new ApiProblem(ProblemType.FORBIDDEN, "Only its author or a moderator deletes a comment.");
		}
		if (before.status() == CommentStatus.DELETED) {
			return;
		}
		Document history = own ? null : this.moderation.deletionEntry(caller, before);
		Comment after = this.comments
			.change(id, null, List.of(CommentStatus.VISIBLE, CommentStatus.PENDING, CommentStatus.REPORTED,
					CommentStatus.REJECTED),
					Updates.combine(Updates.set("status", CommentStatus.DELETED.name()), Updates.set("text", ""),
							Updates.set("deletedBy", caller.subject())),
					history)
			.orElse(null);
		if (after == null) {
			return;
		}
		this.changes.changed(before, after);
		if (history != null) {
			this.moderation.deleted(history);
		}
	}

	public Comment require(String id) {
		if (!CommentIds.valid(id)) {
			throw ApiProblem.notFound("Comment", "No comment " + id + ".");
		}
		return this.comments.find(id).orElseThrow(() -> ApiProblem.notFound("Comment", "No comment " + id + "."));
	}

	static void requireArticleId(String articleId) {
		if (!ARTICLE_ID.matcher(articleId).matches()) {
			throw ApiProblem.notFound("Article", "No article " + articleId + ".");
		}
	}

	/** After a conditional change matched nothing: says whether the version or the state moved. */
	public ApiProblem conflict(String id, long expectedVersion) {
		Comment now = this.comments.find(id).orElse(null);
		if (now == null) {
			return ApiProblem.notFound("Comment", "No comment " + id + ".");
		}
		if (now.version() != expectedVersion) {
			return new ApiProblem(ProblemType.VERSION_CONFLICT, "The comment is at version " + now.version() + ", not "
					+ expectedVersion + "; someone acted on it first. Reload and retry.")
				.withFieldError("version", "current version is " + now.version());
		}
		return stateConflict(now);
	}

	static ApiProblem stateConflict(Comment comment) {
		return new ApiProblem(ProblemType.COMMENT_STATE,
				"The comment is " + comment.status().name().toLowerCase(java.util.Locale.ROOT) + ".")
			.withFieldError("status", comment.status().name().toLowerCase(java.util.Locale.ROOT));
	}

}
