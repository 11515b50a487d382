package news.platform.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the subset of kustomize
 * the overlays use: {@code resources} (files and directories), {@code namespace}, {@code images},
 * JSON 6902 {@code patches} with a {@code target} (kind, name as a regular expression,
 * labelSelector of equalities) and {@code configMapGenerator} from files without a name hash.
 * Anything else in a kustomization fails the render, naming the file and the field, so the
 * overlays cannot drift into features this renderer would silently ignore. Where kubectl is
 * installed, {@link KubectlParityTest} proves both render the same objects.
 */
final class Kustomize {

	static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	private static final Set<String> SUPPORTED_FIELDS = Set.of("apiVersion", "kind", "resources", "namespace",
			"images", "patches", "configMapGenerator", "generatorOptions");

	/** Kinds that live outside namespaces; the namespace transformer leaves them alone. */
	private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
			"CustomResourceDefinition", "PriorityClass", "StorageClass", "IngressClass");

	private Kustomize() {
	}

	/** One rendered object and the file it came from, for messages that name the file. */
	record Resource(Path source, ObjectNode content) {

		String kind() {
			return this.content.path("kind").asText();
		}

		String name() {
			return this.content.path("metadata").path("name").asText();
		}

		String id() {
			return kind() + "/" + name();
		}

	}

	static List<Resource> render(Path directory) {
		Path file = directory.resolve("kustomization.yaml");
		ObjectNode kustomization = (ObjectNode) readDocuments(file).get(0);
		kustomization.fieldNames().forEachRemaining(field -> {
			if (!SUPPORTED_FIELDS.contains(field)) {
				throw new ManifestException(file, field,
						"this kustomize field is not supported by the build's renderer (supported: " + SUPPORTED_FIELDS
								+ "); keep overlays to that subset or extend Kustomize.java");
			}
		});
		List<Resource> resources = new ArrayList<>();
		for (JsonNode entry : kustomization.path("resources")) {
			Path path = directory.resolve(entry.asText()).normalize();
			if (Files.isDirectory(path)) {
				resources.addAll(render(path));
			}
			else if (Files.isRegularFile(path)) {
				readDocuments(path).forEach(document -> resources.add(new Resource(path, (ObjectNode) document)));
			}
			else {
				throw new ManifestException(file, "resources", "'" + entry.asText() + "' does not exist");
			}
		}
		resources.addAll(generateConfigMaps(directory, file, kustomization));
		applyPatches(file, kustomization.path("patches"), resources);
		applyImages(kustomization.path("images"), resources);
		if (kustomization.hasNonNull("namespace")) {
			String namespace = kustomization.get("namespace").asText();
			for (Resource resource : resources) {
				if (!CLUSTER_SCOPED.contains(resource.kind())) {
					((ObjectNode) resource.content().get("metadata")).put("namespace", namespace);
				}
			}
		}
		return resources;
	}

	static List<JsonNode> readDocuments(Path file) {
		try (YAMLParser parser = new YAMLFactory().createParser(file.toFile())) {
			List<JsonNode> documents = new ArrayList<>();
			YAML.readValues(parser, JsonNode.class).forEachRemaining(document -> {
				if (document != null && !document.isNull() && !document.isMissingNode()) {
					documents.add(document);
				}
			});
			return documents;
		}
		catch (IOException ex) {
			throw new ManifestException(file, "(document)", "not readable YAML: " + ex.getMessage());
		}
	}

	private static List<Resource> generateConfigMaps(Path directory, Path file, ObjectNode kustomization) {
		List<Resource> generated = new ArrayList<>();
		JsonNode generators = kustomization.path("configMapGenerator");
		if (generators.isEmpty()) {
			return generated;
		}
		if (!kustomization.path("generatorOptions").path("disableNameSuffixHash").asBoolean(false)) {
			throw new ManifestException(file, "generatorOptions.disableNameSuffixHash",
					"must be true: the renderer does not compute kustomize's name hashes");
		}
		for (JsonNode generator : generators) {
			ObjectNode configMap = YAML.createObjectNode();
			configMap.put("apiVersion", "v1");
			configMap.put("kind", "ConfigMap");
			ObjectNode metadata = configMap.putObject("metadata");
			metadata.put("name", generator.path("name").asText());
			JsonNode labels = generator.path("options").path("labels");
			if (!labels.isMissingNode()) {
				metadata.set("labels", labels.deepCopy());
			}
			ObjectNode data = configMap.putObject("data");
			for (JsonNode entry : generator.path("files")) {
				String spec = entry.asText();
				String key = spec.contains("=") ? spec.substring(0, spec.indexOf('=')) : Path.of(spec).getFileName().toString();
				String relative = spec.contains("=") ? spec.substring(spec.indexOf('=') + 1) : spec;
				Path source = directory.resolve(relative).normalize();
				if (!source.startsWith(directory)) {
					throw new ManifestException(file, "configMapGenerator.files",
							"'" + spec + "' is outside the kustomization root, which kustomize refuses");
				}
				try {
					data.put(key, Files.readString(source));
				}
				catch (IOException ex) {
					throw new ManifestException(file, "configMapGenerator.files", "'" + spec + "' is not readable");
				}
			}
			generated.add(new Resource(file, configMap));
		}
		return generated;
	}

	private static void applyPatches(Path file, JsonNode patches, List<Resource> resources) {
		for (JsonNode patch : patches) {
			JsonNode target = patch.path("target");
			if (target.isMissingNode() || !patch.has("patch")) {
				throw new ManifestException(file, "patches",
						"only inline JSON 6902 patches with a target are supported");
			}
			JsonNode operations = readInline(file, patch.get("patch").asText());
			int matched = 0;
			for (Resource resource : resources) {
				if (matches(target, resource.content())) {
					matched++;
					for (JsonNode operation : operations) {
						applyOperation(file, resource, operation);
					}
				}
			}
			if (matched == 0) {
				throw new ManifestException(file, "patches.target", "matches no resource: " + target);
			}
		}
	}

	private static JsonNode readInline(Path file, String text) {
		try {
			return YAML.readTree(text);
		}
		catch (IOException ex) {
			throw new ManifestException(file, "patches.patch", "not readable: " + ex.getMessage());
		}
	}

	private static boolean matches(JsonNode target, JsonNode content) {
		if (target.has("kind") && !target.get("kind").asText().equals(content.path("kind").asText())) {
			return false;
		}
		if (target.has("name") && !Pattern.matches(target.get("name").asText(),
				content.path("metadata").path("name").asText())) {
			return false;
		}
		if (target.has("labelSelector")) {
			for (String requirement : target.get("labelSelector").asText().split(",")) {
				String[] pair = requirement.split("=", 2);
				if (!pair[1].trim().equals(content.path("metadata").path("labels").path(pair[0].trim()).asText(null))) {
					return false;
				}
			}
		}
		return true;
	}

	private static void applyOperation(Path file, Resource resource, JsonNode operation) {
		String op = operation.path("op").asText();
		String path = operation.path("path").asText();
		String[] tokens = path.substring(1).split("/");
		JsonNode parent = resource.content();
		for (int i = 0; i < tokens.length - 1; i++) {
			parent = child(parent, unescape(tokens[i]));
			if (parent == null) {
				throw new ManifestException(file, "patches " + path,
						"no such path in " + resource.id() + " (from " + resource.source() + ")");
			}
		}
		String last = unescape(tokens[tokens.length - 1]);
		JsonNode value = operation.get("value");
		switch (op) {
			case "add" -> {
				if (parent instanceof ArrayNode array) {
					if (last.equals("-")) {
						array.add(value.deepCopy());
					}
					else {
						array.insert(Integer.parseInt(last), value.deepCopy());
					}
				}
				else {
					((ObjectNode) parent).set(last, value.deepCopy());
				}
			}
			case "replace" -> {
				if (child(parent, last) == null) {
					throw new ManifestException(file, "patches " + path,
							"replace of a missing value in " + resource.id() + " (from " + resource.source() + ")");
				}
				if (parent instanceof ArrayNode array) {
					array.set(Integer.parseInt(last), value.deepCopy());
				}
				else {
					((ObjectNode) parent).set(last, value.deepCopy());
				}
			}
			case "remove" -> {
				if (parent instanceof ArrayNode array) {
					array.remove(Integer.parseInt(last));
				}
				else {
					((ObjectNode) parent).remove(last);
				}
			}
			default -> throw new ManifestException(file, "patches op", "'" + op + "' is not supported");
		}
	}

	private static JsonNode child(JsonNode node, String token) {
		if (node instanceof ArrayNode array) {
			int index = Integer.parseInt(token);
			return index < array.size() ? array.get(index) : null;
		}
		return node.get(token);
	}

	private static String unescape(String token) {
		return token.replace("~1", "/").replace("~0", "~");
	}

	private static void applyImages(JsonNode images, List<Resource> resources) {
		Map<String, JsonNode> byName = new LinkedHashMap<>();
		images.forEach(image -> byName.put(image.path("name").asText(), image));
		if (byName.isEmpty()) {
			return;
		}
		for (Resource resource : resources) {
			resource.content().findParents("image").forEach(container -> {
				if (!(container instanceof ObjectNode object) || !object.has("name") || !object.get("image").isTextual()) {
					return;
				}
				String image = object.get("image").asText();
				String name = imageName(image);
				JsonNode replacement = byName.get(name);
				if (replacement != null) {
					String newName = replacement.path("newName").asText(name);
					String tag = image.substring(name.length());
					if (replacement.hasNonNull("digest")) {
						tag = "@" + replacement.get("digest").asText();
					}
					else if (replacement.hasNonNull("newTag")) {
						tag = ":" + replacement.get("newTag").asText();
					}
					object.put("image", newName + tag);
				}
			});
		}
	}

	/** The image reference without tag or digest. */
	static String imageName(String image) {
		int at = image.indexOf('@');
		String withoutDigest = at >= 0 ? image.substring(0, at) : image;
		int colon = withoutDigest.lastIndexOf(':');
		return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
	}

	static Map<String, Object> asMap(JsonNode node) {
		return YAML.convertValue(node, new TypeReference<>() {
		});
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
