package news.platform.site.readers;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.WebUtils;

import tools.jackson.databind.JsonNode;

import news.platform.autoconfigure.core.PublicUrls;
import news.platform.autoconfigure.session.SessionProperties;
import news.platform.site.content.Article;
import news.platform.site.content.ArticleApi;
import news.platform.site.content.CommentApi;
import news.platform.site.content.Sections;
import news.platform.site.page.Dates;
import news.platform.site.page.PageFactory;
import news.platform.site.page.RelativeTime;
import news.platform.site.page.Texts;
import news.platform.site.page.Views;
import news.platform.site.render.Templates;

/**
 * Everything personal about an article's comments, apart from the cached page: the sign-in state,
 * the comment form, the reader's own comments (pending ones too) and what they can do with
 * someone's comment (reply, react, report). Every answer is {@code Cache-Control: private,
 * no-store}; each is a page without JavaScript and, with {@code HX-Request}, the fragment htmx
 * swaps in. Every form carries the CSRF token; the comment form an Idempotency-Key of its own, so a
 * double click or a re-sent form posts one comment.
 */
@Controller
class ParticipationController {

	static final String PERSONAL = "/citatelj/komentari/";

	static final String ACTIONS = "/citatelj/komentar/";

	private static final List<String> REACTIONS = List.of("like", "insightful", "disagree");

	private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");

	private final ArticleApi articles;

	private final PersonalArticles held;

	private final Sections sections;

	private final PageFactory factory;

	private final Templates templates;

	private final ReaderComments comments;

	private final OAuth2AuthorizedClientManager tokens;

	private final ReaderProperties properties;

	private final String signUpHref;

	private final PublicUrls urls;

	private final Clock clock;

	private final boolean secureCookies;

	ParticipationController(ArticleApi articles, PersonalArticles held, Sections sections, PageFactory factory,
			Templates templates, OAuth2AuthorizedClientManager tokens, ReaderProperties properties, PublicUrls urls,
			Clock clock, @Value("${platform.security.issuer}") String issuer,
			@Value("${platform.upstreams.comment-service:}") String commentService,
			@Value("${site.upstreams.connect-timeout:1s}") java.time.Duration connectTimeout,
			@Value("${site.upstreams.timeout:2s}") java.time.Duration timeout, SessionProperties sessions) {
		this.articles = articles;
		this.held = held;
		this.sections = sections;
		this.factory = factory;
		this.templates = templates;
		this.tokens = tokens;
		this.properties = properties;
		this.clock = clock;
		this.secureCookies = sessions.secureCookie();
		this.comments = new ReaderComments(commentService, connectTimeout, timeout);
		this.urls = urls;
		this.signUpHref = issuer + properties.signUpPath();
	}

	/**
	 * An answer of one of the forms: a message, the text kept when it was refused, and the comment a
	 * post made or an edit changed (null for none).
	 */
	private record Result(String message, boolean error, String text, int status, PersonalView.Posted posted) {

		static final Result NONE = new Result(null, false, null, 200);

		Result(String message, boolean error, String text, int status) {
			this(message, error, text, status, null);
		}

	}

	@GetMapping(PERSONAL + "{articleId}")
	void personal(@PathVariable String articleId, HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		Optional<Article> article = article(articleId);
		if (article.isEmpty()) {
			notFound(response);
			return;
		}
		writePersonal(article.get(), Result.NONE, request, response, authentication);
	}

