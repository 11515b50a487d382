package news.platform.identity.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import news.platform.autoconfigure.core.LocalSecrets;
import news.platform.identity.IdentityProperties;

/**
 * The keys tokens are signed with. The first key of the set signs every new token; the others
 * stay in the published JWKS so that tokens they signed stay valid until they expire. Rotating a
 * key without signing anyone out: put the new key first (new tokens carry its {@code kid}), wait
 * longer than the longest token lifetime, then remove the old key (its tokens now answer 401).
 *
 * <p>From {@code platform.identity.signing-keys} (a Secret in a cluster, so every replica signs with
 * the same key), else from {@code <data-directory>/signing-keys.json}, made on first start in
 * {@code local} so that tokens survive a restart.
 */
@Component
public class SigningKeys {

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	static final String FILE = "signing-keys.json";

	private final JWKSet keys;

	public SigningKeys(IdentityProperties properties) {
		this.keys = load(properties);
		log.info("Signing tokens with key {} ({} key(s) published)", activeKeyId(), this.keys.size());
	}

	/** Every key, with its private part: what the token encoder selects from (by {@code kid}). */
	public JWKSet keys() {
		return this.keys;
	}

	public String activeKeyId() {
		return this.keys.getKeys().get(0).getKeyID();
	}

	private static JWKSet load(IdentityProperties properties) {
		if (properties.signingKeys() != null && !properties.signingKeys().isBlank()) {
			return validated(parse(properties.signingKeys(), "platform.identity.signing-keys"));
		}
		if (properties.dataFolder() == null) {
			throw new IllegalStateException("No signing keys: set platform.identity.signing-keys (a JWK set with "
					+ "private keys, from a Secret) or platform.identity.data-directory (local)");
		}
		Path file = properties.dataFolder().resolve(FILE);
		if (Files.isRegularFile(file)) {
			try {
				return validated(parse(Files.readString(file), file.toString()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the signing keys " + file, ex);
			}
		}
		JWKSet generated = new JWKSet(newKey());
		LocalSecrets.writeOwnerOnly(file, generated.toString(false));
		log.info("Made a signing key under {} (local; kept across restarts)", file);
		return generated;
	}

	/** A new RSA 2048 signing key, identified by its JWK thumbprint. */
	public static RSAKey newKey() {
		try {
			return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyIDFromThumbprint(true)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot make an RSA key", ex);
		}
	}

	private static JWKSet parse(String json, String source) {
		try {
			return JWKSet.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("The signing keys in " + source + " are not a JWK set: " + ex.getMessage());
		}
	}

	private static JWKSet validated(JWKSet set) {
		List<JWK> keys = set.getKeys();
		if (keys.isEmpty()) {
			throw new IllegalStateException("The signing key set is empty");
		}
		for (JWK key : keys) {
			if (!(key instanceof RSAKey rsa) || !rsa.isPrivate() || key.getKeyID() == null) {
				throw new IllegalStateException("Every signing key must be a private RSA key with a kid");
			}
		}
		return set;
	}

}
