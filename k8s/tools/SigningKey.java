import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * A new signing key for identity in a cluster (the Secret identity-keys, key IDENTITY_SIGNING_KEYS):
 * an RSA 2048 private JWK for RS256 whose kid is its RFC 7638 thumbprint, as identity makes its own
 * keys locally. JDK only, so it runs anywhere with {@code java k8s/tools/SigningKey.java}.
 *
 * <pre>
 * java k8s/tools/SigningKey.java --set   # a JWK set with one key: a new identity-keys
 * java k8s/tools/SigningKey.java         # one key, to add to a set (rotation, k8s/README.md)
 * </pre>
 *
 * The output is a private key: write it into the Secret, never into the repository.
 */
public class SigningKey {

	public static void main(String[] args) throws Exception {
		if (args.length > 1 || (args.length == 1 && !args[0].equals("--set"))) {
			System.err.println("usage: java k8s/tools/SigningKey.java [--set]");
			System.exit(2);
		}
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		var pair = generator.generateKeyPair();
		RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
		RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) pair.getPrivate();
		String n = base64(publicKey.getModulus());
		String e = base64(publicKey.getPublicExponent());
		// RFC 7638: the required members in lexicographic order, no whitespace
		String thumbprintInput = "{\"e\":\"" + e + "\",\"kty\":\"RSA\",\"n\":\"" + n + "\"}";
		String kid = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(thumbprintInput.getBytes(StandardCharsets.UTF_8)));
		String key = "{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + kid + "\",\"n\":\"" + n
				+ "\",\"e\":\"" + e + "\",\"d\":\"" + base64(privateKey.getPrivateExponent()) + "\",\"p\":\""
				+ base64(privateKey.getPrimeP()) + "\",\"q\":\"" + base64(privateKey.getPrimeQ()) + "\",\"dp\":\""
				+ base64(privateKey.getPrimeExponentP()) + "\",\"dq\":\"" + base64(privateKey.getPrimeExponentQ())
				+ "\",\"qi\":\"" + base64(privateKey.getCrtCoefficient()) + "\"}";
		System.out.println(args.length == 1 ? "{\"keys\":[" + key + "]}" : key);
	}

	/** Base64url of the unsigned big-endian value, without padding (RFC 7518 6.3). */
	private static String base64(BigInteger value) {
		byte[] bytes = value.toByteArray();
		if (bytes.length > 1 && bytes[0] == 0) {
			bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
