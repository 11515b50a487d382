package news.platform.k8s;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build renders overlays with {@link Kustomize} so that it needs no kubectl; where kubectl is
 * installed, this proves that {@code kubectl kustomize} renders exactly the same objects.
 */
class KubectlParityTest {

	static final List<String> overlays = Overlay.NAMES;

	@ParameterizedTest
	@FieldSource("overlays")
	void theBuildsRendererAgreesWithKubectl(String name) throws Exception {
		Path kubectl = onPath("kubectl");
		if (kubectl == null) {
			Project.skip("kubectl is not installed, so the build's kustomize renderer is not compared with "
					+ "kubectl kustomize (put any kubectl 1.27+ on PATH to compare)");
		}
		Process process = new ProcessBuilder(kubectl.toString(), "kustomize", Project.OVERLAYS.resolve(name).toString())
			.redirectErrorStream(false)
			.start();
		byte[] output = process.getInputStream().readAllBytes();
		String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as("kubectl kustomize overlays/%s: %s", name, errors).isZero();

		Map<String, JsonNode> fromKubectl = new TreeMap<>();
		try (var parser = new YAMLFactory().createParser(output)) {
			Kustomize.YAML.readValues(parser, JsonNode.class)
				.forEachRemaining(document -> fromKubectl.put(id(document), document));
		}
		Map<String, JsonNode> fromBuild = new TreeMap<>();
		Overlay.of(name).resources().forEach(resource -> fromBuild.put(resource.id(), normalised(resource.content())));
		assertThat(fromBuild.keySet()).as("objects of overlay %s", name).isEqualTo(fromKubectl.keySet());
		fromKubectl.forEach((id, expected) -> assertThat(fromBuild.get(id)).as("%s in overlay %s", id, name)
			.isEqualTo(normalised((ObjectNode) expected)));
	}

	private static String id(JsonNode document) {
		return document.path("kind").asText() + "/" + document.path("metadata").path("name").asText();
	}

	/** kubectl prints integers and strings as YAML decides; compare through one tree model. */
	private static JsonNode normalised(ObjectNode node) {
		try {
			return Kustomize.YAML.readTree(Kustomize.YAML.writeValueAsString(node));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Path onPath(String command) {
		return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
			.map(directory -> Path.of(directory, command))
			.filter(Files::isExecutable)
			.findFirst()
			.orElse(null);
	}

}
