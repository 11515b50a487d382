package news.platform.media.item;

import java.time.Instant;
import java.util.List;

/**
 * One uploaded picture with its own metadata, pointing at a stored original by content hash
 * (several items may share one original). {@code width}/{@code height} are upright (EXIF
 * orientation applied); {@code orientation} says how to turn the stored pixels.
 * {@code fileName} is the name the file was uploaded under (null when the upload named none);
 * {@code usageCount} the number of articles that name the picture, drafts included, as the
 * article feed told (null for items stored before the count was kept).
 */
public record MediaItem(String id, long version, String hash, String mediaType, int width, int height,
		long byteSize, int orientation, String alt, String caption, String credit, String copyright, String source,
		double focalX, double focalY, List<String> tags, String uploadedBy, Instant createdAt, Instant updatedAt,
		String blurHash, String dominantColour, String fileName, Integer usageCount) {

	public MediaItem {
		tags = tags == null ? List.of() : List.copyOf(tags);
	}

	/** The short type name clients filter by: jpeg, png, webp, gif. */
	public String typeName() {
		return this.mediaType == null ? null : this.mediaType.substring(this.mediaType.indexOf('/') + 1);
	}

}
