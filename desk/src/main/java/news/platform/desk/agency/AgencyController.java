package news.platform.desk.agency;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import news.platform.desk.upstream.ArticleService;
import news.platform.desk.upstream.Problem;
import news.platform.desk.upstream.ServiceUnavailable;
import news.platform.desk.web.PageContext;

/**
 * Applying or discarding an agency's pending update of a published story, at the revision the
 * editor showed ({@code If-Match}). A refusal is a page in words with the way back to the story.
 */
@Controller
class AgencyController {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final ArticleService articles;

	private final PageContext pages;

	AgencyController(ArticleService articles, PageContext pages) {
		this.articles = articles;
		this.pages = pages;
	}

	@PostMapping("/prica/{id}/agencija/primijeni")
	ModelAndView apply(@PathVariable String id, @RequestParam(name = "verzija", required = false) Long revision,
			HttpServletRequest request) {
		return decide(id, revision, true, request);
	}

	@PostMapping("/prica/{id}/agencija/odbaci")
	ModelAndView discard(@PathVariable String id, @RequestParam(name = "verzija", required = false) Long revision,
			HttpServletRequest request) {
		return decide(id, revision, false, request);
	}

	private ModelAndView decide(String id, Long revision, boolean apply, HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		if (!ID.matcher(id).matches()) {
			return new ModelAndView("error", Map.of("page", page, "status", 404, "key", "error.404"),
					HttpStatus.NOT_FOUND);
		}
		if (revision == null || revision < 1) {
			return refused(page, id, 400, page.t().t("problem.form"), "");
		}
		try {
			if (apply) {
				this.articles.applyPendingUpdate(id, revision);
			}
			else {
				this.articles.discardPendingUpdate(id, revision);
			}
			return new ModelAndView("redirect:/prica/" + id + "?poruka=" + (apply ? "agency-applied" : "agency-discarded"));
		}
		catch (ArticleService.Refused ex) {
			Problem problem = Problem.of(ex);
			if (ex.status() == 404 && problem.fields().isEmpty() && problem.type().endsWith("not-found")) {
				return new ModelAndView("error", Map.of("page", page, "status", 404, "key", "error.404"),
						HttpStatus.NOT_FOUND);
			}
			String words = ex.status() == 412 ? page.t().t("agency.stale")
					: ex.status() == 403 ? page.t().t("agency.forbidden") : page.t().t("agency.refused");
			String detail = problem.detail().isBlank() ? problem.title() : problem.detail();
			return refused(page, id, ex.status(), words, detail);
		}
		catch (ServiceUnavailable ex) {
			return new ModelAndView("error", Map.of("page", page, "status", 503, "key", "error.503"),
					HttpStatus.SERVICE_UNAVAILABLE);
		}
	}

	private static ModelAndView refused(PageContext.Page page, String id, int status, String words, String detail) {
		return new ModelAndView("agency/refused",
				Map.of("page", page, "storyId", id, "words", words, "detail", detail == null ? "" : detail),
				HttpStatus.valueOf(status >= 400 && status < 500 ? status : 400));
	}

}
