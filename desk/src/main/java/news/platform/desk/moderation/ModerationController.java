package news.platform.desk.moderation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import tools.jackson.databind.JsonNode;

import news.platform.desk.signin.SignedInPerson;
import news.platform.desk.upstream.ArticleHeadlines;
import news.platform.desk.upstream.CommentService;
import news.platform.desk.upstream.Refusal;
import news.platform.desk.upstream.ServiceUnavailable;
import news.platform.desk.web.PageContext;

/**
 * The moderators' screens over comment-service's moderation API: the queue (pending, reported,
 * rejected) with each comment's article, the comment it answers and the rules that held it;
 * approve and reject (htmx in place, plain forms without JavaScript), bulk decisions; a user's
 * history with suspend, ban and restore; the audit log. Everyone else gets the desk's 404 page,
 * as for any page they may not see. Every value is checked here before anything is asked.
 */
@Controller
class ModerationController {

	static final Set<String> MODERATORS = Set.of("moderator", "editor", "admin");

	static final Set<String> STATES = Set.of("pending", "reported", "rejected");

	private static final Pattern COMMENT_ID = Pattern.compile("c[a-z2-7]{25}");

	private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_=-]{1,512}");

	private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@:-]{1,200}");

	/** The suspensions the form offers (ISO-8601, as comment-service takes them). */
	static final List<String> SUSPENSIONS = List.of("PT1H", "PT24H", "P7D", "P30D");

	private static final int PAGE_SIZE = 20;

	private static final int REASON_MAX = 500;

	private final CommentService comments;

	private final ArticleHeadlines articles;

	private final PageContext pages;

	ModerationController(CommentService comments, ArticleHeadlines articles, PageContext pages) {
		this.comments = comments;
		this.articles = articles;
		this.pages = pages;
	}

	@GetMapping("/moderacija")
	ModelAndView queue(@RequestParam(name = "stanje", defaultValue = "pending") String state,
			@RequestParam(required = false) String cursor, HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		if (!moderator(page)) {
			return ModerationView.notFound(page);
		}
		if (!STATES.contains(state) || (cursor != null && !CURSOR.matcher(cursor).matches())) {
			return ModerationView.error(page, 400, "error.400");
		}
		return queuePage(page, state, cursor, null, HttpStatus.OK);
	}

	@PostMapping("/moderacija/odluka")
	ModelAndView decide(@RequestParam(required = false) String id,
			@RequestParam(required = false) String version, @RequestParam(required = false) String action,
			@RequestParam(required = false) String reason,
			@RequestParam(name = "stanje", defaultValue = "pending") String state,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletRequest request,
			HttpServletResponse response) {
		PageContext.Page page = this.pages.page(request);
		if (!moderator(page)) {
			return ModerationView.notFound(page);
		}
		String queueState = STATES.contains(state) ? state : "pending";
		Long at = number(version);
		if (id == null || !COMMENT_ID.matcher(id).matches() || at == null
				|| !("approve".equals(action) || "reject".equals(action))) {
			return ModerationView.error(page, 400, "error.400");
		}
		String why = reason == null ? "" : reason.strip();
		Notice problem = null;
		if ("reject".equals(action) && why.isEmpty()) {
			problem = Notice.problem("moderation.reason.required", "reason");
		}
		else if (why.length() > REASON_MAX) {
			problem = Notice.problem("moderation.reason.too-long", "reason");
		}
		try {
			if (problem != null) {
				// the item again, its reason field marked and what was typed kept
				QueueItem item = item(this.comments.comment(id), new HashMap<>());
				return htmx != null ? ModerationView.item(page, item, queueState, problem, why)
						: queuePage(page, queueState, null, problem, HttpStatus.BAD_REQUEST);
			}
			JsonNode after = "approve".equals(action) ? this.comments.approve(id, at, why)
					: this.comments.reject(id, at, why);
			Notice done = Notice.ok("moderation.done." + action);
			return htmx != null ? ModerationView.decided(page, after.path("id").asString(id), done)
					: queuePage(page, queueState, null, done, HttpStatus.OK);
		}
		catch (Refusal refusal) {
			Notice notice = Refusals.notice(refusal);
			if (htmx != null && refusal.status() == 409 || htmx != null && refusal.status() == 404) {
				// someone else decided first (or removed it): the whole queue again, as it is now
				response.setHeader("HX-Retarget", "#queue");
				response.setHeader("HX-Reswap", "outerHTML");
				return queueBody(page, queueState, new Notice("problem", "moderation.conflict", null, null));
			}
			if (htmx != null) {
				QueueItem item = item(this.comments.comment(id), new HashMap<>());
				return ModerationView.item(page, item, queueState, notice, why);
			}
			return queuePage(page, queueState, null,
					refusal.status() == 409 ? new Notice("problem", "moderation.conflict", null, null) : notice,
					HttpStatus.valueOf(refusal.status() == 409 ? 409 : 400));
		}
		catch (ServiceUnavailable ex) {
			return ModerationView.error(page, 503, "moderation.unavailable");
		}
	}

	@PostMapping("/moderacija/skupno")
	ModelAndView bulk(@RequestParam(required = false) String action,
			@RequestParam(required = false) String reason,
			@RequestParam(name = "stavke", required = false) List<String> items,
			@RequestParam(name = "stanje", defaultValue = "pending") String state, HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		if (!moderator(page)) {
			return ModerationView.notFound(page);
		}
		String queueState = STATES.contains(state) ? state : "pending";
		if (!("approve".equals(action) || "reject".equals(action))) {
			return ModerationView.error(page, 400, "error.400");
		}
		List<Map<String, Object>> chosen = new ArrayList<>();
		for (String item : items == null ? List.<String>of() : items) {
			int colon = item.indexOf(':');
			Long version = colon < 0 ? null : number(item.substring(colon + 1));
			if (colon < 0 || version == null || !COMMENT_ID.matcher(item.substring(0, colon)).matches()) {
				return ModerationView.error(page, 400, "error.400");
			}
			chosen.add(Map.of("id", item.substring(0, colon), "version", version));
		}
		String why = reason == null ? "" : reason.strip();
		Notice problem = chosen.isEmpty() ? Notice.problem("moderation.bulk.none", "stavke")
				: chosen.size() > 100 ? Notice.problem("moderation.bulk.too-many", "stavke")
						: "reject".equals(action) && why.isEmpty() ? Notice.problem("moderation.reason.required", "bulk-reason")
								: why.length() > REASON_MAX ? Notice.problem("moderation.reason.too-long", "bulk-reason")
										: null;
		try {
			if (problem != null) {
				return queuePage(page, queueState, null, problem, HttpStatus.BAD_REQUEST);
			}
			JsonNode answer = this.comments.bulk(action, why, chosen);
			int done = 0;
			int conflicts = 0;
			for (JsonNode result : answer.path("results")) {
				if ("done".equals(result.path("outcome").asString())) {
					done++;
				}
				else {
					conflicts++;
				}
			}
			Notice notice = conflicts == 0 ? new Notice("ok", "moderation.bulk.done", String.valueOf(done), null)
					: new Notice("problem", "moderation.bulk.partly", done + " / " + (done + conflicts), null);
			return queuePage(page, queueState, null, notice, HttpStatus.OK);
		}
		catch (Refusal refusal) {
			return queuePage(page, queueState, null, Refusals.notice(refusal), HttpStatus.BAD_REQUEST);
		}
		catch (ServiceUnavailable ex) {
			return ModerationView.error(page, 503, "moderation.unavailable");
		}
	}

	@GetMapping("/moderacija/korisnici/{userId}")
	ModelAndView user(@PathVariable String userId, HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		if (!moderator(page)) {
			return ModerationView.notFound(page);
		}
		if (!USER_ID.matcher(userId).matches()) {
			return ModerationView.notFound(page);
		}
		return userPage(page, userId, null, null, HttpStatus.OK);
	}

	@PostMapping("/moderacija/korisnici/{userId}/{action}")
	ModelAndView sanction(@PathVariable String userId, @PathVariable String action,
			@RequestParam(required = false) String duration, @RequestParam(required = false) String reason,
			HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		if (!moderator(page) || !USER_ID.matcher(userId).matches()
				|| !Set.of("suspend", "ban", "restore").contains(action)) {
			return ModerationView.notFound(page);
		}
		String why = reason == null ? "" : reason.strip();
		Map<String, String> typed = Map.of("action", action, "reason", why, "duration", duration == null ? "" : duration);
		if (why.isEmpty()) {
			return userPage(page, userId, Notice.problem("moderation.reason.required", action + "-reason"), typed,
					HttpStatus.BAD_REQUEST);
		}
		if (why.length() > REASON_MAX) {
			return userPage(page, userId, Notice.problem("moderation.reason.too-long", action + "-reason"), typed,
					HttpStatus.BAD_REQUEST);
		}
		if ("suspend".equals(action) && !SUSPENSIONS.contains(duration)) {
			return userPage(page, userId, Notice.problem("moderation.user.duration", "suspend-duration"), typed,
					HttpStatus.BAD_REQUEST);
		}
		try {
			switch (action) {
				case "suspend" -> this.comments.suspend(userId, duration, why);
				case "ban" -> this.comments.ban(userId, why);
				default -> this.comments.restore(userId, why);
			}
			return userPage(page, userId, Notice.ok("moderation.user.done." + action), null, HttpStatus.OK);
		}
		catch (Refusal refusal) {
			return userPage(page, userId, Refusals.notice(refusal), typed, HttpStatus.BAD_REQUEST);
		}
		catch (ServiceUnavailable ex) {
			return ModerationView.error(page, 503, "moderation.unavailable");
		}
	}

	@GetMapping("/moderacija/dnevnik")
	ModelAndView audit(@RequestParam(name = "komentar", required = false) String commentId,
			HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		if (!moderator(page)) {
			return ModerationView.notFound(page);
		}
		String comment = commentId == null || commentId.isBlank() ? null : commentId.strip();
		if (comment != null && !COMMENT_ID.matcher(comment).matches()) {
			return ModerationView.audit(page, comment, List.of(), Notice.problem("moderation.audit.invalid", "komentar"),
					HttpStatus.BAD_REQUEST);
		}
		try {
			JsonNode answer = comment == null ? this.comments.audit("target", "moderation-settings")
					: this.comments.audit("commentId", comment);
			return ModerationView.audit(page, comment, entries(answer), null, HttpStatus.OK);
		}
		catch (Refusal refusal) {
			return ModerationView.audit(page, comment, List.of(), Refusals.notice(refusal), HttpStatus.BAD_REQUEST);
		}
		catch (ServiceUnavailable ex) {
			return ModerationView.error(page, 503, "moderation.unavailable");
		}
	}

	private ModelAndView userPage(PageContext.Page page, String userId, Notice notice, Map<String, String> typed,
			HttpStatus status) {
		try {
			List<AuditEntry> history = entries(this.comments.audit("userId", userId));
			return ModerationView.user(page, userId, history, notice, typed == null ? Map.of() : typed, status);
		}
		catch (Refusal refusal) {
			return ModerationView.user(page, userId, List.of(), Refusals.notice(refusal), Map.of(), HttpStatus.BAD_REQUEST);
		}
		catch (ServiceUnavailable ex) {
			return ModerationView.error(page, 503, "moderation.unavailable");
		}
	}

	private ModelAndView queuePage(PageContext.Page page, String state, String cursor, Notice notice,
			HttpStatus status) {
		try {
			Queue queue = load(state, cursor);
			return ModerationView.queue(page, queue, notice, status);
		}
		catch (Refusal refusal) {
			return ModerationView.error(page, 400, "error.400");
		}
		catch (ServiceUnavailable ex) {
			return ModerationView.error(page, 503, "moderation.unavailable");
		}
	}

	private ModelAndView queueBody(PageContext.Page page, String state, Notice notice) {
		try {
			return ModerationView.queueBody(page, load(state, null), notice);
		}
		catch (Refusal | ServiceUnavailable ex) {
			return ModerationView.error(page, 503, "moderation.unavailable");
		}
	}

	private Queue load(String state, String cursor) {
		JsonNode answer = this.comments.queue(state, cursor, PAGE_SIZE);
		Map<String, String> headlines = new HashMap<>();
		List<QueueItem> items = new ArrayList<>();
		for (JsonNode comment : answer.path("comments")) {
			items.add(item(comment, headlines));
		}
		JsonNode next = answer.path("next");
		return new Queue(state, items, next.isString() ? next.asString() : null);
	}

	/** A comment with its article's headline (once per article on a page) and the comment it answers. */
	private QueueItem item(JsonNode comment, Map<String, String> headlines) {
		String articleId = comment.path("articleId").asString("");
		String headline = headlines.computeIfAbsent(articleId, id -> {
			JsonNode article = id.isEmpty() ? null : this.articles.article(id);
			return article == null ? "" : article.path("headline").asString("");
		});
		JsonNode parent = null;
		String parentId = comment.path("inReplyTo").asString(comment.path("parentId").asString(null));
		if (parentId != null && COMMENT_ID.matcher(parentId).matches()) {
			try {
				parent = this.comments.comment(parentId);
			}
			catch (Refusal refusal) {
				parent = null;
			}
		}
		return QueueItem.of(comment, headline.isEmpty() ? null : headline, parent);
	}

	private static List<AuditEntry> entries(JsonNode answer) {
		List<AuditEntry> entries = new ArrayList<>();
		answer.path("entries").forEach(entry -> entries.add(AuditEntry.of(entry)));
		return entries;
	}

	static boolean moderator(PageContext.Page page) {
		SignedInPerson person = page.person();
		return person != null && person.roles().stream().anyMatch(MODERATORS::contains);
	}

	private static Long number(String value) {
		if (value == null || !value.matches("[0-9]{1,18}")) {
			return null;
		}
		return Long.valueOf(value);
	}

}
