package news.platform.media.upload;

import java.text.Normalizer;

import org.springframework.http.ContentDisposition;

import news.platform.media.item.MetadataLimits;

/**
 * The name a file was uploaded under, as kept for the photo library: the last path segment only
 * (browsers on some systems send a whole path), NFC, without control or format characters, at
 * most {@link MetadataLimits#FILE_NAME} characters; null when nothing is left.
 */
final class FileNames {

	private FileNames() {
	}

	static String clean(String name) {
		if (name == null) {
			return null;
		}
		String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		StringBuilder out = new StringBuilder();
		Normalizer.normalize(last, Normalizer.Form.NFC).codePoints().forEach(c -> {
			int type = Character.getType(c);
			if (type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
					&& type != Character.PRIVATE_USE && type != Character.SURROGATE) {
				out.appendCodePoint(Character.isWhitespace(c) ? ' ' : c);
			}
		});
		String cleaned = out.toString().strip();
		if (cleaned.codePointCount(0, cleaned.length()) > MetadataLimits.FILE_NAME) {
			cleaned = cleaned.substring(0, cleaned.offsetByCodePoints(0, MetadataLimits.FILE_NAME)).strip();
		}
		return cleaned.isEmpty() ? null : cleaned;
	}

	/** {@code filename} (or {@code filename*}) of a Content-Disposition header; null when absent or unreadable. */
	static String fromContentDisposition(String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		try {
			return ContentDisposition.parse(header).getFilename();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