	@PostMapping(PERSONAL + "{articleId}")
	void post(@PathVariable String articleId, @RequestParam(name = "tekst", required = false) String text,
			@RequestParam(name = "kljuc", required = false) String key,
			@RequestParam(name = "roditelj", required = false) String parentId, HttpServletRequest request,
			HttpServletResponse response, Authentication authentication) throws IOException {
		Optional<Article> found = article(articleId);
		if (found.isEmpty()) {
			notFound(response);
			return;
		}
		Article article = found.get();
		Texts t = this.factory.texts(article.language());
		String parent = parentId == null || parentId.isBlank() ? null : parentId;
		CommentInput input = CommentInput.check(text, this.properties.maxCommentLength());
		Result result;
		if (!input.ok()) {
			result = new Result(t.t(input.problem(), this.properties.maxCommentLength(), input.length()), true,
					input.text(), 422);
		}
		else if (key == null || !CommentInput.KEY.matcher(key).matches()
				|| (parent != null && !CommentApi.COMMENT_ID.matcher(parent).matches())) {
			result = new Result(t.t("readers.problem.form"), true, input.text(), 400);
		}
		else {
			String token = token(authentication, request, response);
			if (token == null) {
				result = new Result(t.t("readers.problem.signedOut"), true, input.text(), 401);
			}
			else {
				ReaderComments.Outcome outcome = this.comments.post(token, articleId, input.text(), parent, key);
				if (outcome.ok()) {
					String id = outcome.body() == null ? null : outcome.body().path("id").asString(null);
					if (id != null) {
						OwnActivity.posted(request.getSession(), articleId, id, this.properties.ownComments());
					}
					String status = outcome.body() == null ? "" : outcome.body().path("status").asString("");
					result = new Result(t.t("pending".equals(status) ? "readers.posted.pending"
							: "rejected".equals(status) ? "readers.posted.rejected" : "readers.posted.visible"), false,
							null, 200,
							posted(t, id, status, outcome.body(), Reader.of(authentication), this.clock.instant()));
				}
				else {
					result = refusal(t, outcome, input.text());
				}
			}
		}
		writePersonal(article, result, request, response, authentication);
	}

	@PostMapping(ACTIONS + "{commentId}/uredi")
	void edit(@PathVariable String commentId, @RequestParam(name = "clanak", required = false) String articleId,
			@RequestParam(name = "tekst", required = false) String text,
			@RequestParam(name = "verzija", required = false) Long version, HttpServletRequest request,
			HttpServletResponse response, Authentication authentication) throws IOException {
		Optional<Article> found = CommentApi.COMMENT_ID.matcher(commentId).matches() ? article(articleId)
				: Optional.empty();
		if (found.isEmpty()) {
			notFound(response);
			return;
		}
		Texts t = this.factory.texts(found.get().language());
		CommentInput input = CommentInput.check(text, this.properties.maxCommentLength());
		Result result;
		if (!input.ok()) {
			result = new Result(t.t(input.problem(), this.properties.maxCommentLength(), input.length()), true, null,
					422);
		}
		else if (version == null) {
			result = new Result(t.t("readers.problem.form"), true, null, 400);
		}
		else {
			String token = token(authentication, request, response);
			ReaderComments.Outcome outcome = token == null ? null
					: this.comments.edit(token, commentId, input.text(), version);
			// the edited comment replaces the list's copy of it on the page, as a post adds one
			result = token == null ? new Result(t.t("readers.problem.signedOut"), true, null, 401)
					: outcome.ok() ? new Result(t.t("readers.edited"), false, null, 200,
							outcome.body() == null ? null : posted(t, commentId,
									outcome.body().path("status").asString(""), outcome.body(),
									Reader.of(authentication), this.clock.instant()))
							: refusal(t, outcome, null);
		}
		writePersonal(found.get(), result, request, response, authentication);
	}

	@PostMapping(ACTIONS + "{commentId}/obrisi")
	void delete(@PathVariable String commentId, @RequestParam(name = "clanak", required = false) String articleId,
			HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		Optional<Article> found = CommentApi.COMMENT_ID.matcher(commentId).matches() ? article(articleId)
				: Optional.empty();
		if (found.isEmpty()) {
			notFound(response);
			return;
		}
		Texts t = this.factory.texts(found.get().language());
		String token = token(authentication, request, response);
		ReaderComments.Outcome outcome = token == null ? null : this.comments.delete(token, commentId);
		Result result = token == null ? new Result(t.t("readers.problem.signedOut"), true, null, 401)
				: outcome.ok() ? new Result(t.t("readers.deleted"), false, null, 200) : refusal(t, outcome, null);
		writePersonal(found.get(), result, request, response, authentication);
	}

	@GetMapping(ACTIONS + "{commentId}")
	void actions(@PathVariable String commentId, HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		Optional<Article> article = articleOfComment(commentId, request, response, authentication);
		if (article.isEmpty()) {
			notFound(response);
			return;
		}
		writeActions(article.get(), commentId, Result.NONE, request, response, authentication);
	}

