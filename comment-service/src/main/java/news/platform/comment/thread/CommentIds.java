package news.platform.comment.thread;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Comment ids: {@code c} and 25 base32 characters (125 bits). A post with an
 * {@code Idempotency-Key} gets the id derived from the poster and the key, so the comment document
 * itself is the idempotency record: a retry finds it by key, and two racing retries collide on
 * {@code _id}.
 */
final class CommentIds {

	static final Pattern PATTERN = Pattern.compile("c[a-z2-7]{25}");

	private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private CommentIds() {
	}

	static String random() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return "c" + base32(bytes).substring(0, 25);
	}

	static String forIdempotencyKey(String subject, String key) {
		return "c" + base32(sha256(subject + "\n" + key)).substring(0, 25);
	}

	static boolean valid(String id) {
		return id != null && PATTERN.matcher(id).matches();
	}

	static byte[] sha256(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String base32(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xFF);
			bits += 8;
			while (bits >= 5) {
				out.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
		}
		return out.toString();
	}

}
