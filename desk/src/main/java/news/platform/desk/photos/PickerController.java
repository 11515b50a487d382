package news.platform.desk.photos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import tools.jackson.databind.JsonNode;

import news.platform.desk.upstream.MediaService;
import news.platform.desk.upstream.Refusal;
import news.platform.desk.upstream.ServiceUnavailable;
import news.platform.desk.web.PageContext;

/**
 * The story editor's photo picker: a fragment of the library (words, newest first, a page at a
 * time) or of the pictures a story already names ({@code ids=}, for their thumbnails beside the
 * fields), which picker.js puts into its dialog. Each picture is a button carrying its id and
 * texts; choosing one fills the hero's or an image block's media-id field. Without JavaScript the
 * fields take a media id typed or pasted from the library's address, and this is never asked.
 */
@Controller
class PickerController {

	static final int PAGE_SIZE = 12;

	private static final Pattern MEDIA_ID = Pattern.compile("[0-9a-f]{24}");

	/** media-service answers up to 100 ids in one {@code ids=}. */
	private static final int MAX_IDS = 100;

	private final MediaService media;

	private final PageContext pages;

	PickerController(MediaService media, PageContext pages) {
		this.media = media;
		this.pages = pages;
	}

	@GetMapping("/fotografije/odabir")
	ModelAndView pick(@RequestParam(required = false) String q, @RequestParam(required = false) String ids,
			@RequestParam(required = false) String cursor, HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		if (!PhotosController.staff(page)) {
			return fragment(page, List.of(), null, null, "error.404.title", HttpStatus.NOT_FOUND);
		}
		if (ids != null) {
			List<String> asked = idList(ids);
			if (asked == null || q != null || cursor != null) {
				return fragment(page, List.of(), null, null, "picker.invalid.ids", HttpStatus.BAD_REQUEST);
			}
			if (asked.isEmpty()) {
				return fragment(page, List.of(), null, null, null, HttpStatus.OK);
			}
			return answer(page, "ids=" + String.join(",", asked), null);
		}
		LibraryFilters filters = LibraryFilters.of(q, null, null, null, null, null, cursor);
		Map<String, String> problems = filters.problems();
		if (!problems.isEmpty()) {
			return fragment(page, List.of(), filters, null, problems.values().iterator().next(), HttpStatus.BAD_REQUEST);
		}
		return answer(page, filters.query(PAGE_SIZE), filters);
	}

	private ModelAndView answer(PageContext.Page page, String query, LibraryFilters filters) {
		try {
			JsonNode answer = this.media.library(query);
			List<Photo> photos = new ArrayList<>();
			answer.path("items").forEach(item -> photos.add(Photo.of(item)));
			JsonNode next = answer.path("next");
			return fragment(page, photos, filters, next.isString() ? next.asString() : null,
					photos.isEmpty() && filters != null ? "picker.none" : null, HttpStatus.OK);
		}
		catch (Refusal refusal) {
			return fragment(page, List.of(), filters, null, "photos.invalid.refused", HttpStatus.BAD_REQUEST);
		}
		catch (ServiceUnavailable ex) {
			return fragment(page, List.of(), filters, null, "photos.library.unavailable", HttpStatus.SERVICE_UNAVAILABLE);
		}
	}

	/** The ids, each a media id, at most {@value #MAX_IDS}; blanks skipped, repeats once; null when any is not one. */
	static List<String> idList(String ids) {
		List<String> list = new ArrayList<>();
		for (String id : ids.split(",", -1)) {
			String one = id.strip();
			if (one.isEmpty() || list.contains(one)) {
				continue;
			}
			if (!MEDIA_ID.matcher(one).matches() || list.size() == MAX_IDS) {
				return null;
			}
			list.add(one);
		}
		return list;
	}

	private static ModelAndView fragment(PageContext.Page page, List<Photo> photos, LibraryFilters filters, String next,
			String message, HttpStatus status) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("page", page);
		model.put("photos", photos);
		model.put("next", next == null ? null
				: page.base() + "/fotografije/odabir?cursor=" + next + (filters == null ? "" : filters.pageQuery()));
		model.put("message", message);
		return new ModelAndView("photos/picker-results", model, status);
	}

}
