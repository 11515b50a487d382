package news.platform.desk.moderation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

import news.platform.desk.web.PageContext;

/** The moderation screens' templates and what each is given. */
final class ModerationView {

	private ModerationView() {
	}

	static ModelAndView queue(PageContext.Page page, Queue queue, Notice notice, HttpStatus status) {
		Map<String, Object> model = model(page);
		model.put("queue", queue);
		model.put("notice", notice);
		return new ModelAndView("moderation/queue", model, status);
	}

	/** The queue without the page around it: htmx puts it in place of the one on screen. */
	static ModelAndView queueBody(PageContext.Page page, Queue queue, Notice notice) {
		Map<String, Object> model = model(page);
		model.put("queue", queue);
		model.put("notice", notice);
		return new ModelAndView("moderation/queue-body", model, HttpStatus.OK);
	}

	/** One comment of the queue again (a decision the desk refused), with what was typed. */
	static ModelAndView item(PageContext.Page page, QueueItem item, String state, Notice notice, String reason) {
		Map<String, Object> model = model(page);
		model.put("item", item);
		model.put("state", state);
		model.put("notice", notice);
		model.put("reason", reason);
		return new ModelAndView("moderation/item", model, HttpStatus.OK);
	}

	/** In place of a decided comment: what happened to it. */
	static ModelAndView decided(PageContext.Page page, String id, Notice notice) {
		Map<String, Object> model = model(page);
		model.put("id", id);
		model.put("notice", notice);
		return new ModelAndView("moderation/decided", model, HttpStatus.OK);
	}

	static ModelAndView user(PageContext.Page page, String userId, List<AuditEntry> history, Notice notice,
			Map<String, String> typed, HttpStatus status) {
		Map<String, Object> model = model(page);
		model.put("userId", userId);
		model.put("history", history);
		model.put("notice", notice);
		model.put("typed", typed);
		model.put("durations", ModerationController.SUSPENSIONS);
		return new ModelAndView("moderation/user", model, status);
	}

	static ModelAndView audit(PageContext.Page page, String commentId, List<AuditEntry> entries, Notice notice,
			HttpStatus status) {
		Map<String, Object> model = model(page);
		model.put("commentId", commentId);
		model.put("entries", entries);
		model.put("notice", notice);
		return new ModelAndView("moderation/audit", model, status);
	}

	static ModelAndView settings(PageContext.Page page, SettingsForm form, Notice notice, HttpStatus status) {
		Map<String, Object> model = model(page);
		model.put("form", form);
		model.put("notice", notice);
		return new ModelAndView("moderation/settings", model, status);
	}

	static ModelAndView notFound(PageContext.Page page) {
		return error(page, 404, "error.404");
	}

	static ModelAndView error(PageContext.Page page, int status, String key) {
		return new ModelAndView("error", Map.of("page", page, "status", status, "key", key), HttpStatus.valueOf(status));
	}

	private static Map<String, Object> model(PageContext.Page page) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("page", page);
		return model;
	}

}
