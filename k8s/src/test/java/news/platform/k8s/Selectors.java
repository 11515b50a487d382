package news.platform.k8s;

import java.util.Map;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;

/** Kubernetes label selector semantics: matchLabels and matchExpressions, all must hold. */
final class Selectors {

	private Selectors() {
	}

	/** A null selector selects nothing; an empty one selects everything. */
	static boolean matches(LabelSelector selector, Map<String, String> labels) {
		if (selector == null) {
			return false;
		}
		Map<String, String> actual = labels == null ? Map.of() : labels;
		if (selector.getMatchLabels() != null) {
			for (Map.Entry<String, String> entry : selector.getMatchLabels().entrySet()) {
				if (!entry.getValue().equals(actual.get(entry.getKey()))) {
					return false;
				}
			}
		}
		for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
			String value = actual.get(requirement.getKey());
			boolean holds = switch (requirement.getOperator()) {
				case "In" -> value != null && requirement.getValues().contains(value);
				case "NotIn" -> value == null || !requirement.getValues().contains(value);
				case "Exists" -> value != null;
				case "DoesNotExist" -> value == null;
				default -> throw new IllegalArgumentException("unknown selector operator " + requirement.getOperator());
			};
			if (!holds) {
				return false;
			}
		}
		return true;
	}

	/** A Service's selector: a plain map, empty selects nothing (no endpoints are managed). */
	static boolean matches(Map<String, String> selector, Map<String, String> labels) {
		if (selector == null || selector.isEmpty()) {
			return false;
		}
		return selector.entrySet().stream().allMatch(entry -> entry.getValue().equals(labels == null ? null : labels.get(entry.getKey())));
	}

}
