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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric the dashboards and alert rules read exists on a service's /actuator/prometheus.
 *
 * <p>The services' own integration tests start each application and write what its
 * /actuator/prometheus answered, unchanged, to {@code <module>/<build dir>/prometheus/<application>.prom}
 * (see k8s/README.md, "Metric names"). This module comes last in the reactor and reads those
 * files from the same build directory. A name no scraped service exports fails the build with the
 * file and panel or rule that uses it; a name that only a service without a scrape file could
 * export (not built in this run) is reported and the check is skipped, never passed silently.
 */
class MetricNamesTest {

	/** Labels Prometheus adds to every series of a ServiceMonitor target, and the bucket bound. */
	private static final Set<String> TARGET_LABELS = Set.of("namespace", "pod", "job", "service", "instance", "endpoint",
			"container", "le", "__name__");

	/** Series Prometheus makes itself for every scrape target. */
	private static final Set<String> SYNTHETIC = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped",
			"scrape_samples_post_metric_relabeling", "scrape_series_added");

	/** Which service a metric name belongs to, by prefix; other names any Spring Boot process may export. */
	private static final Map<String, List<String>> OWNERS = new LinkedHashMap<>();

	static {
		OWNERS.put("articles_", List.of("article-service"));
		OWNERS.put("comments_", List.of("comment-service"));
		OWNERS.put("media_", List.of("media-service"));
		OWNERS.put("feed_consumer_", List.of("media-service", "comment-service"));
		OWNERS.put("spring_cloud_gateway_", List.of("gateway"));
	}

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})?\\s");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"(?:[^\"\\\\]|\\\\.)*\"");

	private static final Pattern LE = Pattern.compile("\\ble=\"([^\"]+)\"");

	/** What the scrape files say: the sample names, and name|le for every bucket. */
	record Scrapes(Map<String, Path> files, Map<String, Set<String>> names, Set<String> buckets,
			Map<String, Set<String>> labels) {

		Scrapes(Map<String, Path> files, Map<String, Set<String>> names, Set<String> buckets) {
			this(files, names, buckets, Map.of());
		}

		boolean exports(String name) {
			return this.names.values().stream().anyMatch(names -> names.contains(name));
		}

		List<String> missingApplications(List<String> applications) {
			return applications.stream().filter(application -> !this.files.containsKey(application)).toList();
		}

	}

	@Test
	void everyMetricInTheDashboardsAndAlertRulesIsExported() {
		Scrapes scrapes = readScrapes();
		List<Monitoring.Query> queries = new ArrayList<>(Monitoring.dashboardQueries());
		queries.addAll(Monitoring.ruleQueries());
		Check check = check(queries, Set.copyOf(Monitoring.recordedNames()), scrapes);
		assertThat(check.failures()).as("metric names checked against %s",
				scrapes.files().values().stream().map(Project::relative).toList())
			.isEmpty();
		if (!check.pending().isEmpty()) {
			Project.skip("Metric names not verified, because the services that could export them were not scraped in "
					+ "this build (no " + scrapeFile("<module>", "<application>") + "):" + describe(check.pending()));
		}
	}

	/** Names no scraped service exports (failures), and names only an unscraped service could export. */
	record Check(List<String> failures, Map<String, List<String>> pending) {
	}

	static Check check(List<Monitoring.Query> queries, Set<String> recorded, Scrapes scrapes) {
		List<String> failures = new ArrayList<>();
		Map<String, List<String>> pending = new TreeMap<>();
		for (Monitoring.Query query : queries) {
			for (String name : PromQl.metricNames(query.expression())) {
				if (SYNTHETIC.contains(name) || recorded.contains(name) || scrapes.exports(name)) {
					continue;
				}
				List<String> missing = scrapes.missingApplications(owners(name));
				if (missing.isEmpty()) {
					failures.add(query.location() + ": metric '" + name + "' is exported by no service (scraped: "
							+ scrapes.files().keySet() + ")");
				}
				else {
					pending.computeIfAbsent(name, key -> new ArrayList<>())
						.add(query.location() + " (could come from " + missing + ", not scraped in this build)");
				}
			}
			Set<String> metrics = PromQl.metricNames(query.expression());
			if (!metrics.isEmpty() && metrics.stream().allMatch(scrapes::exports)) {
				Set<String> known = new TreeSet<>(TARGET_LABELS);
				metrics.forEach(name -> known.addAll(scrapes.labels().getOrDefault(name, Set.of())));
				for (String label : PromQl.labelNames(query.expression())) {
					if (!known.contains(label)) {
						failures.add(query.location() + ": label '" + label + "' is on none of " + metrics
								+ " in any scrape (labels there: " + known + ")");
					}
				}
			}
			for (String bucket : PromQl.fixedBuckets(query.expression())) {
				String name = bucket.substring(0, bucket.indexOf('|'));
				if (scrapes.exports(name) && !scrapes.buckets().contains(bucket)) {
					failures.add(query.location() + ": '" + name + "' has no bucket le=\""
							+ bucket.substring(bucket.indexOf('|') + 1)
							+ "\" in any scrape (configure management.metrics.distribution.slo for it)");
				}
			}
		}
		return new Check(failures, pending);
	}

	@Test
	void theNameParserFindsMetricsAndNothingElse() {
		assertThat(PromQl.metricNames(
				"histogram_quantile(0.99, sum by (le, application) (rate(http_server_requests_seconds_bucket{namespace=~\"$namespace\", uri!~\"/actuator.*\"}[$__rate_interval])))"))
			.containsExactly("http_server_requests_seconds_bucket");
		assertThat(PromQl.metricNames(
				"max by (namespace) (comments_moderation_pending) > 50 and max by (namespace) (deriv(comments_moderation_pending[30m])) > 0"))
			.containsExactly("comments_moderation_pending");
		assertThat(PromQl.metricNames("sum(rate(a_total[5m] offset 1h)) / on (job) group_left (pod) b_info * 1e3"))
			.containsExactly("a_total", "b_info");
		assertThat(PromQl.fixedBuckets("rate(x_seconds_bucket{uri!~\"/a\", le=\"0.5\"}[5m])"))
			.containsExactly("x_seconds_bucket|0.5");
		assertThat(PromQl.labelNames(
				"sum by (le, routeId) (rate(x_bucket{namespace=~\"$namespace\", httpStatusCode=~\"5..\", a!=\"b=c\"}[1m])) / on (job) group_left (pod) y"))
			.containsExactlyInAnyOrder("namespace", "httpStatusCode", "a", "le", "routeId", "job", "pod");
	}

	private static List<String> owners(String name) {
		return OWNERS.entrySet()
			.stream()
			.filter(entry -> name.startsWith(entry.getKey()))
			.map(Map.Entry::getValue)
			.findFirst()
			// identity (dev only) writes no scrape file in the build: a name any process may export is
			// checked against the processes every overlay runs, so it can fail rather than wait for identity
			.orElse(Components.everywhere().stream().map(Components.Component::name).toList());
	}

	static Scrapes readScrapes() {
		Map<String, Path> files = new TreeMap<>();
		Map<String, Set<String>> names = new TreeMap<>();
		Set<String> buckets = new TreeSet<>();
		Map<String, Set<String>> labels = new TreeMap<>();
		for (Components.Component component : Components.ALL) {
			Path file = Project.ROOT.resolve(scrapeFile(component.module(), component.name()));
			if (!Files.isRegularFile(file)) {
				continue;
			}
			files.put(component.name(), file);
			Set<String> exported = new TreeSet<>();
			try (Stream<String> lines = Files.lines(file)) {
				lines.filter(line -> !line.startsWith("#")).forEach(line -> {
					Matcher sample = SAMPLE.matcher(line);
					if (sample.find()) {
						exported.add(sample.group(1));
						Set<String> labelNames = labels.computeIfAbsent(sample.group(1), key -> new TreeSet<>());
						if (sample.group(2) != null) {
							Matcher label = LABEL.matcher(sample.group(2));
							while (label.find()) {
								labelNames.add(label.group(1));
							}
							Matcher le = LE.matcher(sample.group(2));
							if (le.find()) {
								buckets.add(sample.group(1) + "|" + le.group(1));
							}
						}
					}
				});
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			names.put(component.name(), exported);
		}
		if (files.isEmpty()) {
			Project.skip("No service was scraped in this build, so no metric name of the dashboards and alert rules is "
					+ "verified: the services' integration tests write " + scrapeFile("<module>", "<application>")
					+ "; run the whole reactor (./mvnw -B verify) or the services with the k8s module "
					+ "(./mvnw -B -pl config,gateway,article-service,media-service,comment-service,k8s -am verify)");
		}
		return new Scrapes(files, names, buckets, labels);
	}

	static String scrapeFile(String module, String application) {
		return module + "/" + Project.buildDirectoryName() + "/prometheus/" + application + ".prom";
	}

	private static String describe(Map<String, List<String>> pending) {
		StringBuilder text = new StringBuilder();
		pending.forEach((name, uses) -> text.append(System.lineSeparator())
			.append("  ")
			.append(name)
			.append(": ")
			.append(uses.get(0))
			.append(uses.size() > 1 ? " and " + (uses.size() - 1) + " more" : ""));
		return text.toString();
	}

}
