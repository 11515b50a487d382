package news.platform.media.rendition;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import news.platform.media.MediaProperties;

/**
 * HMAC-SHA256 signatures of rendition sizes outside the preset list, as imgproxy and Thumbor do:
 * whoever holds the key (the site's front end) may ask for any size, nobody else can make the
 * service resize to a million sizes. The signature covers item id, width, height and fit; format
 * comes from a closed list and the focal point must be the item's current one, so neither needs
 * signing. The key comes from {@code MEDIA_SIGNING_KEY} ({@code media.renditions.signing-key});
 * in {@code k8s} it is required, elsewhere a random one is made at startup when none is set
 * (signed URLs then last as long as the process).
 */
@Component
public class RenditionSigner {

	private static final Logger log = LoggerFactory.getLogger(RenditionSigner.class);

	private static final int SIGNATURE_BYTES = 16;

	private final byte[] key;

	/** Signatures already checked: a hot signed URL costs one HMAC, not one per request. */
	private final Cache<String, Boolean> verified = Caffeine.newBuilder().maximumSize(100_000).build();

	RenditionSigner(MediaProperties properties, Environment environment) {
		String configured = properties.renditions().signingKey();
		if (configured != null && !configured.isBlank()) {
			if (configured.length() < 16) {
				throw new IllegalStateException(
						"media.renditions.signing-key (MEDIA_SIGNING_KEY) must be at least 16 characters");
			}
			this.key = configured.getBytes(StandardCharsets.UTF_8);
		}
		else if (environment.matchesProfiles("k8s")) {
			throw new IllegalStateException(
					"No rendition signing key: set MEDIA_SIGNING_KEY (media.renditions.signing-key) from a Kubernetes Secret");
		}
		else {
			this.key = new byte[32];
			new SecureRandom().nextBytes(this.key);
			log.info("No MEDIA_SIGNING_KEY set: signed rendition URLs use a random key made at startup");
		}
	}

	public String sign(String mediaId, int width, int height, String fit) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.key, "HmacSHA256"));
			byte[] digest = mac.doFinal(canonical(mediaId, width, height, fit).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, SIGNATURE_BYTES));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public boolean verify(String signature, String mediaId, int width, int height, String fit) {
		if (signature == null) {
			return false;
		}
		String cacheKey = signature + '|' + canonical(mediaId, width, height, fit);
		if (this.verified.getIfPresent(cacheKey) != null) {
			return true;
		}
		byte[] expected = sign(mediaId, width, height, fit).getBytes(StandardCharsets.US_ASCII);
		boolean valid = MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
		if (valid) {
			this.verified.put(cacheKey, Boolean.TRUE);
		}
		return valid;
	}

	private static String canonical(String mediaId, int width, int height, String fit) {
		return mediaId + "/" + width + "x" + height + "/" + fit;
	}

}
