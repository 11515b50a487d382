package news.platform.desk.story;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import news.platform.desk.agency.AgencyPanels;
import news.platform.desk.taxonomy.Bylines;
import news.platform.desk.translations.TranslationPanels;
import news.platform.desk.upstream.ArticleService;
import news.platform.desk.upstream.ParallelCalls;
import news.platform.desk.upstream.Problem;
import news.platform.desk.upstream.ServiceUnavailable;
import news.platform.desk.web.PageContext;
import news.platform.desk.web.Texts;

/**
 * The story editor: a new story, an existing one, its explicit save and its autosave, workflow
 * actions from the story's {@code allowedActions}, revision history with a side-by-side diff and
 * restore, and preview links. Every write goes to article-service with the person's token; a save
 * refused as stale (412) shows what changed in between beside what the person typed, which is
 * never dropped.
 */
@Controller
class StoryController {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	/** Notices a redirect may name ({@code ?poruka=}); anything else shows none. */
	private static final Set<String> NOTICES = Set.of("saved", "created", "submit", "return", "publish", "schedule",
			"unschedule", "unpublish", "correct", "restored", "preview", "revoked", "profile", "agency-applied",
			"agency-discarded", "imported");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private final ArticleService articles;

	private final ParallelCalls parallel;

	private final PageContext pages;

	private final Bylines bylines;

	private final AgencyPanels agency;

	private final TranslationPanels translations;

	StoryController(ArticleService articles, ParallelCalls parallel, PageContext pages, Bylines bylines,
			AgencyPanels agency, TranslationPanels translations) {
		this.articles = articles;
		this.parallel = parallel;
		this.pages = pages;
		this.bylines = bylines;
		this.agency = agency;
		this.translations = translations;
	}

	@GetMapping("/prica/nova")
	ModelAndView blank(HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		try {
			return editor(page, newStory(sections(), Map.of()), HttpStatus.OK);
		}
		catch (ServiceUnavailable ex) {
			return error(page, 503);
		}
	}

	@PostMapping("/prica/nova")
	ModelAndView create(HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		StoryForm form = StoryForm.from(request);
		try {
			if (!form.problems().isEmpty()) {
				return editor(page, fromForm(page.t(), form, null, sections(), texts(page.t(), form.problems())),
						HttpStatus.BAD_REQUEST);
			}
			ObjectNode input = form.input(null);
			this.bylines.resolve(input);
			JsonNode created = this.articles.create(input);
			return redirect(page, created.path("id").asString(), "created");
		}
		catch (ArticleService.Refused ex) {
			return refusedSave(page, form, null, Problem.of(ex));
		}
		catch (ServiceUnavailable ex) {
			return error(page, 503);
		}
	}

	@GetMapping("/prica/{id}")
	ModelAndView show(@PathVariable String id, @RequestParam(name = "poruka", required = false) String notice,
			HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		if (!ID.matcher(id).matches()) {
			return error(page, 404);
		}
		try {
			// the story first (it refreshes the person's token if needed), then the rest at once
			JsonNode article = this.articles.article(id);
			List<Object> rest = this.parallel.all(List.of(this::sections, () -> previews(page.t(), id)));
			@SuppressWarnings("unchecked")
			List<EditorPage.SectionOption> sections = (List<EditorPage.SectionOption>) rest.get(0);
			@SuppressWarnings("unchecked")
			List<EditorPage.PreviewLink> previews = (List<EditorPage.PreviewLink>) rest.get(1);
			EditorPage view = fromArticle(page.t(), article, sections, previews, Map.of(), null, null,
					notice != null && NOTICES.contains(notice) ? notice : null);
			return editor(page, view, HttpStatus.OK);
		}
		catch (ArticleService.Refused ex) {
			return error(page, 404);
		}
		catch (ServiceUnavailable ex) {
			return error(page, 503);
		}
	}

