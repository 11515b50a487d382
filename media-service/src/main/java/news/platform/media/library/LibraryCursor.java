package news.platform.media.library;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Where the next page of the photo library starts: the sort values of the last item of the
 * previous page (newest first: upload time, then id), so page 500 costs what page 1 costs.
 * Clients see an opaque base64url string; {@link #decode} refuses anything it did not make.
 */
record LibraryCursor(long createdAt, String id) {

	private static final byte VERSION = 1;

	private static final Pattern ID = Pattern.compile("[0-9a-f]{24}");

	private static final int LENGTH = 1 + 8 + 24;

	String encode() {
		ByteBuffer buffer = ByteBuffer.allocate(LENGTH);
		buffer.put(VERSION).putLong(this.createdAt).put(this.id.getBytes(StandardCharsets.US_ASCII));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
	}

	/**
	 * @throws IllegalArgumentException when {@code text} is not a cursor of the photo library
	 */
	static LibraryCursor decode(String text) {
		if (text == null || text.isEmpty() || text.length() > 64) {
			throw new IllegalArgumentException("not a cursor");
		}
		byte[] bytes;
		try {
			bytes = Base64.getUrlDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("not a cursor", ex);
		}
		if (bytes.length != LENGTH || bytes[0] != VERSION) {
			throw new IllegalArgumentException("not a cursor");
		}
		ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, LENGTH - 1);
		long createdAt = buffer.getLong();
		String id = new String(bytes, 9, 24, StandardCharsets.US_ASCII);
		if (!ID.matcher(id).matches() || createdAt < 0) {
			throw new IllegalArgumentException("not a cursor");
		}
		return new LibraryCursor(createdAt, id);
	}

}
