package news.platform.k8s;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * k8s/tools/SigningKey.java makes what identity reads from the Secret identity-keys: a JWK set of
 * private RSA keys for RS256, each with a kid (its RFC 7638 thumbprint, as identity names its own
 * keys), whose private part signs what the public part verifies.
 */
class SigningKeyToolTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void makesASetWithOnePrivateRsaKeyThatSignsAndVerifies() throws Exception {
		JsonNode set = JSON.readTree(run("--set"));
		assertThat(set.path("keys")).hasSize(1);
		JsonNode key = set.path("keys").get(0);
		assertThat(key.path("kty").asText()).isEqualTo("RSA");
		assertThat(key.path("alg").asText()).isEqualTo("RS256");
		assertThat(key.path("use").asText()).isEqualTo("sig");

		String thumbprintInput = "{\"e\":\"" + key.path("e").asText() + "\",\"kty\":\"RSA\",\"n\":\""
				+ key.path("n").asText() + "\"}";
		assertThat(key.path("kid").asText()).as("kid is the RFC 7638 thumbprint")
			.isEqualTo(Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(MessageDigest.getInstance("SHA-256")
					.digest(thumbprintInput.getBytes(StandardCharsets.UTF_8))));

		KeyFactory rsa = KeyFactory.getInstance("RSA");
		var privateKey = rsa.generatePrivate(new RSAPrivateCrtKeySpec(number(key, "n"), number(key, "e"),
				number(key, "d"), number(key, "p"), number(key, "q"), number(key, "dp"), number(key, "dq"),
				number(key, "qi")));
		var publicKey = rsa.generatePublic(new RSAPublicKeySpec(number(key, "n"), number(key, "e")));
		assertThat(number(key, "n").bitLength()).isEqualTo(2048);
		byte[] payload = "header.payload".getBytes(StandardCharsets.US_ASCII);
		Signature signer = Signature.getInstance("SHA256withRSA");
		signer.initSign(privateKey);
		signer.update(payload);
		byte[] signature = signer.sign();
		Signature verifier = Signature.getInstance("SHA256withRSA");
		verifier.initVerify(publicKey);
		verifier.update(payload);
		assertThat(verifier.verify(signature)).isTrue();
	}

	@Test
	void withoutArgumentsPrintsOneNewKeyToAddToASet() throws Exception {
		JsonNode first = JSON.readTree(run());
		JsonNode second = JSON.readTree(run());
		assertThat(first.has("keys")).isFalse();
		assertThat(first.path("d").asText()).isNotBlank();
		assertThat(first.path("kid").asText()).isNotEqualTo(second.path("kid").asText());
	}

	private static BigInteger number(JsonNode key, String member) {
		return new BigInteger(1, Base64.getUrlDecoder().decode(key.path(member).asText()));
	}

	/** Runs the tool as the README does, with this JVM's java (source-file mode). */
	private static String run(String... arguments) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new java.util.ArrayList<>(List.of(java, Project.K8S.resolve("tools/SigningKey.java").toString()));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("java k8s/tools/SigningKey.java %s", String.join(" ", arguments)).isZero();
		return output.trim();
	}

}
