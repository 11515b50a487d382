package news.platform.k8s;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboards load and show what they claim: unique panel ids, every query panel on
 * the dashboard's Prometheus data source with a non-empty expression and a unit, inside the
 * 24-column grid. (Which metrics and labels exist is {@link MetricNamesTest}'s job.)
 */
class DashboardTest {

	@Test
	void everyPanelIsWellFormed() throws IOException {
		List<String> problems = new ArrayList<>();
		for (Path file : Monitoring.dashboards()) {
			JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
			String where = Project.relative(file);
			if (dashboard.path("uid").asText().isBlank() || dashboard.path("title").asText().isBlank()) {
				problems.add(where + ": uid and title are required");
			}
			Set<Integer> ids = new HashSet<>();
			for (JsonNode panel : dashboard.path("panels")) {
				String name = where + ": panel '" + panel.path("title").asText() + "'";
				if (!ids.add(panel.path("id").asInt())) {
					problems.add(name + ": id " + panel.path("id").asInt() + " is used twice");
				}
				JsonNode grid = panel.path("gridPos");
				if (grid.path("x").asInt() + grid.path("w").asInt() > 24 || grid.path("w").asInt() <= 0) {
					problems.add(name + ": gridPos is outside the 24 columns");
				}
				if (panel.path("type").asText().equals("row")) {
					continue;
				}
				if (!panel.path("datasource").path("uid").asText().equals("${datasource}")) {
					problems.add(name + ": datasource must be the dashboard's ${datasource} variable");
				}
				if (panel.path("fieldConfig").path("defaults").path("unit").asText().isBlank()) {
					problems.add(name + ": fieldConfig.defaults.unit is missing");
				}
				if (panel.path("targets").isEmpty()) {
					problems.add(name + ": no targets");
				}
				for (JsonNode target : panel.path("targets")) {
					if (target.path("expr").asText().isBlank()) {
						problems.add(name + " target " + target.path("refId").asText() + ": expr is empty");
					}
				}
			}
		}
		assertThat(problems).isEmpty();
	}

}