	@PostMapping(ACTIONS + "{commentId}/reakcija")
	void react(@PathVariable String commentId, @RequestParam(name = "vrsta", required = false) String type,
			HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		Optional<Article> article = articleOfComment(commentId, request, response, authentication);
		if (article.isEmpty()) {
			notFound(response);
			return;
		}
		Texts t = this.factory.texts(article.get().language());
		Result result;
		String token = token(authentication, request, response);
		if (type == null || !REACTIONS.contains(type)) {
			result = new Result(t.t("readers.problem.form"), true, null, 400);
		}
		else if (token == null) {
			result = new Result(t.t("readers.problem.signedOut"), true, null, 401);
		}
		else {
			ReaderComments.Outcome outcome = this.comments.react(token, commentId, type);
			if (outcome.ok()) {
				OwnActivity.reacted(request.getSession(), commentId, type);
				result = new Result(t.t("readers.reacted"), false, null, 200);
			}
			else {
				result = refusal(t, outcome, null);
			}
		}
		writeActions(article.get(), commentId, result, request, response, authentication);
	}

	@PostMapping(ACTIONS + "{commentId}/prijavi")
	void report(@PathVariable String commentId, @RequestParam(name = "razlog", required = false) String reason,
			HttpServletRequest request, HttpServletResponse response, Authentication authentication)
			throws IOException {
		Optional<Article> article = articleOfComment(commentId, request, response, authentication);
		if (article.isEmpty()) {
			notFound(response);
			return;
		}
		Texts t = this.factory.texts(article.get().language());
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		Result result;
		String token = token(authentication, request, response);
		if (why != null && !CommentInput.check(why, 500).ok()) {
			result = new Result(t.t("readers.problem.reason"), true, null, 422);
		}
		else if (token == null) {
			result = new Result(t.t("readers.problem.signedOut"), true, null, 401);
		}
		else {
			ReaderComments.Outcome outcome = this.comments.report(token, commentId, why);
			result = outcome.ok() || "conflict".equals(outcome.problem())
					? new Result(t.t("readers.reported"), false, null, 200) : refusal(t, outcome, null);
		}
		writeActions(article.get(), commentId, result, request, response, authentication);
	}

	// ---------------------------------------------------------------------------------------------

	/** comment-service's refusal in words a reader understands (and when to try again). */
	private Result refusal(Texts t, ReaderComments.Outcome outcome, String keep) {
		return switch (outcome.problem()) {
			case "comments-closed" -> new Result(t.t("readers.problem.closed"), true, keep, 409);
			case "user-banned" -> new Result(t.t("readers.problem.banned"), true, keep, 403);
			case "user-suspended" -> new Result(suspendedUntil(t, outcome.detail()), true, keep, 403);
			case "rate-limited" -> new Result(t.t("readers.problem.rateLimited",
					Math.max(1, outcome.retryAfterSeconds())), true, keep, 429);
			case "edit-window-closed" -> new Result(t.t("readers.problem.editWindow"), true, keep, 409);
			case "version-conflict" -> new Result(t.t("readers.problem.conflict"), true, keep, 409);
			case "validation", "invalid-parameter" -> new Result(t.t("readers.problem.refused"), true, keep, 422);
			case "upstream-unavailable" -> new Result(t.t("readers.problem.unavailable"), true, keep, 503);
			default -> outcome.status() == 401 ? new Result(t.t("readers.problem.signedOut"), true, keep, 401)
					: new Result(t.t("readers.problem.refused"), true, keep, outcome.status() >= 400 ? outcome.status()
							: 502);
		};
	}

	/**
	 * The comment just posted or edited, for the page's list: only one that shows (visible, or
	 * pending to its author).
	 */
	private static PersonalView.Posted posted(Texts t, String id, String status, JsonNode body, Reader reader,
			Instant now) {
		if (id == null || !CommentApi.COMMENT_ID.matcher(id).matches()
				|| !("visible".equals(status) || "pending".equals(status))) {
			return null;
		}
		String parent = body.path("parentId").asString(null);
		Instant created = instant(body.path("createdAt").asString(null));
		String author = body.path("author").path("name").asString(reader == null ? "" : reader.name());
		return new PersonalView.Posted(id, parent != null && CommentApi.COMMENT_ID.matcher(parent).matches() ? parent
				: null, author, status, t.t("readers.status." + status),
				List.of(body.path("text").asString("").split("\n", -1)), body.path("createdAt").asString(""),
				RelativeTime.of(created == null ? now : created, now, t));
	}

