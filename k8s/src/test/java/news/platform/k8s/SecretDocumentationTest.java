package news.platform.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets are referenced by name and never committed: every Secret and key a manifest refers to
 * is documented in k8s/secrets/NAME.yaml.example, every documented key is used by at least one
 * overlay, and the examples hold placeholders only.
 */
class SecretDocumentationTest {

	static final List<String> overlays = Overlay.NAMES;

	/** A whole Secret mounted or referenced without naming keys. */
	private static final String WHOLE = "*";

	@ParameterizedTest
	@FieldSource("overlays")
	void everyReferencedSecretKeyIsDocumented(String name) {
		assertThat(problems(Overlay.of(name))).as("overlay %s", name).isEmpty();
	}

	@Test
	void everyDocumentedKeyIsUsedByAnOverlay() {
		assertThat(unused(Overlay.NAMES.stream().map(Overlay::of).toList())).isEmpty();
	}

	/** Secrets and keys the overlay reads that no example documents. */
	static List<String> problems(Overlay overlay) {
		Map<String, Set<String>> referenced = references(overlay);
		Map<String, Set<String>> documented = examples();
		List<String> problems = new ArrayList<>();
		referenced.forEach((secret, keys) -> {
			Set<String> documentedKeys = documented.get(secret);
			if (documentedKeys == null) {
				problems.add("Secret '" + secret + "' is referenced but k8s/secrets/" + secret
						+ ".yaml.example does not exist");
				return;
			}
			keys.stream()
				.filter(key -> !key.equals(WHOLE) && !documentedKeys.contains(key))
				.forEach(key -> problems.add("Secret '" + secret + "' key '" + key + "' is referenced but not in k8s/secrets/"
						+ secret + ".yaml.example"));
		});
		return problems;
	}

	/**
	 * Documented Secrets and keys that none of the overlays reads. Some are read by one overlay only
	 * (identity's, dev), so this looks at all of them together.
	 */
	static List<String> unused(List<Overlay> overlays) {
		Map<String, Set<String>> referenced = new TreeMap<>();
		overlays.forEach(overlay -> references(overlay)
			.forEach((secret, keys) -> referenced.computeIfAbsent(secret, key -> new TreeSet<>()).addAll(keys)));
		List<String> problems = new ArrayList<>();
		examples().forEach((secret, keys) -> {
			Set<String> used = referenced.getOrDefault(secret, Set.of());
			if (used.isEmpty()) {
				problems.add("k8s/secrets/" + secret + ".yaml.example documents a Secret no manifest uses");
			}
			else if (!used.contains(WHOLE)) {
				keys.stream()
					.filter(key -> !used.contains(key))
					.forEach(key -> problems.add("k8s/secrets/" + secret + ".yaml.example documents key '" + key
							+ "', which no manifest uses"));
			}
		});
		return problems;
	}

	@Test
	void examplesHoldPlaceholdersOnlyAndMongoDbUrisAskForMajorityAndRetryableWrites() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path file : exampleFiles()) {
			Secret secret = example(file);
			Map<String, String> values = new LinkedHashMap<>(secret.getStringData());
			secret.getData().forEach(values::put);
			values.forEach((key, value) -> {
				if (!value.contains("<") || !value.contains(">")) {
					problems.add(Project.relative(file) + ": stringData." + key
							+ " must be a <placeholder>, never a real value");
				}
				if (key.equals("MONGODB_URI")) {
					for (String option : List.of("replicaSet=", "w=majority", "retryWrites=true", "authSource=")) {
						if (!value.contains(option)) {
							problems.add(Project.relative(file) + ": stringData.MONGODB_URI must contain " + option);
						}
					}
				}
			});
		}
		assertThat(problems).isEmpty();
	}

	static Map<String, Set<String>> references(Overlay overlay) {
		Map<String, Set<String>> referenced = new TreeMap<>();
		overlay.workloads().forEach(workload -> {
			var pod = workload.template().getSpec();
			Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream()).forEach(container -> {
				container.getEnv().forEach(variable -> {
					if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
						var reference = variable.getValueFrom().getSecretKeyRef();
						referenced.computeIfAbsent(reference.getName(), key -> new TreeSet<>()).add(reference.getKey());
					}
				});
				container.getEnvFrom().forEach(source -> {
					if (source.getSecretRef() != null) {
						referenced.computeIfAbsent(source.getSecretRef().getName(), key -> new TreeSet<>()).add(WHOLE);
					}
				});
			});
			pod.getVolumes().forEach(volume -> {
				if (volume.getSecret() != null) {
					Set<String> keys = referenced.computeIfAbsent(volume.getSecret().getSecretName(), key -> new TreeSet<>());
					if (volume.getSecret().getItems().isEmpty()) {
						keys.add(WHOLE);
					}
					volume.getSecret().getItems().forEach(item -> keys.add(item.getKey()));
				}
			});
		});
		overlay.all(Ingress.class)
			.flatMap(ingress -> ingress.getSpec().getTls().stream())
			.forEach(tls -> referenced.computeIfAbsent(tls.getSecretName(), key -> new TreeSet<>())
				.addAll(List.of("tls.crt", "tls.key")));
		return referenced;
	}

	static Map<String, Set<String>> examples() {
		Map<String, Set<String>> documented = new TreeMap<>();
		for (Path file : exampleFiles()) {
			Secret secret = example(file);
			String expectedName = file.getFileName().toString().replace(".yaml.example", "");
			if (!secret.getMetadata().getName().equals(expectedName)) {
				throw new ManifestException(file, "metadata.name", "must be '" + expectedName + "' like the file");
			}
			Set<String> keys = new TreeSet<>(secret.getStringData().keySet());
			keys.addAll(secret.getData().keySet());
			documented.put(expectedName, keys);
		}
		return documented;
	}

	private static List<Path> exampleFiles() {
		try (Stream<Path> files = Files.list(Project.SECRET_EXAMPLES)) {
			return files.filter(file -> file.getFileName().toString().endsWith(".yaml.example")).sorted().toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Secret example(Path file) {
		var content = Kustomize.readDocuments(file).get(0);
		return Manifests.strict(file, "Secret", content, Secret.class);
	}

}
