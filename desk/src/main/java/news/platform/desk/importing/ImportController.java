package news.platform.desk.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

import tools.jackson.databind.JsonNode;

import news.platform.desk.upstream.ArticleService;
import news.platform.desk.upstream.Problem;
import news.platform.desk.upstream.ServiceUnavailable;
import news.platform.desk.web.PageContext;
import news.platform.desk.web.Texts;

/**
 * Import (issue 20 item 5): pasted agency or web text becomes a draft ({@code text/plain}); an
 * uploaded ninjs file becomes a draft (one item) or a list of results per item (a JSON array or
 * NDJSON). One story made or touched opens in the editor; a batch's results are listed with a
 * link to each story and each refusal in words.
 */
@Controller
class ImportController {

	/** article-service's request-body limit: a larger file is refused here without being sent. */
	static final long MAX_BYTES = 1024 * 1024;

	private final ArticleService articles;

	private final PageContext pages;

	ImportController(ArticleService articles, PageContext pages) {
		this.articles = articles;
		this.pages = pages;
	}

	@GetMapping("/uvoz")
	ModelAndView page(HttpServletRequest request) {
		return view(this.pages.page(request), "", Map.of(), List.of(), null, HttpStatus.OK);
	}

	@PostMapping("/uvoz/tekst")
	ModelAndView paste(@RequestParam(name = "tekst", required = false) String text, HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		String typed = text == null ? "" : text;
		if (typed.isBlank()) {
			return view(page, typed, Map.of("text", page.t().t("import.problem.empty-text")), List.of(), null,
					HttpStatus.BAD_REQUEST);
		}
		if (typed.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return view(page, typed, Map.of("text", page.t().t("import.problem.too-large")), List.of(), null,
					HttpStatus.BAD_REQUEST);
		}
		try {
			JsonNode draft = this.articles.importItems("text/plain;charset=UTF-8", typed.getBytes(StandardCharsets.UTF_8));
			return new ModelAndView("redirect:/prica/" + draft.path("id").asString() + "?poruka=imported");
		}
		catch (ArticleService.Refused ex) {
			return view(page, typed, Map.of("text",
					page.t().t("import.problem.refused", ImportProblems.words(page.t(), Problem.of(ex)))),
					List.of(), null, status(ex.status()));
		}
		catch (ServiceUnavailable ex) {
			return view(page, typed, Map.of("form", page.t().t("error.503.text")), List.of(), null,
					HttpStatus.SERVICE_UNAVAILABLE);
		}
	}

	@PostMapping("/uvoz/datoteka")
	ModelAndView upload(@RequestParam(name = "datoteka", required = false) MultipartFile file,
			HttpServletRequest request) throws IOException {
		PageContext.Page page = this.pages.page(request);
		if (file == null || file.isEmpty()) {
			return view(page, "", Map.of("file", page.t().t("import.problem.no-file")), List.of(), null,
					HttpStatus.BAD_REQUEST);
		}
		if (file.getSize() > MAX_BYTES) {
			return view(page, "", Map.of("file", page.t().t("import.problem.too-large")), List.of(), null,
					HttpStatus.BAD_REQUEST);
		}
		byte[] bytes = file.getBytes();
		ImportFile checked = ImportFile.check(bytes);
		if (checked.problem() != null) {
			return view(page, "", Map.of("file", page.t().t(checked.problem(), ImportFile.MAX_ITEMS)), List.of(), null,
					HttpStatus.BAD_REQUEST);
		}
		try {
			JsonNode answer = this.articles.importItems(checked.contentType(), bytes);
			List<ImportResult> results = checked.batch() ? results(page.t(), answer)
					: List.of(single(page.t(), answer, 1));
			List<ImportResult> stories = results.stream().filter(r -> r.articleId() != null).toList();
			if (results.size() == 1 && stories.size() == 1) {
				return new ModelAndView("redirect:/prica/" + stories.get(0).articleId() + "?poruka=imported");
			}
			return view(page, "", Map.of(), results, file.getOriginalFilename(), HttpStatus.OK);
		}
		catch (ArticleService.Refused ex) {
			return view(page, "", Map.of("file",
					page.t().t("import.problem.refused", ImportProblems.words(page.t(), Problem.of(ex)))),
					List.of(), null, status(ex.status()));
		}
		catch (ServiceUnavailable ex) {
			return view(page, "", Map.of("form", page.t().t("error.503.text")), List.of(), null,
					HttpStatus.SERVICE_UNAVAILABLE);
		}
	}

	/** A batch's {@code results}: each a story (or picture) or a refusal with its problem. */
	static List<ImportResult> results(Texts t, JsonNode answer) {
		List<ImportResult> all = new ArrayList<>();
		int n = 0;
		for (JsonNode item : answer.path("results")) {
			n++;
			all.add(single(t, item, item.path("index").isNumber() ? item.path("index").asInt() + 1 : n));
		}
		return all;
	}

	private static ImportResult single(Texts t, JsonNode item, int index) {
		String uri = item.path("uri").asString(item.path("agency").path("uri").asString(""));
		JsonNode problem = item.path("problem");
		if (problem.isObject()) {
			return new ImportResult(index, uri, "refused", null,
					ImportProblems.words(t, Problem.of(problem.path("status").asInt(422), problem)));
		}
		String result = item.path("result").asString("created");
		String articleId = "picture".equals(result) ? null
				: item.path("articleId").asString(item.path("id").asString(null));
		return new ImportResult(index, uri, result, articleId, null);
	}

	private static HttpStatus status(int status) {
		return HttpStatus.valueOf(status >= 400 && status < 500 ? status : 400);
	}

	private static ModelAndView view(PageContext.Page page, String text, Map<String, String> problems,
			List<ImportResult> results, String fileName, HttpStatus status) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("page", page);
		model.put("text", text);
		model.put("problems", problems);
		model.put("results", results);
		model.put("fileName", fileName == null ? "" : fileName);
		return new ModelAndView("importing/page", model, status);
	}

}
