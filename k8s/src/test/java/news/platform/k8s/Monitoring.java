package news.platform.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;

/** The alert rules and dashboards in k8s/base/monitoring, and the PromQL they hold. */
final class Monitoring {

	static final Path RULES = Project.MONITORING.resolve("prometheusrule.yaml");

	static final Path DASHBOARDS = Project.MONITORING.resolve("dashboards");

	private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");

	/** One PromQL expression and where it is written. */
	record Query(Path file, String where, String expression) {

		String location() {
			return Project.relative(this.file) + ": " + this.where;
		}

	}

	private Monitoring() {
	}

	static JsonNode rulesDocument() {
		return Kustomize.readDocuments(RULES).get(0);
	}

	static JsonNode rulesDocument(Path file) {
		return Kustomize.readDocuments(file).get(0);
	}

	static PrometheusRule rules() {
		return Manifests.strict(RULES, "PrometheusRule", rulesDocument(), PrometheusRule.class);
	}

	static List<Query> ruleQueries() {
		List<Query> queries = new ArrayList<>();
		rules().getSpec().getGroups().forEach(group -> group.getRules().forEach(rule -> {
			String name = rule.getAlert() != null ? "alert " + rule.getAlert() : "record " + rule.getRecord();
			queries.add(new Query(RULES, "group " + group.getName() + ", " + name + ", expr",
					rule.getExpr().getStrVal() != null ? rule.getExpr().getStrVal() : String.valueOf(rule.getExpr().getIntVal())));
		}));
		return queries;
	}

	static List<String> recordedNames() {
		return rules().getSpec()
			.getGroups()
			.stream()
			.flatMap(group -> group.getRules().stream())
			.filter(rule -> rule.getRecord() != null)
			.map(rule -> rule.getRecord())
			.toList();
	}

	static List<Path> dashboards() {
		try (Stream<Path> files = Files.list(DASHBOARDS)) {
			return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<Query> dashboardQueries() {
		return dashboardQueries(dashboards());
	}

	static List<Query> dashboardQueries(List<Path> files) {
		List<Query> queries = new ArrayList<>();
		ObjectMapper json = new ObjectMapper();
		for (Path file : files) {
			JsonNode dashboard;
			try {
				dashboard = json.readTree(file.toFile());
			}
			catch (IOException ex) {
				throw new ManifestException(file, "(document)", "not readable JSON: " + ex.getMessage());
			}
			collectPanels(file, dashboard.path("panels"), queries);
			for (JsonNode variable : dashboard.path("templating").path("list")) {
				String query = variable.path("query").isObject() ? variable.path("query").path("query").asText()
						: variable.path("query").asText();
				Matcher matcher = LABEL_VALUES.matcher(query);
				if (variable.path("type").asText().equals("query") && matcher.find()) {
					queries.add(new Query(file, "templating variable '" + variable.path("name").asText() + "' query",
							matcher.group(1)));
				}
			}
		}
		return queries;
	}

	private static void collectPanels(Path file, JsonNode panels, List<Query> queries) {
		for (JsonNode panel : panels) {
			for (JsonNode target : panel.path("targets")) {
				queries.add(new Query(file, "panel '" + panel.path("title").asText() + "' target "
						+ target.path("refId").asText() + " expr", target.path("expr").asText()));
			}
			collectPanels(file, panel.path("panels"), queries);
		}
	}

}
