package news.platform.desk.translations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import news.platform.desk.upstream.ArticleService;
import news.platform.desk.upstream.Problem;
import news.platform.desk.upstream.ServiceUnavailable;
import news.platform.desk.web.PageContext;

/**
 * A story's translations on their own page: the group as it is, and (editors) the whole group
 * typed as story ids or desk addresses, one per line, sent as {@code PUT
 * /api/v1/articles/{id}/translations} with {@code If-Match}. A refusal names the item it is about
 * in words, and what was typed stays in the field.
 */
@Controller
class TranslationsController {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	/** A story's desk address ({@code …/desk/prica/{id}}) names it too. */
	private static final Pattern DESK_ADDRESS = Pattern.compile("^(?:https?://[^/\\s]+)?/desk/prica/([A-Za-z0-9_-]{1,64})/?$");

	private static final Pattern ITEM = Pattern.compile("translations\\[(\\d+)]");

	/** article-service's limit for one group. */
	static final int MAX = 20;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ArticleService articles;

	private final PageContext pages;

	TranslationsController(ArticleService articles, PageContext pages) {
		this.articles = articles;
		this.pages = pages;
	}

	@GetMapping("/prica/{id}/prijevodi")
	ModelAndView show(@PathVariable String id, @RequestParam(name = "poruka", required = false) String notice,
			HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		if (!ID.matcher(id).matches()) {
			return error(page, 404);
		}
		try {
			TranslationPanel panel = panel(page, id);
			String typed = String.join("\n", panel.items().stream().map(TranslationPanel.Translation::id).toList());
			return view(page, panel, typed, List.of(), "saved".equals(notice), HttpStatus.OK);
		}
		catch (ArticleService.Refused ex) {
			return error(page, 404);
		}
		catch (ServiceUnavailable ex) {
			return error(page, 503);
		}
	}

	@PostMapping("/prica/{id}/prijevodi")
	ModelAndView save(@PathVariable String id, @RequestParam(name = "prijevodi", required = false) String typed,
			@RequestParam(name = "verzija", required = false) Long revision, HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		if (!ID.matcher(id).matches()) {
			return error(page, 404);
		}
		String text = typed == null ? "" : typed;
		try {
			List<String> problems = new ArrayList<>();
			List<String> ids = parse(page, text, problems);
			if (revision == null || revision < 1) {
				problems.add(page.t().t("problem.form"));
			}
			if (!problems.isEmpty()) {
				return view(page, panel(page, id), text, problems, false, HttpStatus.BAD_REQUEST);
			}
			ObjectNode input = JSON.createObjectNode();
			ArrayNode list = input.putArray("translations");
			ids.forEach(list::add);
			this.articles.linkTranslations(id, input, revision);
			return new ModelAndView("redirect:/prica/" + id + "/prijevodi?poruka=saved");
		}
		catch (ArticleService.Refused ex) {
			if (ex.status() == 404) {
				return error(page, 404);
			}
			List<String> ids = parse(page, text, new ArrayList<>());
			return view(page, panel(page, id), text, refusal(page, Problem.of(ex), ids), false,
					HttpStatus.valueOf(ex.status() >= 400 && ex.status() < 500 ? ex.status() : 400));
		}
		catch (ServiceUnavailable ex) {
			return error(page, 503);
		}
	}

	/** Ids from what was typed (ids or desk addresses, by lines, commas or spaces), problems by item. */
	static List<String> parse(PageContext.Page page, String text, List<String> problems) {
		Set<String> ids = new LinkedHashSet<>();
		int n = 0;
		for (String token : text.split("[\\s,]+")) {
			if (token.isEmpty()) {
				continue;
			}
			n++;
			Matcher address = DESK_ADDRESS.matcher(token);
			String id = address.matches() ? address.group(1) : token;
			if (!ID.matcher(id).matches()) {
				problems.add(page.t().t("translations.not-an-id", n, abbreviate(token)));
			}
			else if (!ids.add(id)) {
				problems.add(page.t().t("translations.twice", n, id));
			}
		}
		if (n > MAX) {
			problems.add(page.t().t("translations.too-many", MAX));
		}
		return new ArrayList<>(ids);
	}

	/** article-service's refusal in words, each naming the item ({@code translations[i]}) it is about. */
	private static List<String> refusal(PageContext.Page page, Problem problem, List<String> ids) {
		List<String> lines = new ArrayList<>();
		if (problem.status() == 412 || problem.status() == 428) {
			lines.add(page.t().t("translations.stale"));
			return lines;
		}
		if (problem.status() == 403) {
			lines.add(page.t().t("translations.forbidden"));
			return lines;
		}
		Map<String, String> fields = new LinkedHashMap<>(problem.fields());
		fields.forEach((field, message) -> {
			Matcher item = ITEM.matcher(field);
			if (item.matches()) {
				int i = Integer.parseInt(item.group(1));
				lines.add(page.t().t("translations.item-refused", i + 1, i < ids.size() ? ids.get(i) : "?", message));
			}
			else {
				lines.add(page.t().t("translations.refused", message));
			}
		});
		if (lines.isEmpty()) {
			lines.add(page.t().t("translations.refused",
					problem.detail().isBlank() ? problem.title() : problem.detail()));
		}
		return lines;
	}

	private TranslationPanel panel(PageContext.Page page, String id) {
		JsonNode article = this.articles.article(id);
		return TranslationPanels.panel(id, article.path("headline").asString(""), article.path("revision").asLong(),
				this.articles.translations(id), page.person());
	}

	private static ModelAndView view(PageContext.Page page, TranslationPanel panel, String typed,
			List<String> problems, boolean saved, HttpStatus status) {
		return new ModelAndView("translations/page",
				Map.of("page", page, "panel", panel, "typed", typed, "problems", problems, "saved", saved), status);
	}

	private static ModelAndView error(PageContext.Page page, int status) {
		return new ModelAndView("error", Map.of("page", page, "status", status, "key", "error." + status),
				HttpStatus.valueOf(status));
	}

	private static String abbreviate(String token) {
		return token.length() > 40 ? token.substring(0, 40) + "…" : token;
	}

}
