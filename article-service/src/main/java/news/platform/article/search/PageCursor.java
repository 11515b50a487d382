package news.platform.article.search;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next page starts: the sort values of the last item of the previous page (keyset
 * pagination, so page 500 costs what page 1 costs). Clients see it as an opaque base64url string
 * and must not build one; {@link #decode} refuses anything it did not make.
 */
public record PageCursor(Kind kind, float score, long publishedAt, String id) {

	/**
	 * Lists and search sort differently, so a cursor of one is refused by the other; so do the
	 * staff orders (by last change, by scheduled time). {@code publishedAt} holds the sort's time
	 * (publication, change or schedule) in epoch milliseconds. Ordinals are on the wire: only add.
	 */
	public enum Kind {

		LIST, SEARCH, UPDATED, SCHEDULED

	}

	private static final byte VERSION = 1;

	private static final int MAX_ID_BYTES = 200;

	public PageCursor {
		if (kind == null || id == null || id.isEmpty()) {
			throw new IllegalArgumentException("a cursor needs a kind and an id");
		}
	}

	public String encode() {
		byte[] idBytes = this.id.getBytes(StandardCharsets.UTF_8);
		ByteBuffer buffer = ByteBuffer.allocate(2 + 4 + 8 + idBytes.length);
		buffer.put(VERSION).put((byte) this.kind.ordinal()).putFloat(this.score).putLong(this.publishedAt).put(idBytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
	}

	/**
	 * @throws IllegalArgumentException when {@code text} is not a cursor of this kind
	 */
	public static PageCursor decode(String text, Kind expected) {
		if (text == null || text.isEmpty() || text.length() > 400) {
			throw new IllegalArgumentException("not a cursor");
		}
		byte[] bytes;
		try {
			bytes = Base64.getUrlDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("not a cursor", ex);
		}
		if (bytes.length < 15 || bytes.length > 14 + MAX_ID_BYTES || bytes[0] != VERSION) {
			throw new IllegalArgumentException("not a cursor");
		}
		if (bytes[1] != expected.ordinal()) {
			throw new IllegalArgumentException("a cursor of another kind of page");
		}
		ByteBuffer buffer = ByteBuffer.wrap(bytes, 2, bytes.length - 2);
		float score = buffer.getFloat();
		long publishedAt = buffer.getLong();
		if (Float.isNaN(score) || Float.isInfinite(score)) {
			throw new IllegalArgumentException("not a cursor");
		}
		try {
			String id = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(buffer)
				.toString();
			return new PageCursor(expected, score, publishedAt, id);
		}
		catch (CharacterCodingException ex) {
			throw new IllegalArgumentException("not a cursor", ex);
		}
	}

}
