package news.platform.comment.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;
import news.platform.autoconfigure.security.TokenIdentity;
import news.platform.autoconfigure.web.VersionPreconditions;
import news.platform.comment.moderation.ModerationSettings.SectionPolicy;
import news.platform.comment.web.Caller;

/**
 * The moderation settings over HTTP: the banned and suspect word lists and the section policies.
 * Anyone on the moderation API reads them (moderator, editor, admin); moderators and admins change
 * them. The ETag is the settings' revision, and every change sends it back in {@code If-Match}.
 */
@RestController
@RequestMapping(path = "/api/v1/comments/moderation/settings", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Moderation settings")
class SettingsController {

	private final SettingsEditing editing;

	SettingsController(SettingsEditing editing) {
		this.editing = editing;
	}

	/** A section's policy as served: {@code closeAfter} an ISO-8601 duration ({@code P14D}) or null for never. */
	record PolicyView(String mode, int firstCommentsHeld, String closeAfter) {

		static PolicyView of(SectionPolicy policy) {
			return new PolicyView(policy.mode(), policy.firstCommentsHeld(), iso(policy.closeAfter()));
		}

		private static String iso(Duration duration) {
			if (duration == null) {
				return null;
			}
			return duration.toSeconds() % 86_400 == 0 && duration.getNano() == 0 ? "P" + duration.toDays() + "D"
					: duration.toString();
		}

	}

	record SettingsView(long revision, List<String> banned, List<String> suspect, PolicyView defaultSection,
			Map<String, PolicyView> sections, Instant updatedAt, String updatedBy) {

		static SettingsView of(ModerationSettings settings) {
			Map<String, PolicyView> sections = new LinkedHashMap<>();
			settings.sections().forEach((name, policy) -> sections.put(name, PolicyView.of(policy)));
			return new SettingsView(settings.revision(), settings.banned(), settings.suspect(),
					PolicyView.of(settings.defaultSection()), sections, settings.updatedAt(), settings.updatedBy());
		}

	}

	record WordsInput(List<String> words) {
	}

	record WordsEdit(List<String> add, List<String> remove) {
	}

	@GetMapping
	@Operation(summary = "The word lists and section policies (moderator, editor, admin); ETag = revision")
	ResponseEntity<SettingsView> read() {
		return answer(this.editing.current());
	}

	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replace all of them: {banned, suspect, defaultSection, sections} (moderator, admin; If-Match)")
	ResponseEntity<SettingsView> replace(@RequestBody SettingsEditing.SettingsInput input,
			@Parameter(description = "the revision read, as its ETag") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return answer(this.editing.replace(editor(), ifMatch, input));
	}

	@PutMapping(path = "/words/{list}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replace one list (banned or suspect): {words} (moderator, admin; If-Match)")
	ResponseEntity<SettingsView> replaceWords(@PathVariable String list, @RequestBody WordsInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return answer(this.editing.replaceWords(editor(), ifMatch, list, input == null ? null : input.words()));
	}

	@PatchMapping(path = "/words/{list}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Add and remove words of one list: {add, remove} (moderator, admin; If-Match)")
	ResponseEntity<SettingsView> editWords(@PathVariable String list, @RequestBody WordsEdit input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return answer(this.editing.editWords(editor(), ifMatch, list, input == null ? null : input.add(),
				input == null ? null : input.remove()));
	}

	@PutMapping(path = "/default-section", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "The policy of sections without their own: {mode, firstCommentsHeld, closeAfter} (moderator, admin; If-Match)")
	ResponseEntity<SettingsView> putDefaultSection(@RequestBody SettingsEditing.PolicyInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return answer(this.editing.putDefaultSection(editor(), ifMatch, input));
	}

	@PutMapping(path = { "/sections/{section}", "/sections/{parent}/{section}" },
			consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "One section's policy: {mode, firstCommentsHeld, closeAfter}; the section must exist at article-service (moderator, admin; If-Match)")
	ResponseEntity<SettingsView> putSection(@PathVariable(required = false) String parent,
			@PathVariable String section, @RequestBody SettingsEditing.PolicyInput input,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return answer(this.editing.putSection(editor(), ifMatch, path(parent, section), input));
	}

	@DeleteMapping(path = { "/sections/{section}", "/sections/{parent}/{section}" })
	@Operation(summary = "Remove one section's policy: the default applies again (moderator, admin; If-Match)")
	ResponseEntity<SettingsView> removeSection(@PathVariable(required = false) String parent,
			@PathVariable String section,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return answer(this.editing.removeSection(editor(), ifMatch, path(parent, section)));
	}

	private static String path(String parent, String section) {
		return parent == null ? section : parent + "/" + section;
	}

	/** Editors work the queue but do not change the rules: moderators and admins do. */
	private static Caller editor() {
		Caller caller = Caller.current();
		if (caller == null || !(caller.identity().has(TokenIdentity.MODERATOR) || caller.identity().isAdmin())) {
			throw new ApiProblem(ProblemType.FORBIDDEN, "Moderators and admins change the moderation settings.");
		}
		return caller;
	}

	private static ResponseEntity<SettingsView> answer(ModerationSettings settings) {
		return ResponseEntity.ok()
			.eTag(VersionPreconditions.etag(settings.revision()))
			.cacheControl(CacheControl.noStore())
			.body(SettingsView.of(settings));
	}

}
