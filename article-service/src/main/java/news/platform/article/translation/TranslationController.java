package news.platform.article.translation;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import news.platform.article.access.Caller;
import news.platform.article.editing.Versions;

/** The translations an article is linked to (staff); readers get the published ones in the article. */
@RestController
@RequestMapping(path = "/api/v1/articles/{id}/translations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Translations", description = "Staff only. An article and its translations form one group; "
		+ "the reader answer lists the published ones with language and public URL (for hreflang).")
class TranslationController {

	private final TranslationLinks links;

	TranslationController(TranslationLinks links) {
		this.links = links;
	}

	/** The body of a PUT. */
	record TranslationsInput(@Schema(description = "ids of the article's translations, at most 20; [] unlinks the "
			+ "article from its group") List<String> translations) {
	}

	/** The answer: the article's translations in any state the caller may see. */
	record TranslationsView(String id, List<TranslationLinks.Member> translations) {
	}

	@GetMapping
	@Operation(summary = "The article's translations (staff), with status; ETag is the article's revision")
	ResponseEntity<TranslationsView> get(@PathVariable String id) {
		return answer(this.links.get(id, Caller.current()));
	}

	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Link the article to its translations (editor, admin)",
			description = "With ids: the article and these become the whole group of translations (a member not "
					+ "named leaves it). With []: the article leaves its group. Refused with 422 naming "
					+ "translations[i], nothing written: the article itself, an id listed twice, an article that "
					+ "does not exist, a second article of one language, an article already in another group "
					+ "(two groups are never merged: unlink it there first). 409 /problems/version-conflict when a group "
					+ "changed meanwhile. Readers see only published translations past their embargo.")
	ResponseEntity<TranslationsView> put(@PathVariable String id, @RequestBody TranslationsInput input,
			@Parameter(description = "The article's ETag (revision): required; missing → 428, stale → 412") @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
		return answer(this.links.set(id, input == null ? null : input.translations(), ifMatch, Caller.current()));
	}

	private static ResponseEntity<TranslationsView> answer(TranslationLinks.Translations translations) {
		return ResponseEntity.ok()
			.eTag(Versions.etag(translations.article().revision()))
			.cacheControl(CacheControl.noStore())
			.body(new TranslationsView(translations.article().id(), translations.translations()));
	}

}
