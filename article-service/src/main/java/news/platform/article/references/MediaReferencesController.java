package news.platform.article.references;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import news.platform.article.agency.AgencyPictureItems;
import news.platform.article.author.Authors;
import news.platform.article.revision.Revisions;
import news.platform.article.story.Articles;
import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;

/**
 * For media-service's clean-up job (role {@code service}, like every {@code /internal} path): does
 * anything this service stores name these media items? An item is referenced when any stored
 * article (any status, a deleted one's tombstone included) or any stored revision names it as its
 * picture or in a picture block (a revision counts because an editor can restore it), or an author
 * profile has it as its photo. A pending agency update names no media item: it keeps the agency's
 * item as sent, and its pictures are fetched only for a new story. Answered by key lookups on the
 * indexes {@code mediaIds} ({@code articles}, multikey), {@code article_mediaIds}
 * ({@code article_revisions}, multikey) and {@code photoMediaId_1} ({@code authors}), never a
 * scan. The agency pictures stored as the items nothing names are forgotten
 * ({@code agency_pictures}, index {@code mediaId_1}), as the clean-up deletes them next.
 */
@RestController
@RequestMapping(path = "/internal/v1/articles", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Internal", description = "Role service only; never routed by the gateway")
class MediaReferencesController {

	static final int MAX_IDS = 100;

	private static final Pattern MEDIA_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final Articles articles;

	private final Revisions revisions;

	private final Authors authors;

	private final AgencyPictureItems agencyPictures;

	MediaReferencesController(Articles articles, Revisions revisions, Authors authors,
			AgencyPictureItems agencyPictures) {
		this.articles = articles;
		this.revisions = revisions;
		this.authors = authors;
		this.agencyPictures = agencyPictures;
	}

	record ReferencesRequest(List<String> mediaIds) {
	}

	record Reference(String mediaId, boolean referenced) {
	}

	record ReferencesResponse(List<Reference> references) {
	}

	@PostMapping(path = "/media-references", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "For each media id (1-100): whether any stored article or revision names it (service)",
			description = "Body {\"mediaIds\": [...]}; answers {\"references\": [{\"mediaId\", \"referenced\"}]} in the order asked, each id once.")
	ReferencesResponse references(@RequestBody ReferencesRequest request) {
		List<String> asked = validated(request);
		Set<String> named = new HashSet<>(this.articles.namingAny(asked));
		List<String> rest = asked.stream().filter(id -> !named.contains(id)).toList();
		if (!rest.isEmpty()) {
			named.addAll(this.revisions.namingAny(rest));
		}
		rest = asked.stream().filter(id -> !named.contains(id)).toList();
		if (!rest.isEmpty()) {
			named.addAll(this.authors.namingAny(rest));
		}
		// the clean-up deletes what nothing names: a resent agency picture must not answer it
		this.agencyPictures.forget(asked.stream().filter(id -> !named.contains(id)).toList());
		return new ReferencesResponse(asked.stream().map(id -> new Reference(id, named.contains(id))).toList());
	}

	private static List<String> validated(ReferencesRequest request) {
		if (request == null || request.mediaIds() == null || request.mediaIds().isEmpty()) {
			throw invalid("mediaIds", "one media id or more");
		}
		if (request.mediaIds().size() > MAX_IDS) {
			throw invalid("mediaIds", "at most " + MAX_IDS + " per call");
		}
		Set<String> ids = new LinkedHashSet<>();
		for (int i = 0; i < request.mediaIds().size(); i++) {
			String id = request.mediaIds().get(i);
			if (id == null || !MEDIA_ID.matcher(id).matches()) {
				throw invalid("mediaIds[" + i + "]", "not a media id");
			}
			ids.add(id);
		}
		return new ArrayList<>(ids);
	}

	/** 400 naming the field: the clean-up job sends a malformed batch, never a rule-breaking one. */
	private static ApiProblem invalid(String field, String message) {
		return new ApiProblem(ProblemType.INVALID_VALUE, field + ": " + message).withFieldError(field, message);
	}

}
