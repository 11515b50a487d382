package news.platform.article.ninjs;

import java.time.Instant;
import java.util.List;

import news.platform.article.importing.ImportedDraft;

/**
 * An agency's ninjs item as the wire desk handles it: which story and which version of it, what
 * the agency says about it, and the draft it proposes.
 *
 * @param uri the item's identifier, the same for every version of the story
 * @param version the agency's version ({@code version}), or {@code null}
 * @param versionCreated when the agency made this version ({@code versioncreated}), or {@code null}
 * when absent or not readable
 * @param pubstatus {@code usable}, {@code withheld}, {@code canceled}, or {@code null}
 * @param type the item's {@code type}, or {@code null}
 * @param ignoredProperties unknown top-level properties (a provider's schema extension), set aside
 * before the schema check and not imported
 * @param draft the proposed draft; {@code null} for a {@code canceled} item and for a picture
 * @param picture what a picture item ({@code type: picture}) proposes for a media item, else
 * {@code null}
 * @param associations a text item's picture associations with an http(s) rendition, in the item's
 * order (the first is the story's main picture); empty for other items
 */
public record NinjsItem(String uri, String version, Instant versionCreated, String pubstatus, String type,
		List<String> ignoredProperties, ImportedDraft draft, Picture picture, List<Association> associations) {

	public NinjsItem {
		ignoredProperties = List.copyOf(ignoredProperties);
		associations = associations == null ? List.of() : List.copyOf(associations);
	}

	public NinjsItem(String uri, String version, Instant versionCreated, String pubstatus, String type,
			List<String> ignoredProperties, ImportedDraft draft, Picture picture) {
		this(uri, version, versionCreated, pubstatus, type, ignoredProperties, draft, picture, List.of());
	}

	/**
	 * A picture associated with a text item.
	 * @param name the association's {@code name} ({@code featureimage}, {@code a001}), or {@code null}
	 * @param uri the picture's own {@code uri}, or {@code null} when the agency gives none
	 * @param picture the rendition to fetch, its caption and credit
	 */
	public record Association(String name, String uri, Picture picture) {
	}

	/**
	 * An agency picture.
	 * @param href the rendition to fetch (the largest with an http(s) address)
	 * @param hrefPath its JSON path in the item, for errors ({@code $.renditions[2].href})
	 * @param caption the caption (first description, else the headline), or {@code null}
	 * @param credit the credit ({@code by}, else {@code copyrightholder}), or {@code null}
	 */
	public record Picture(String href, String hrefPath, String caption, String credit) {
	}

	/** A kill notice: the agency withdraws the story. */
	public boolean withdrawn() {
		return "canceled".equals(this.pubstatus);
	}

}
