package news.platform.desk.taxonomy;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import tools.jackson.databind.JsonNode;

import news.platform.desk.upstream.ArticleService;
import news.platform.desk.upstream.ServiceUnavailable;
import news.platform.desk.web.PageContext;

/**
 * Suggestions for the editor's tag and author fields (htmx asks as the person types; without
 * JavaScript the fields are plain comma-separated text) and "make my author profile".
 */
@Controller
class TaxonomyController {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	/** Enough to choose from without scrolling a long list under a field. */
	private static final int LIMIT = 8;

	private final ArticleService articles;

	private final PageContext pages;

	TaxonomyController(ArticleService articles, PageContext pages) {
		this.articles = articles;
		this.pages = pages;
	}

	/** {@code tags}: the field's whole value; suggestions are for the word after its last comma. */
	@GetMapping("/predlozi/oznake")
	ModelAndView tags(@RequestParam(required = false) String tags, HttpServletRequest request) {
		return suggest(request, "tags-options", tags, true);
	}

	@GetMapping("/predlozi/autori")
	ModelAndView authors(@RequestParam(required = false) String authors, HttpServletRequest request) {
		return suggest(request, "authors-options", authors, false);
	}

	/**
	 * Makes the person's own author profile from their sign-in (article-service's
	 * {@code POST /api/v1/authors/me}) and goes back to the story they were editing.
	 */
	@PostMapping("/autori/ja")
	ModelAndView createProfile(@RequestParam(name = "natrag", required = false) String story,
			HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		try {
			this.articles.createMyAuthorProfile();
		}
		catch (ArticleService.Refused ex) {
			return new ModelAndView("error", Map.of("page", page, "status", 400, "key", "error.profile"),
					HttpStatus.BAD_REQUEST);
		}
		catch (ServiceUnavailable ex) {
			return new ModelAndView("error", Map.of("page", page, "status", 503, "key", "error.503"),
					HttpStatus.SERVICE_UNAVAILABLE);
		}
		boolean toStory = story != null && ID.matcher(story).matches();
		return new ModelAndView(toStory ? "redirect:/prica/" + story + "?poruka=profile" : "redirect:/prica/nova");
	}

	private ModelAndView suggest(HttpServletRequest request, String listId, String field, boolean tags) {
		PageContext.Page page = this.pages.page(request);
		String term = Suggestions.term(field);
		if (!Suggestions.acceptable(term)) {
			// too long or with control characters: nothing is asked, the field keeps what was typed
			return options(page, listId, List.of(), HttpStatus.BAD_REQUEST);
		}
		if (term.isEmpty()) {
			return options(page, listId, List.of(), HttpStatus.OK);
		}
		try {
			JsonNode answer = tags ? this.articles.tags(term, LIMIT) : this.articles.authors(term, LIMIT);
			return options(page, listId, tags ? Suggestions.tags(answer) : Suggestions.authors(answer), HttpStatus.OK);
		}
		catch (ArticleService.Refused | ServiceUnavailable ex) {
			// suggestions are a help: without them the field is still plain text
			return options(page, listId, List.of(), HttpStatus.OK);
		}
	}

	private static ModelAndView options(PageContext.Page page, String listId, List<Suggestion> options,
			HttpStatus status) {
		return new ModelAndView("taxonomy/options", Map.of("page", page, "listId", listId, "options", options),
				status);
	}

}
