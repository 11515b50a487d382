package news.platform.media.item;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An item as clients see it. Everyone gets what a page needs to show the picture (size, alt
 * text, caption, credit, placeholder, rendition URLs); staff also get the editing fields and the
 * version to send in If-Match, and the name the file was uploaded under.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MediaView(String id, String mediaType, int width, int height, String alt, String caption,
		String credit, String copyright, FocalPoint focalPoint, String blurHash, String dominantColour,
		Map<String, String> renditions, Long version, String hash, Long byteSize, String source, List<String> tags,
		String uploadedBy, Instant createdAt, Instant updatedAt, String original, String fileName) {

	public record FocalPoint(double x, double y) {
	}

	public static MediaView of(MediaItem item, Map<String, String> renditions, boolean staff) {
		FocalPoint focal = new FocalPoint(item.focalX(), item.focalY());
		if (!staff) {
			return new MediaView(item.id(), item.mediaType(), item.width(), item.height(), item.alt(),
					item.caption(), item.credit(), item.copyright(), focal, item.blurHash(), item.dominantColour(),
					renditions, null, null, null, null, null, null, null, null, null, null);
		}
		return new MediaView(item.id(), item.mediaType(), item.width(), item.height(), item.alt(), item.caption(),
				item.credit(), item.copyright(), focal, item.blurHash(), item.dominantColour(), renditions,
				item.version(), item.hash(), item.byteSize(), item.source(), item.tags(), item.uploadedBy(),
				item.createdAt(), item.updatedAt(), "/api/v1/media/" + item.id() + "/original", item.fileName());
	}

}