	private String suspendedUntil(Texts t, String detail) {
		Matcher matcher = detail == null ? null : INSTANT.matcher(detail);
		if (matcher != null && matcher.find()) {
			try {
				Instant until = Instant.parse(matcher.group());
				// written as every date on the site and in the desk is ("6. prosinca 2026. u 12:12")
				return t.t("readers.problem.suspendedUntil", Dates.dateTime(until, t.locale()));
			}
			catch (DateTimeParseException ex) {
				// the message without its time
			}
		}
		return t.t("readers.problem.suspended");
	}

	private Optional<Article> article(String articleId) {
		if (articleId == null || !CommentApi.ARTICLE_ID.matcher(articleId).matches()) {
			return Optional.empty();
		}
		// the story from memory while no article event has come since it was read (PersonalArticles)
		return this.held.byId(articleId, id -> PersonalTiming.upstream(() -> this.articles.byId(id)));
	}

	private Optional<Article> articleOfComment(String commentId, HttpServletRequest request,
			HttpServletResponse response, Authentication authentication) {
		if (!CommentApi.COMMENT_ID.matcher(commentId).matches()) {
			return Optional.empty();
		}
		ReaderComments.Outcome outcome = this.comments.comment(null, commentId);
		if (!outcome.ok() || outcome.body() == null) {
			return Optional.empty();
		}
		return article(outcome.body().path("articleId").asString(null));
	}

	/** The article's path: where a reader returns after signing in, and the link back to it. */
	private String articlePath(Article article) {
		return this.urls.articlePath(this.sections.pathOf(article.section()), article.slug());
	}

	/** The reader's access token (refreshed when it expired); null when not signed in or no longer. */
	private String token(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		if (Reader.of(authentication) == null) {
			return null;
		}
		try {
			OAuth2AuthorizedClient client = this.tokens.authorize(OAuth2AuthorizeRequest
				.withClientRegistrationId(ReaderSecurity.REGISTRATION)
				.principal(authentication)
				.attribute(HttpServletRequest.class.getName(), request)
				.attribute(HttpServletResponse.class.getName(), response)
				.build());
			return client == null ? null : client.getAccessToken().getTokenValue();
		}
		catch (RuntimeException ex) {
			// the refresh token expired or was revoked: the reader signs in again
			return null;
		}
	}

	private static PersonalView.Csrf csrf(HttpServletRequest request) {
		Object token = request.getAttribute(CsrfToken.class.getName());
		return token instanceof CsrfToken csrf ? new PersonalView.Csrf(csrf.getParameterName(), csrf.getToken()) : null;
	}

	private static boolean fragment(HttpServletRequest request) {
		return request.getHeader("HX-Request") != null;
	}

	private void writePersonal(Article article, Result result, HttpServletRequest request,
			HttpServletResponse response, Authentication authentication) throws IOException {
		Texts t = this.factory.texts(article.language());
		Reader reader = Reader.of(authentication);
		if (reader == null && hinted(request)) {
			// the session ended (expired, or signed out elsewhere): the page stops asking for this box
			response.addHeader(HttpHeaders.SET_COOKIE, ReaderSecurity.signedInHint(this.secureCookies, true));
		}
		String href = articlePath(article);
		List<PersonalView.Own> own = reader == null ? List.of()
				: own(t, article.id(), request, response, authentication);
		Views.Chrome chrome = fragment(request) ? null
				: this.factory.personalChrome(t, t.t("readers.pageTitle", article.headline()));
		PersonalView.Personal page = new PersonalView.Personal(chrome, t, article.id(), href, article.headline(),
				reader == null ? null : reader.name(), reader == null ? null : csrf(request),
				PageFactory.signInHref(href), this.signUpHref, result.message(),
				result.error(), result.text(), UUID.randomUUID().toString(), this.properties.maxCommentLength(), own,
				fragment(request) ? result.posted() : null);
		write(fragment(request) ? "readers/personal-fragment.jte" : "readers/personal.jte", page,
				fragment(request) ? 200 : result.status(), request, response);
	}

