package news.platform.media.imaging;

import java.util.Arrays;

/**
 * The image types the service accepts, recognised by their magic bytes only: neither the file
 * name nor the declared Content-Type decides, so HTML, scripts and SVG with an image name are
 * refused.
 */
public enum ImageFormat {

	JPEG("image/jpeg", "jpeg"), PNG("image/png", "png"), WEBP("image/webp", "webp"), GIF("image/gif", "gif");

	/** Enough leading bytes to recognise every accepted type. */
	public static final int SNIFF_LENGTH = 16;

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private final String mediaType;

	private final String readerFormat;

	ImageFormat(String mediaType, String readerFormat) {
		this.mediaType = mediaType;
		this.readerFormat = readerFormat;
	}

	public String mediaType() {
		return this.mediaType;
	}

	String readerFormat() {
		return this.readerFormat;
	}

	/** The format the leading bytes announce, or null for anything else. */
	public static ImageFormat sniff(byte[] head, int length) {
		if (length >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8 && (head[2] & 0xFF) == 0xFF) {
			return JPEG;
		}
		if (length >= 8 && Arrays.equals(head, 0, 8, PNG_SIGNATURE, 0, 8)) {
			return PNG;
		}
		if (length >= 6 && head[0] == 'G' && head[1] == 'I' && head[2] == 'F' && head[3] == '8'
				&& (head[4] == '7' || head[4] == '9') && head[5] == 'a') {
			return GIF;
		}
		if (length >= 12 && head[0] == 'R' && head[1] == 'I' && head[2] == 'F' && head[3] == 'F' && head[8] == 'W'
				&& head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
			return WEBP;
		}
		return null;
	}

	public static ImageFormat fromMediaType(String mediaType) {
		for (ImageFormat format : values()) {
			if (format.mediaType.equals(mediaType)) {
				return format;
			}
		}
		throw new IllegalArgumentException("not an image media type: " + mediaType);
	}

}
