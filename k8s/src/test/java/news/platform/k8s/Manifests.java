package news.platform.k8s;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.kustomize.v1beta1.Kustomization;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;

/**
 * Reads rendered objects into fabric8's Kubernetes model classes and refuses what the API server
 * would refuse or silently drop: an unknown kind or apiVersion, a field the schema does not have
 * (fabric8 keeps those in {@code additionalProperties}; a typo such as {@code livenesProbe} lands
 * there), and a value of the wrong type.
 */
final class Manifests {

	record Kind(String apiVersion, String kind, Class<? extends HasMetadata> type) {
	}

	static final List<Kind> KINDS = List.of(new Kind("v1", "Namespace", Namespace.class),
			new Kind("v1", "Service", Service.class), new Kind("v1", "ServiceAccount", ServiceAccount.class),
			new Kind("v1", "ConfigMap", ConfigMap.class), new Kind("v1", "Secret", Secret.class),
			new Kind("apps/v1", "Deployment", Deployment.class), new Kind("apps/v1", "StatefulSet", StatefulSet.class),
			new Kind("batch/v1", "Job", Job.class),
			new Kind("policy/v1", "PodDisruptionBudget", PodDisruptionBudget.class),
			new Kind("autoscaling/v2", "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
			new Kind("networking.k8s.io/v1", "NetworkPolicy", NetworkPolicy.class),
			new Kind("networking.k8s.io/v1", "Ingress", Ingress.class),
			new Kind("monitoring.coreos.com/v1", "ServiceMonitor", ServiceMonitor.class),
			new Kind("monitoring.coreos.com/v1", "PrometheusRule", PrometheusRule.class));

	private static final ObjectMapper STRICT = JsonMapper.builder()
		// "3" where an integer belongs is refused by the API server too
		.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private Manifests() {
	}

	static HasMetadata parse(Kustomize.Resource resource) {
		String apiVersion = resource.content().path("apiVersion").asText();
		String kind = resource.kind();
		Kind known = KINDS.stream()
			.filter(candidate -> candidate.kind().equals(kind))
			.findFirst()
			.orElseThrow(() -> new ManifestException(resource.source(), "kind",
					"'" + kind + "' (" + resource.name() + ") is not a kind the checks know; known: "
							+ KINDS.stream().map(Kind::kind).toList()));
		if (!known.apiVersion().equals(apiVersion)) {
			throw new ManifestException(resource.source(), resource.id() + " apiVersion",
					"'" + apiVersion + "' where " + kind + " is served as '" + known.apiVersion() + "'");
		}
		return strict(resource.source(), resource.id(), resource.content(), known.type());
	}

	static List<HasMetadata> parseAll(List<Kustomize.Resource> resources) {
		List<HasMetadata> objects = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (Kustomize.Resource resource : resources) {
			try {
				objects.add(parse(resource));
			}
			catch (ManifestException ex) {
				problems.add(ex.getMessage());
			}
		}
		if (!problems.isEmpty()) {
			throw new AssertionError(String.join("\n", problems));
		}
		return objects;
	}

	static Kustomization kustomization(Path file) {
		JsonNode content = Kustomize.readDocuments(file).get(0);
		return strict(file, "Kustomization", content, Kustomization.class);
	}

	static <T> T strict(Path file, String what, JsonNode content, Class<T> type) {
		T value;
		try {
			value = STRICT.treeToValue(content, type);
		}
		catch (JsonMappingException ex) {
			String field = ex.getPath()
				.stream()
				.map(reference -> reference.getFieldName() != null ? reference.getFieldName()
						: "[" + reference.getIndex() + "]")
				.collect(Collectors.joining("."))
				.replace(".[", "[");
			throw new ManifestException(file, what + " " + field, "wrong type: " + ex.getOriginalMessage());
		}
		catch (Exception ex) {
			throw new ManifestException(file, what, ex.getMessage());
		}
		List<String> unknown = new ArrayList<>();
		collectUnknownFields(value, "", unknown);
		if (!unknown.isEmpty()) {
			throw new ManifestException(file, what + " " + String.join(", ", unknown),
					"unknown field (misspelled, or at the wrong level)");
		}
		return value;
	}

	private static void collectUnknownFields(Object value, String path, List<String> unknown) {
		if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean
				|| value instanceof Enum<?>) {
			return;
		}
		if (value instanceof Collection<?> collection) {
			int index = 0;
			for (Object element : collection) {
				collectUnknownFields(element, path + "[" + index++ + "]", unknown);
			}
			return;
		}
		if (value instanceof Map<?, ?> map) {
			map.forEach((key, element) -> collectUnknownFields(element, path + "." + key, unknown));
			return;
		}
		if (!value.getClass().getName().startsWith("io.fabric8.")) {
			return;
		}
		for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers())) {
					continue;
				}
				field.setAccessible(true);
				Object fieldValue;
				try {
					fieldValue = field.get(value);
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
				if (field.getName().equals("additionalProperties")) {
					if (fieldValue instanceof Map<?, ?> extra) {
						extra.keySet().forEach(key -> unknown.add(join(path, String.valueOf(key))));
					}
					continue;
				}
				JsonProperty property = field.getAnnotation(JsonProperty.class);
				String name = property != null && !property.value().isEmpty() ? property.value() : field.getName();
				collectUnknownFields(fieldValue, join(path, name), unknown);
			}
		}
	}

	private static String join(String path, String name) {
		return path.isEmpty() ? name : path + "." + name;
	}

}