	private static boolean hinted(HttpServletRequest request) {
		Cookie hint = WebUtils.getCookie(request, ReaderSecurity.SIGNED_IN_HINT);
		return hint != null && !hint.getValue().isEmpty();
	}

	private void writeActions(Article article, String commentId, Result result, HttpServletRequest request,
			HttpServletResponse response, Authentication authentication) throws IOException {
		Texts t = this.factory.texts(article.language());
		Reader reader = Reader.of(authentication);
		String href = articlePath(article);
		Views.Chrome chrome = fragment(request) ? null
				: this.factory.personalChrome(t, t.t("readers.actionsTitle", article.headline()));
		PersonalView.Actions page = new PersonalView.Actions(chrome, t, commentId, article.id(), href,
				reader == null ? null : reader.name(), reader == null ? null : csrf(request),
				PageFactory.signInHref(href + "#komentar-" + commentId), result.message(),
				result.error(), UUID.randomUUID().toString(), this.properties.maxCommentLength(), REACTIONS,
				reader == null ? null : OwnActivity.reaction(request.getSession(false), commentId));
		write(fragment(request) ? "readers/actions-fragment.jte" : "readers/actions.jte", page,
				fragment(request) ? 200 : result.status(), request, response);
	}

	/**
	 * The reader's own comments on the article, as comment-service shows them to their author: one
	 * call for all of them (a session remembers 20 per article by default; more than comment-service's
	 * bound of 50 at once take a call per 50).
	 */
	private List<PersonalView.Own> own(Texts t, String articleId, HttpServletRequest request,
			HttpServletResponse response, Authentication authentication) {
		List<String> ids = OwnActivity.comments(request.getSession(false), articleId)
			.stream()
			.filter(id -> CommentApi.COMMENT_ID.matcher(id).matches())
			.toList();
		if (ids.isEmpty()) {
			return List.of();
		}
		String token = token(authentication, request, response);
		if (token == null) {
			return List.of();
		}
		Instant now = this.clock.instant();
		List<PersonalView.Own> own = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += ReaderComments.MOST_AT_ONCE) {
			ReaderComments.Outcome outcome = this.comments.comments(token,
					ids.subList(from, Math.min(ids.size(), from + ReaderComments.MOST_AT_ONCE)));
			if (!outcome.ok() || outcome.body() == null) {
				// comment-service did not answer: the box shows without the reader's own comments
				continue;
			}
			for (JsonNode body : outcome.body().path("comments")) {
				String id = body.path("id").asString("");
				if (!CommentApi.COMMENT_ID.matcher(id).matches()) {
					continue;
				}
				String status = body.path("status").asString("");
				String text = body.path("text").asString("");
				Instant created = instant(body.path("createdAt").asString(null));
				boolean live = "visible".equals(status) || "pending".equals(status);
				boolean editable = live && created != null && created.plus(this.properties.editWindow()).isAfter(now);
				own.add(new PersonalView.Own(id, status, t.t("readers.status." + statusKey(status)),
						List.of(text.split("\n", -1)), text, body.path("version").asLong(0), editable,
						!"deleted".equals(status)));
			}
		}
		return own;
	}

	private static String statusKey(String status) {
		return switch (status) {
			case "visible", "pending", "rejected", "deleted" -> status;
			default -> "removed";
		};
	}

	private static Instant instant(String text) {
		try {
			return text == null ? null : Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private void write(String template, Object page, int status, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		byte[] body = this.templates.render(template, page);
		response.setStatus(status);
		response.setContentType("text/html;charset=UTF-8");
		// personal: no cache anywhere may keep it or hand it to another reader
		response.setHeader("Cache-Control", "private, no-store");
		response.setHeader("X-Robots-Tag", "noindex");
		String timing = PersonalTiming.serverTiming(request);
		if (timing != null) {
			response.setHeader("Server-Timing", timing);
		}
		// no Content-Length of our own (Tomcat adds it to an answer that fits its buffer, as the fragment
		// does): with it, the last byte written commits the answer inside Spring Session's filter, which
		// then saves the session there and again when the filter ends, reading it once more from the
		// store in between (the profile of bench/site/readers.sh: a second session read and save)
		response.getOutputStream().write(body);
	}

	private static void notFound(HttpServletResponse response) throws IOException {
		response.setHeader("Cache-Control", "private, no-store");
		response.sendError(404);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
