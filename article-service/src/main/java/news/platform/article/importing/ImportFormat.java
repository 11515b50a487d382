package news.platform.article.importing;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A structured format an import reads besides plain text: an agency's IPTC ninjs items. Each format
 * is a bean of the package that knows it ({@code agency.AgencyImport}), so this package depends on
 * none of them; they use this package's {@link ImportDrafts} and text rules, and answer the request
 * themselves (an agency item can update a draft or be kept for an editor, not only create one).
 */
public interface ImportFormat {

	/** The {@code Content-Type}s it reads. */
	List<MediaType> mediaTypes();

	/**
	 * Imports the body (UTF-8 text, possibly empty) and answers the request.
	 * @throws news.platform.autoconfigure.problem.ApiProblem naming what is wrong with the body
	 */
	ResponseEntity<?> importBody(String body, MediaType type, ImportOptions options);

	/**
	 * What the request adds to every item.
	 * @param headline a headline that replaces the item's, or {@code null}
	 * @param section the section asked for, or {@code null}
	 * @param tags tags added to the item's own (may be empty)
	 */
	record ImportOptions(String headline, String section, List<String> tags) {

		public ImportOptions {
			tags = tags == null ? List.of() : List.copyOf(tags);
		}

	}

}
