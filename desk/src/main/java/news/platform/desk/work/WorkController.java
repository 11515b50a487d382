package news.platform.desk.work;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import tools.jackson.databind.JsonNode;

import news.platform.desk.DeskProperties;
import news.platform.desk.signin.SignedInPerson;
import news.platform.desk.upstream.ArticleService;
import news.platform.desk.upstream.ParallelCalls;
import news.platform.desk.upstream.ServiceUnavailable;
import news.platform.desk.web.PageContext;

/**
 * The dashboard (a few stories of each work list, counts per status) and a list on its own page
 * with filters and keyset paging ("older stories" loads the next page in place with htmx, and is a
 * plain link without JavaScript).
 */
@Controller
class WorkController {

	private static final List<String> AGENCY_FILTERS = List.of("pending-update", "withdrawn");

	private final ArticleService articles;

	private final ParallelCalls parallel;

	private final PageContext pages;

	private final int pageSize;

	WorkController(ArticleService articles, ParallelCalls parallel, PageContext pages, DeskProperties properties) {
		this.articles = articles;
		this.parallel = parallel;
		this.pages = pages;
		this.pageSize = properties.dashboard().pageSize();
	}

	@GetMapping("/")
	ModelAndView dashboard(HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		SignedInPerson person = page.person();
		try {
			// first on its own: it refreshes the person's token if needed, before the shelves fan out
			Map<String, Long> counts = counts(this.articles.counts(person.editor() ? "" : "owner=me"));
			List<WorkList> lists = WorkList.forPerson(person);
			List<Supplier<Object>> calls = new ArrayList<>();
			for (WorkList list : lists) {
				calls.add(() -> this.articles.list(list.query() + "&limit=" + this.pageSize));
			}
			String mine = person.editor() ? "" : "&owner=me";
			for (String filter : AGENCY_FILTERS) {
				calls.add(() -> agencyShelf(filter, mine));
			}
			List<Object> answers = this.parallel.all(calls);
			List<Shelf> shelves = new ArrayList<>();
			for (int i = 0; i < lists.size(); i++) {
				JsonNode answer = (JsonNode) answers.get(i);
				shelves.add(new Shelf(lists.get(i).key(), Story.all(answer), answer.path("nextCursor").isString()));
			}
			List<AgencyShelf> agencyShelves = new ArrayList<>();
			for (Object shelf : answers.subList(lists.size(), answers.size())) {
				agencyShelves.add((AgencyShelf) shelf);
			}
			return new ModelAndView("dashboard", Map.of("page", page, "counts", counts, "shelves", shelves,
					"agencyShelves", agencyShelves));
		}
		catch (ServiceUnavailable ex) {
			return unavailable(page);
		}
	}

	@GetMapping("/popis/{key}")
	ModelAndView list(@PathVariable String key, @RequestParam(required = false) String q,
			@RequestParam(required = false) String section, @RequestParam(required = false) String tag,
			@RequestParam(required = false) String author, @RequestParam(required = false) String cursor,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		WorkList list = WorkList.of(key, page.person());
		if (list == null) {
			return new ModelAndView("error", Map.of("page", page, "status", 404, "key", "error.404"),
					HttpStatus.NOT_FOUND);
		}
		ListFilters filters = ListFilters.of(q, section, tag, author, cursor);
		Map<String, String> problems = filters.problems();
		if (!problems.isEmpty()) {
			return new ModelAndView("list", model(page, list, filters, List.of(), null, problems),
					HttpStatus.BAD_REQUEST);
		}
		try {
			String query = list.query() + "&limit=" + this.pageSize + filters.query();
			JsonNode answer = filters.searching() ? this.articles.search(query) : this.articles.list(query);
			JsonNode next = answer.path("nextCursor");
			Map<String, Object> model = model(page, list, filters, Story.all(answer),
					next.isString() ? next.asString() : null, Map.of());
			return new ModelAndView(htmx != null && filters.cursor() != null ? "list-rows" : "list", model);
		}
		catch (ArticleService.Refused ex) {
			// a filter article-service refused (an unknown section): shown at the filters, nothing else
			return new ModelAndView("list",
					model(page, list, filters, List.of(), null, Map.of("filters", "filter.refused")),
					HttpStatus.BAD_REQUEST);
		}
		catch (ServiceUnavailable ex) {
			return unavailable(page);
		}
	}

	/**
	 * Agency items with a pending update, or those the agency withdrew. A list article-service
	 * refuses (a 400 while its {@code agency} filter is not there) leaves its shelf empty with a
	 * quiet notice; the rest of the dashboard is unaffected.
	 */
	private AgencyShelf agencyShelf(String filter, String mine) {
		try {
			JsonNode answer = this.articles.list("agency=" + filter + mine + "&limit=" + this.pageSize);
			return new AgencyShelf(filter, Story.all(answer), answer.path("nextCursor").isString(), false);
		}
		catch (ArticleService.Refused ex) {
			return new AgencyShelf(filter, List.of(), false, true);
		}
	}

	private static Map<String, Object> model(PageContext.Page page, WorkList list, ListFilters filters,
			List<Story> stories, String nextCursor, Map<String, String> problems) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("page", page);
		model.put("view", new ListView(list.key(), filters.q(), filters.section(), filters.tag(), filters.author(),
				stories, nextCursor == null ? null : page.base() + "/popis/" + list.key() + "?cursor=" + nextCursor
						+ filters.pageQuery(),
				problems));
		return model;
	}

	private static ModelAndView unavailable(PageContext.Page page) {
		return new ModelAndView("error", Map.of("page", page, "status", 503, "key", "error.503"),
				HttpStatus.SERVICE_UNAVAILABLE);
	}

	private static Map<String, Long> counts(JsonNode answer) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String status : List.of("returned", "draft", "in_review", "scheduled", "published", "unpublished")) {
			counts.put(status, answer.path(status).asLong(0));
		}
		return counts;
	}

}
