package news.platform.autoconfigure.session;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import news.platform.autoconfigure.core.LocalSecrets;

/**
 * Encrypts a session's contents (the person's tokens among them) at rest: AES-256-GCM with a
 * random nonce per write, the session id as associated data, so a stored session can neither be
 * read nor moved to another id. A session that does not decrypt (another key, tampered bytes) is
 * treated as absent: its owner is signed out, nothing worse.
 */
final class SessionCipher {

	private static final int NONCE = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKey key;

	SessionCipher(byte[] key) {
		if (key.length != 32) {
			throw new IllegalStateException("The session key must be 32 bytes (AES-256), base64 encoded");
		}
		this.key = new SecretKeySpec(key, "AES");
	}

	/** From {@code platform.sessions.key}, else the local key file (made on first start). */
	static SessionCipher from(SessionProperties properties) {
		if (properties.key() != null && !properties.key().isBlank()) {
			return new SessionCipher(Base64.getDecoder().decode(properties.key().trim()));
		}
		if (properties.keyFile() == null || properties.keyFile().isBlank()) {
			throw new IllegalStateException(
					"No session key: set platform.sessions.key (from a Secret) or platform.sessions.key-file (local)");
		}
		Path file = Path.of(properties.keyFile());
		Map<String, String> values = LocalSecrets.readOrAdd(file,
				Map.of("SESSION_KEY", () -> Base64.getEncoder().encodeToString(random(32))));
		return new SessionCipher(Base64.getDecoder().decode(values.get("SESSION_KEY")));
	}

	byte[] encrypt(String sessionId, byte[] plain) {
		try {
			byte[] nonce = random(NONCE);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(sessionId.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plain);
			byte[] out = new byte[NONCE + sealed.length];
			System.arraycopy(nonce, 0, out, 0, NONCE);
			System.arraycopy(sealed, 0, out, NONCE, sealed.length);
			return out;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot encrypt a session", ex);
		}
	}

	/** Null when the bytes do not decrypt with this key and id. */
	byte[] decrypt(String sessionId, byte[] stored) {
		if (stored == null || stored.length <= NONCE) {
			return null;
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE));
			cipher.updateAAD(sessionId.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(stored, NONCE, stored.length - NONCE);
		}
		catch (GeneralSecurityException ex) {
			return null;
		}
	}

	private static byte[] random(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return random;
	}


}
