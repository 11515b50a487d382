package news.platform.article.importing;

import org.springframework.http.MediaType;

/**
 * A structured format an import reads besides plain text: an agency's IPTC ninjs item. Each format
 * is a bean of the package that knows it ({@code ninjs.NinjsImport}), so this package depends on
 * none of them; they use this package's {@link ImportedDraft} and text rules.
 */
public interface ImportFormat {

	/** The {@code Content-Type} it reads. */
	MediaType mediaType();

	/**
	 * What the item proposes for a new draft.
	 * @throws news.platform.autoconfigure.problem.ApiProblem naming what is wrong with the item
	 */
	ImportedDraft read(String body);

}
