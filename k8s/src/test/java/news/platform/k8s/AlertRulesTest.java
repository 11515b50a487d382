package news.platform.k8s;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PrometheusRule: every alert says how bad it is and where the runbook is, the rule file
 * passes {@code promtool check rules}, and the alerts fire in the cases
 * {@code promtool-tests.yaml} describes ({@code promtool test rules}).
 */
class AlertRulesTest {

	private static final Pattern JOBS = Pattern.compile("job=~\"([^\"]+)\"");

	static final String INSTALL = "promtool is not installed, so the alert rules were not checked with it: "
			+ "install it with `apt-get install prometheus` (Debian/Ubuntu; it brings /usr/bin/promtool) "
			+ "or put any promtool 2.x on PATH, then run ./mvnw -pl k8s verify";

	@Test
	void everyAlertHasASeverityASummaryAndARunbook() {
		List<String> problems = new ArrayList<>();
		Monitoring.rules().getSpec().getGroups().forEach(group -> group.getRules().forEach(rule -> {
			if (rule.getAlert() == null) {
				return;
			}
			String where = Project.relative(Monitoring.RULES) + ": group " + group.getName() + ", alert "
					+ rule.getAlert() + ": ";
			if (!Set.of("critical", "warning").contains(rule.getLabels().get("severity"))) {
				problems.add(where + "labels.severity must be critical or warning");
			}
			for (String annotation : List.of("summary", "description", "runbook")) {
				if (rule.getAnnotations().get(annotation) == null || rule.getAnnotations().get(annotation).isBlank()) {
					problems.add(where + "annotations." + annotation + " is missing");
				}
			}
			if (rule.getFor() == null) {
				problems.add(where + "for is missing: a single bad scrape must not page anyone");
			}
		}));
		assertThat(problems).isEmpty();
	}

	@Test
	void theDownAlertsWatchEveryComponent() {
		List<String> problems = new ArrayList<>();
		Set<String> components = new TreeSet<>(Components.ALL.stream().map(Components.Component::name).toList());
		Monitoring.rules().getSpec().getGroups().forEach(group -> group.getRules().forEach(rule -> {
			if (!"ServiceDown".equals(rule.getAlert()) && !"ServicePodDown".equals(rule.getAlert())) {
				return;
			}
			Matcher jobs = JOBS.matcher(rule.getExpr().getStrVal());
			Set<String> watched = jobs.find() ? new TreeSet<>(List.of(jobs.group(1).split("\\|"))) : Set.of();
			if (!watched.equals(components)) {
				problems.add(Project.relative(Monitoring.RULES) + ": alert " + rule.getAlert() + " watches jobs " + watched
						+ ", the platform's components are " + components
						+ " (the ServiceMonitor's job is the Service name; one missing is never alerted on)");
			}
		}));
		assertThat(problems).isEmpty();
	}

	@Test
	void rulesPassPromtoolCheck(@TempDir Path directory) throws Exception {
		Path promtool = KubectlParityTest.onPath("promtool");
		if (promtool == null) {
			Project.skip(INSTALL);
		}
		Result result = promtoolCheck(promtool, Monitoring.RULES, directory);
		assertThat(result.exitCode())
			.as("promtool check rules on the spec of %s:%n%s", Project.relative(Monitoring.RULES), result.output())
			.isZero();
	}

	static Result promtoolCheck(Path promtool, Path prometheusRule, Path directory) throws Exception {
		Path rules = directory.resolve("news-platform-rules.yaml");
		Kustomize.YAML.writeValue(rules.toFile(), Monitoring.rulesDocument(prometheusRule).get("spec"));
		return run(directory, promtool.toString(), "check", "rules", rules.toString());
	}

	@Test
	void alertsFireInTheCasesTheRuleTestsDescribe(@TempDir Path directory) throws Exception {
		Path promtool = KubectlParityTest.onPath("promtool");
		if (promtool == null) {
			Project.skip(INSTALL);
		}
		writeRuleFile(directory);
		Path tests = directory.resolve("promtool-tests.yaml");
		Files.copy(Project.MONITORING.resolve("promtool-tests.yaml"), tests);
		Result result = run(directory, promtool.toString(), "test", "rules", tests.toString());
		assertThat(result.exitCode())
			.as("promtool test rules %s against %s:%n%s", Project.relative(Project.MONITORING.resolve("promtool-tests.yaml")),
					Project.relative(Monitoring.RULES), result.output())
			.isZero();
	}

	/** promtool reads plain rule files: the PrometheusRule's spec is one. */
	private static Path writeRuleFile(Path directory) throws Exception {
		Path rules = directory.resolve("news-platform-rules.yaml");
		Kustomize.YAML.writeValue(rules.toFile(), Monitoring.rulesDocument().get("spec"));
		return rules;
	}

	record Result(int exitCode, String output) {
	}

	private static Result run(Path directory, String... command) throws Exception {
		Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), output);
	}

}
