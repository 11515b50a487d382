package news.platform.desk.moderation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import news.platform.desk.upstream.CommentService;
import news.platform.desk.upstream.Refusal;
import news.platform.desk.upstream.ServiceUnavailable;
import news.platform.desk.web.PageContext;

/**
 * The banned and suspect word lists and the section policies, edited at the revision the page was
 * read at ({@code If-Match}). A change comment-service refuses (a bad word, a section it does not
 * know, someone else's change in between) is shown in words with everything the person typed
 * still in the form.
 */
@Controller
class SettingsController {

	private static final Pattern SECTION = Pattern.compile("[a-z0-9-]{1,60}(/[a-z0-9-]{1,60})?");

	private static final Pattern CLOSE_AFTER = Pattern.compile("P(?:[0-9]{1,4}D)?(?:T(?:[0-9]{1,6}H)?(?:[0-9]{1,6}M)?)?");

	/** A word list's text: comment-service takes at most 5,000 words of at most 100 characters. */
	private static final int WORDS_MAX_CHARS = 5_000 * 102;

	private final CommentService comments;

	private final PageContext pages;

	SettingsController(CommentService comments, PageContext pages) {
		this.comments = comments;
		this.pages = pages;
	}

	@GetMapping("/moderacija/postavke")
	ModelAndView settings(HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		if (!ModerationController.moderator(page)) {
			return ModerationView.notFound(page);
		}
		try {
			return ModerationView.settings(page, SettingsForm.of(this.comments.settings()), null, HttpStatus.OK);
		}
		catch (Refusal refusal) {
			return ModerationView.error(page, 400, "error.400");
		}
		catch (ServiceUnavailable ex) {
			return ModerationView.error(page, 503, "moderation.unavailable");
		}
	}

	@PostMapping("/moderacija/postavke/rijeci/{list}")
	ModelAndView words(@PathVariable String list, @RequestParam(required = false) String words,
			@RequestParam(required = false) String revision, HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		if (!ModerationController.moderator(page) || !("banned".equals(list) || "suspect".equals(list))) {
			return ModerationView.notFound(page);
		}
		String typed = words == null ? "" : words.replace("\r\n", "\n");
		Long at = number(revision);
		try {
			if (at == null) {
				return refused(page, list, typed, Notice.problem("moderation.settings.invalid.revision", list));
			}
			if (typed.length() > WORDS_MAX_CHARS) {
				return refused(page, list, typed, Notice.problem("moderation.settings.invalid.too-long", list));
			}
			List<String> entries = new ArrayList<>();
			for (String line : typed.split("\n")) {
				if (!line.isBlank()) {
					entries.add(line.strip());
				}
			}
			SettingsForm saved = SettingsForm.of(this.comments.replaceWords(list, entries, at));
			return ModerationView.settings(page, saved, Notice.ok("moderation.settings.saved." + list), HttpStatus.OK);
		}
		catch (Refusal refusal) {
			Notice notice = Refusals.notice(refusal);
			// comment-service names the entry (words[3]); the page marks the list it is in
			return refused(page, list, typed, new Notice(notice.kind(), notice.key(), notice.detail(), list));
		}
		catch (ServiceUnavailable ex) {
			return ModerationView.error(page, 503, "moderation.unavailable");
		}
	}

	@PostMapping("/moderacija/postavke/rubrike")
	ModelAndView policy(@RequestParam(required = false) String section, @RequestParam(required = false) String mode,
			@RequestParam(name = "held", required = false) String held,
			@RequestParam(name = "closeAfter", required = false) String closeAfter,
			@RequestParam(required = false) String revision, @RequestParam(required = false) String remove,
			HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		if (!ModerationController.moderator(page)) {
			return ModerationView.notFound(page);
		}
		String path = section == null || section.isBlank() ? null : section.strip();
		Map<String, String> typed = new LinkedHashMap<>();
		typed.put("section", path == null ? "" : path);
		typed.put("mode", mode == null ? "" : mode);
		typed.put("held", held == null ? "" : held.strip());
		typed.put("closeAfter", closeAfter == null ? "" : closeAfter.strip());
		Long at = number(revision);
		Long heldCount = number(held == null || held.isBlank() ? "0" : held.strip());
		String close = closeAfter == null || closeAfter.isBlank() ? null : closeAfter.strip().toUpperCase(java.util.Locale.ROOT);
		try {
			Notice problem = at == null ? Notice.problem("moderation.settings.invalid.revision", "section")
					: path != null && !SECTION.matcher(path).matches() ? Notice.problem("moderation.settings.invalid.section", "section")
							: remove != null ? (path == null ? Notice.problem("moderation.settings.invalid.section", "section") : null)
									: !("pre".equals(mode) || "post".equals(mode)) ? Notice.problem("moderation.settings.invalid.mode", "mode")
											: heldCount == null || heldCount > 1000 ? Notice.problem("moderation.settings.invalid.held", "held")
													: close != null && (!CLOSE_AFTER.matcher(close).matches() || close.equals("P") || close.endsWith("T"))
															? Notice.problem("moderation.settings.invalid.close-after", "closeAfter") : null;
			if (problem != null) {
				return ModerationView.settings(page, SettingsForm.of(this.comments.settings()).policyTyped(typed), problem,
						HttpStatus.BAD_REQUEST);
			}
			if (remove != null) {
				SettingsForm saved = SettingsForm.of(this.comments.removePolicy(path, at));
				return ModerationView.settings(page, saved, Notice.ok("moderation.settings.removed"), HttpStatus.OK);
			}
			Map<String, Object> policy = new LinkedHashMap<>();
			policy.put("mode", mode);
			policy.put("firstCommentsHeld", heldCount.intValue());
			policy.put("closeAfter", close);
			SettingsForm saved = SettingsForm.of(this.comments.putPolicy(path, policy, at));
			return ModerationView.settings(page, saved, Notice.ok("moderation.settings.saved.policy"), HttpStatus.OK);
		}
		catch (Refusal refusal) {
			Notice notice = Refusals.notice(refusal);
			String field = notice.field() == null ? "section"
					: notice.field().startsWith("sections") || notice.field().equals("section") ? "section"
							: notice.field().equals("firstCommentsHeld") ? "held" : notice.field();
			try {
				return ModerationView.settings(page, SettingsForm.of(this.comments.settings()).policyTyped(typed),
						new Notice(notice.kind(), notice.key(), notice.detail(), field), HttpStatus.BAD_REQUEST);
			}
			catch (Refusal | ServiceUnavailable ex) {
				return ModerationView.error(page, 503, "moderation.unavailable");
			}
		}
		catch (ServiceUnavailable ex) {
			return ModerationView.error(page, 503, "moderation.unavailable");
		}
	}

	/** The page again, the list as typed; the current settings (and revision) read anew. */
	private ModelAndView refused(PageContext.Page page, String list, String typed, Notice notice) {
		SettingsForm current = SettingsForm.of(this.comments.settings());
		return ModerationView.settings(page, current.typed(list, typed), notice, HttpStatus.BAD_REQUEST);
	}

	private static Long number(String value) {
		if (value == null || !value.strip().matches("[0-9]{1,18}")) {
			return null;
		}
		return Long.valueOf(value.strip());
	}

}
