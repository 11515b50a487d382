package news.platform.desk.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The words beside the editor's embargo and schedule pickers: {@code <input type=datetime-local>}
 * shows its value in the browser's locale (en-US in many), so the desk says the chosen time in the
 * person's language, formatted here like every other date of the desk. htmx asks as the person
 * picks ({@code hx-get} on the input, which sends its own value under its name); the answer is the
 * text for the input's {@code <output>}.
 */
@RestController
class LocalTimeController {

	/** A {@code datetime-local} value is at most {@code yyyy-MM-ddTHH:mm:ss.SSS}; a little room for more. */
	private static final int MAX_LENGTH = 40;

	private final PageContext pages;

	LocalTimeController(PageContext pages) {
		this.pages = pages;
	}

	@GetMapping(path = "/vrijeme", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> words(@RequestParam(name = "embargo", required = false) String embargo,
			@RequestParam(name = "vrijeme", required = false) String schedule, HttpServletRequest request) {
		Texts t = this.pages.page(request).t();
		String value = embargo != null ? embargo : schedule;
		String words = (embargo == null) == (schedule == null) || value.length() > MAX_LENGTH ? null
				: t.localTime(value);
		if (words == null) {
			return answer(HttpStatus.BAD_REQUEST, t.t("problem.time"));
		}
		return answer(HttpStatus.OK, words);
	}

	private static ResponseEntity<String> answer(HttpStatus status, String text) {
		return ResponseEntity.status(status)
			.cacheControl(CacheControl.noStore())
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.body(HtmlUtils.htmlEscape(text, "UTF-8"));
	}

}