	@PostMapping("/prica/{id}")
	ModelAndView save(@PathVariable String id, HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		if (!ID.matcher(id).matches()) {
			return error(page, 404);
		}
		StoryForm form = StoryForm.from(request);
		try {
			if (!form.problems().isEmpty() || form.revision() == null) {
				Map<String, String> problems = new LinkedHashMap<>(form.problems());
				if (form.revision() == null) {
					problems.put("form", "problem.form");
				}
				return editor(page, fromForm(page.t(), form, id, sections(), texts(page.t(), problems)),
						HttpStatus.BAD_REQUEST);
			}
			JsonNode stored = form.hasBody() ? null : this.articles.article(id).path("body");
			ObjectNode input = form.input(stored);
			this.bylines.resolve(input);
			JsonNode saved = this.articles.replace(id, input, form.revision(), false);
			return redirect(page, saved.path("id").asString(id), "saved");
		}
		catch (ArticleService.Refused ex) {
			return refusedSave(page, form, id, Problem.of(ex));
		}
		catch (ServiceUnavailable ex) {
			return editor(page, unavailable(page.t(), form, id), HttpStatus.SERVICE_UNAVAILABLE);
		}
	}

	/**
	 * editor.js's save a few seconds after typing stops: JSON for the script, never a page. A stale
	 * revision answers 409 and the script asks the person to save, which shows the conflict.
	 */
	@PostMapping(path = "/prica/{id}/autospremanje", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<Map<String, Object>> autosave(@PathVariable String id, HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		if (!ID.matcher(id).matches()) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("state", "missing"));
		}
		StoryForm form = StoryForm.from(request);
		if (!form.problems().isEmpty() || form.revision() == null || !form.hasBody()) {
			return ResponseEntity.unprocessableContent()
				.body(Map.of("state", "invalid", "fields", texts(page.t(), form.problems())));
		}
		try {
			ObjectNode input = form.input(null);
			this.bylines.resolve(input);
			JsonNode saved = this.articles.replace(id, input, form.revision(), true);
			return ResponseEntity.ok(Map.of("state", "saved", "revision", saved.path("revision").asLong(),
					"savedAt", page.t().dateTime(instant(saved, "updatedAt")), "wordCount",
					saved.path("wordCount").asInt(), "readingMinutes", saved.path("readingMinutes").asInt()));
		}
		catch (ArticleService.Refused ex) {
			Problem problem = Problem.of(ex);
			if (ex.status() == 412) {
				return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("state", "conflict"));
			}
			if (ex.status() == 404) {
				return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("state", "missing"));
			}
			Map<String, String> fields = new LinkedHashMap<>();
			problem.fields().forEach((field, message) -> fields.put(form.editorField(field), message));
			return ResponseEntity.unprocessableContent()
				.body(Map.of("state", "invalid", "fields", fields, "detail", words(problem)));
		}
		catch (ServiceUnavailable ex) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Map.of("state", "unavailable"));
		}
	}

	@PostMapping("/prica/{id}/radnja")
	ModelAndView act(@PathVariable String id, @RequestParam(name = "radnja", required = false) String action,
			@RequestParam(name = "biljeska", required = false) String note,
			@RequestParam(name = "vrijeme", required = false) String at, HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		if (!ID.matcher(id).matches()) {
			return error(page, 404);
		}
		try {
			String api;
			ObjectNode body = null;
			switch (action == null ? "" : action) {
				case "submit", "publish", "unschedule", "unpublish" -> api = action;
				case "return" -> {
					if (note == null || note.isBlank() || note.length() > 2000) {
						return withProblem(page, id, "note", "problem.note");
					}
					api = "reject";
					body = JSON.createObjectNode().put("note", note.strip());
				}
				case "schedule" -> {
					LocalDateTime local = at == null ? null : StoryForm.zoned(at);
					if (local == null) {
						return withProblem(page, id, "when", "problem.time");
					}
					api = "schedule";
					body = JSON.createObjectNode()
						.put("at", local.atZone(StoryForm.NEWSROOM).toOffsetDateTime().toString());
				}
				case "correct" -> {
					if (note == null || note.isBlank() || note.length() > 2000) {
						return withProblem(page, id, "correction", "problem.note");
					}
					api = "corrections";
					body = JSON.createObjectNode().put("text", note.strip());
				}
				case "delete" -> {
					this.articles.delete(id);
					return new ModelAndView("redirect:/?poruka=deleted");
				}
				default -> {
					return withProblem(page, id, "action", "problem.action");
				}
			}
			this.articles.act(id, api, body);
			return redirect(page, id, action);
		}
		catch (ArticleService.Refused ex) {
			if (ex.status() == 404) {
				return error(page, 404);
			}
			return refusedAction(page, id, Problem.of(ex));
		}
		catch (ServiceUnavailable ex) {
			return error(page, 503);
		}
	}

	@GetMapping("/prica/{id}/povijest")
	ModelAndView history(@PathVariable String id, @RequestParam(name = "od", required = false) Long from,
			@RequestParam(name = "do", required = false) Long to, HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		if (!ID.matcher(id).matches()) {
			return error(page, 404);
		}
		try {
			JsonNode article = this.articles.article(id);
			List<HistoryPage.Entry> entries = new ArrayList<>();
			for (JsonNode revision : this.articles.revisions(id)) {
				entries.add(new HistoryPage.Entry(revision.path("revision").asLong(),
						page.t().dateTime(instant(revision, "savedAt")), revision.path("savedBy").asString(""),
						revision.path("action").asString(""), EditorBlock.text(revision, "note"),
						EditorBlock.text(revision, "headline")));
			}
			List<EditorPage.DiffRow> rows = List.of();
			HttpStatus status = HttpStatus.OK;
			String problem = null;
			if (from != null && to != null) {
				try {
					rows = Diffs.rows(this.articles.diff(id, from, to));
				}
				catch (ArticleService.Refused ex) {
					problem = page.t().t("problem.revision");
					status = HttpStatus.BAD_REQUEST;
				}
			}
			List<String> actions = new ArrayList<>();
			article.path("allowedActions").forEach(a -> actions.add(a.asString()));
			HistoryPage view = new HistoryPage(id, article.path("headline").asString(""),
					article.path("revision").asLong(), entries, from, to, rows, actions.contains("restore"), problem);
			return new ModelAndView("history", Map.of("page", page, "view", view), status);
		}
		catch (ArticleService.Refused ex) {
			return error(page, 404);
		}
		catch (ServiceUnavailable ex) {
			return error(page, 503);
		}
	}

	@PostMapping("/prica/{id}/povijest/{n}/vrati")
	ModelAndView restore(@PathVariable String id, @PathVariable long n,
			@RequestParam(name = "verzija", required = false) Long revision, HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		if (!ID.matcher(id).matches()) {
			return error(page, 404);
		}
		try {
			if (revision == null) {
				return withProblem(page, id, "form", "problem.form");
			}
			this.articles.restore(id, n, revision);
			return redirect(page, id, "restored");
		}
		catch (ArticleService.Refused ex) {
			if (ex.status() == 404 && Problem.of(ex).fields().isEmpty()) {
				return error(page, 404);
			}
			return refusedAction(page, id, Problem.of(ex));
		}
		catch (ServiceUnavailable ex) {
			return error(page, 503);
		}
	}

	@PostMapping("/prica/{id}/pregledi")
	ModelAndView createPreview(@PathVariable String id, HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		if (!ID.matcher(id).matches()) {
			return error(page, 404);
		}
		try {
			this.articles.createPreview(id);
			return redirect(page, id, "preview");
		}
		catch (ArticleService.Refused ex) {
			return ex.status() == 404 ? error(page, 404) : refusedAction(page, id, Problem.of(ex));
		}
		catch (ServiceUnavailable ex) {
			return error(page, 503);
		}
	}

	@PostMapping("/prica/{id}/pregledi/{link}/opozovi")
	ModelAndView revokePreview(@PathVariable String id, @PathVariable String link, HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		if (!ID.matcher(id).matches() || !ID.matcher(link).matches()) {
			return error(page, 404);
		}
		try {
			this.articles.revokePreview(id, link);
			return redirect(page, id, "revoked");
		}
		catch (ArticleService.Refused ex) {
			return ex.status() == 404 ? error(page, 404) : refusedAction(page, id, Problem.of(ex));
		}
		catch (ServiceUnavailable ex) {
			return error(page, 503);
		}
	}

	/**
	 * A save the service refused. A stale revision (412): the person's text stays in the form, the
	 * diff from their base to the current revision is shown, and the form now carries the current
	 * revision, so saving again keeps their version (reloading takes the other). A field at fault
	 * (422, 409 slug taken): marked where it is.
	 */
	private ModelAndView refusedSave(PageContext.Page page, StoryForm form, String id, Problem problem) {
		if (problem.status() == 404) {
			return error(page, 404);
		}
		Map<String, String> problems = new LinkedHashMap<>();
		if (problem.status() != 412) {
			// a stale revision names the If-Match header, not a field the person typed: the conflict box says it
			problem.fields().forEach((field, message) -> problems.put(form.editorField(field),
					page.t().t("problem.refused-field", message)));
		}
		EditorPage.Conflict conflict = null;
		long revision = form.revision() == null ? 0 : form.revision();
		HttpStatus status = HttpStatus.valueOf(problem.status() == 412 ? 409
				: problem.status() >= 400 && problem.status() < 500 ? problem.status() : 400);
		if (problem.status() == 412 && id != null) {
			JsonNode current = this.articles.article(id);
			long theirs = current.path("revision").asLong();
			List<EditorPage.DiffRow> rows = form.revision() != null && form.revision() >= 1 && form.revision() < theirs
					? Diffs.rows(this.articles.diff(id, form.revision(), theirs)) : List.of();
			conflict = new EditorPage.Conflict(revision, theirs, current.path("updatedBy").asString(""), rows);
			revision = theirs;
		}
		EditorPage view = fromForm(page.t(), form, id, sections(), problems);
		view = new EditorPage(view.id(), revision, view.status(), view.returned(), view.returnNote(), view.headline(),
				view.standfirst(), view.section(), view.sections(), view.tags(), view.authors(), view.language(),
				view.slug(), view.embargo(), view.commentsOpen(), view.commentsCloseAt(), view.source(),
				view.heroMediaId(), view.blocks(), view.bodyPlain(), view.bodyPlainEditable(), view.wordCount(),
				view.readingMinutes(), view.actions(), view.scheduledAt(), view.publishedAt(), view.url(),
				view.previews(), view.problems(), conflict == null && problems.isEmpty() ? problem : null, conflict,
				null);
		return editor(page, view, status);
	}

	/** The story again with the refusal of an action in words. */
	private ModelAndView refusedAction(PageContext.Page page, String id, Problem problem) {
		JsonNode article = this.articles.article(id);
		EditorPage view = fromArticle(page.t(), article, sections(), previews(page.t(), id), Map.of(), problem, null,
				null);
		return editor(page, view, HttpStatus.valueOf(problem.status() >= 400 && problem.status() < 500
				? problem.status() : 400));
	}

	private ModelAndView withProblem(PageContext.Page page, String id, String field, String key) {
		JsonNode article = this.articles.article(id);
		EditorPage view = fromArticle(page.t(), article, sections(), previews(page.t(), id),
				Map.of(field, page.t().t(key)), null, null, null);
		return editor(page, view, HttpStatus.BAD_REQUEST);
	}

	private EditorPage unavailable(Texts t, StoryForm form, String id) {
		EditorPage view = fromForm(t, form, id, List.of(), Map.of("form", t.t("error.503.text")));
		return view;
	}

	private EditorPage newStory(List<EditorPage.SectionOption> sections, Map<String, String> problems) {
		return new EditorPage(null, 0, "draft", false, null, "", "", null, sections, "", "", "hr", "", "", true, null,
				null, null, List.of(EditorBlock.paragraph("")), "", true, 0, 0, List.of(), null, null, null, List.of(),
				problems, null, null, null);
	}

	/** The story as stored. */
	private EditorPage fromArticle(Texts t, JsonNode a, List<EditorPage.SectionOption> sections,
			List<EditorPage.PreviewLink> previews, Map<String, String> problems, Problem refusal,
			EditorPage.Conflict conflict, String notice) {
		List<EditorBlock> blocks = new ArrayList<>();
		List<String> paragraphs = new ArrayList<>();
		for (JsonNode block : a.path("body")) {
			blocks.add(EditorBlock.fromApi(block));
			paragraphs.add(block.path("text").asString(""));
		}
		if (blocks.isEmpty()) {
			blocks.add(EditorBlock.paragraph(""));
		}
		List<String> actions = new ArrayList<>();
		a.path("allowedActions").forEach(action -> actions.add(action.asString()));
		JsonNode note = a.path("returnNote");
		EditorPage.ReturnNote returnNote = a.path("returned").asBoolean(false) && note.isObject()
				? new EditorPage.ReturnNote(note.path("text").asString(""), note.path("by").asString(""),
						t.dateTime(instant(note, "at")))
				: null;
		return new EditorPage(a.path("id").asString(), a.path("revision").asLong(),
				a.path("status").asString("DRAFT").toLowerCase(java.util.Locale.ROOT),
				a.path("returned").asBoolean(false), returnNote, a.path("headline").asString(""),
				EditorBlock.text(a, "standfirst"), EditorBlock.text(a, "section"), sections, join(a.path("tags"), "name"),
				join(a.path("authors"), "name"), a.path("language").asString("hr"), a.path("slug").asString(""),
				localInput(instant(a, "embargoUntil")), a.path("commentsOpen").asBoolean(true),
				EditorBlock.text(a, "commentsCloseAt"), EditorBlock.text(a, "source"),
				EditorBlock.text(a, "heroMediaId"), blocks, String.join("\n\n", paragraphs),
				EditorBlock.plainParagraphs(blocks), a.path("wordCount").asInt(), a.path("readingMinutes").asInt(),
				actions, t.dateTime(instant(a, "scheduledAt")), t.dateTime(instant(a, "publishedAt")),
				EditorBlock.text(a, "url"), previews, problems, refusal, conflict, notice);
	}

	/** The story as the person sent it (a refused or failed save): nothing they typed is dropped. */
	private EditorPage fromForm(Texts t, StoryForm form, String id, List<EditorPage.SectionOption> sections,
			Map<String, String> problems) {
		JsonNode stored = id == null ? null : this.articleOrNull(id);
		List<EditorBlock> blocks = new ArrayList<>(form.editorBlocks());
		for (Map.Entry<String, String> problem : problems.entrySet()) {
			if (problem.getKey().startsWith("body[")) {
				try {
					int k = Integer.parseInt(problem.getKey().substring(5, problem.getKey().indexOf(']')));
					if (k < blocks.size()) {
						blocks.set(k, blocks.get(k).withProblem(problem.getValue()));
					}
				}
				catch (RuntimeException ex) {
					// not a block index: shown with the form's problems
				}
			}
		}
		boolean keptStored = !form.hasBody() && stored != null;
		if (keptStored) {
			for (JsonNode block : stored.path("body")) {
				blocks.add(EditorBlock.fromApi(block));
			}
		}
		if (blocks.isEmpty()) {
			blocks.add(EditorBlock.paragraph(""));
		}
		List<String> actions = new ArrayList<>();
		if (stored != null) {
			stored.path("allowedActions").forEach(action -> actions.add(action.asString()));
		}
		String bodyPlain = form.bodyText() != null ? form.bodyText()
				: String.join("\n\n", blocks.stream().map(b -> RichTextHtml.plain(b.html())).toList());
		return new EditorPage(id, form.revision() == null ? 0 : form.revision(),
				stored == null ? "draft" : stored.path("status").asString("DRAFT").toLowerCase(java.util.Locale.ROOT),
				false, null, orEmpty(form.headline()), form.standfirst(), form.section(), sections, orEmpty(form.tags()),
				orEmpty(form.authors()), form.language() == null ? "hr" : form.language(), orEmpty(form.slug()),
				orEmpty(form.embargo()), form.commentsOpen(), form.commentsCloseAt(), form.source(), form.heroMediaId(),
				blocks, bodyPlain, EditorBlock.plainParagraphs(blocks), 0, 0, actions, null, null, null, List.of(),
				problems, null, null, null);
	}

	private JsonNode articleOrNull(String id) {
		try {
			return this.articles.article(id);
		}
		catch (ArticleService.Refused | ServiceUnavailable ex) {
			return null;
		}
	}

	private List<EditorPage.SectionOption> sections() {
		List<EditorPage.SectionOption> options = new ArrayList<>();
		for (JsonNode section : this.articles.sections().path("sections")) {
			String name = section.path("name").asString("");
			options.add(new EditorPage.SectionOption(section.path("path").asString(""), name));
			for (JsonNode child : section.path("children")) {
				options.add(new EditorPage.SectionOption(child.path("path").asString(""),
						name + " › " + child.path("name").asString("")));
			}
		}
		return options;
	}

	private List<EditorPage.PreviewLink> previews(Texts t, String id) {
		List<EditorPage.PreviewLink> links = new ArrayList<>();
		try {
			JsonNode answer = this.articles.previews(id);
			JsonNode items = answer.isArray() ? answer : answer.path("links");
			for (JsonNode link : items) {
				links.add(new EditorPage.PreviewLink(link.path("id").asString(""), link.path("url").asString(""),
						t.dateTime(instant(link, "expiresAt"))));
			}
		}
		catch (ArticleService.Refused ex) {
			// a published story has no preview links: the list stays empty
		}
		return links;
	}

	private static Map<String, String> texts(Texts t, Map<String, String> keys) {
		Map<String, String> texts = new LinkedHashMap<>();
		keys.forEach((field, key) -> texts.put(field, t.t(key)));
		return texts;
	}

	private static String words(Problem problem) {
		return problem.detail().isBlank() ? problem.title() : problem.title() + ": " + problem.detail();
	}

	private ModelAndView editor(PageContext.Page page, EditorPage view, HttpStatus status) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("page", page);
		model.put("view", view);
		if (!view.isNew()) {
			// each is left out when it cannot be read now: the editor works without them; asked at once
			List<Object> panels = this.parallel.all(List.of(
					() -> this.agency.load(view.id(), view.revision(), page.person(), page.t()),
					() -> this.translations.load(view.id(), view.headline(), view.revision(), page.person()),
					this::needsProfile));
			model.put("agency", panels.get(0));
			model.put("translations", panels.get(1));
			model.put("needsProfile", panels.get(2));
		}
		return new ModelAndView("story", model, status);
	}

	/** Whether to offer "make my author profile": article-service answers 404 until the person has one. */
	private boolean needsProfile() {
		try {
			this.articles.myAuthorProfile();
			return false;
		}
		catch (ArticleService.Refused ex) {
			return ex.status() == 404;
		}
		catch (ServiceUnavailable ex) {
			return false;
		}
	}

	private static ModelAndView redirect(PageContext.Page page, String id, String notice) {
		return new ModelAndView("redirect:/prica/" + id + "?poruka=" + notice);
	}

	private static ModelAndView error(PageContext.Page page, int status) {
		return new ModelAndView("error", Map.of("page", page, "status", status, "key", "error." + status),
				HttpStatus.valueOf(status));
	}

	private static Instant instant(JsonNode node, String field) {
		String value = EditorBlock.text(node, field);
		try {
			return value == null ? null : OffsetDateTime.parse(value).toInstant();
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static String localInput(Instant instant) {
		return instant == null ? "" : LOCAL_INPUT.format(instant.atZone(StoryForm.NEWSROOM));
	}

	/**
	 * Tags and authors as the field shows them: article-service answers each as {@code {id, slug,
	 * name}} (an older free-text byline as {@code {name}} only) and takes back a tag's name or slug
	 * and an author's slug; plain strings are kept as they are.
	 */
	private static String join(JsonNode values, String preferred) {
		List<String> all = new ArrayList<>();
		values.forEach(v -> {
			if (v.isObject()) {
				String value = v.path(preferred).asString("");
				all.add(value.isEmpty() ? v.path("name").asString("") : value);
			}
			else {
				all.add(v.asString(""));
			}
		});
		all.removeIf(String::isEmpty);
		return String.join(", ", all);
	}

	private static String orEmpty(String value) {
		return value == null ? "" : value;
	}

}
