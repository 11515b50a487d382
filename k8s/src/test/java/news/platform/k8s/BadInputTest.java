package news.platform.k8s;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checks catch what they claim to: each fixture under src/test/resources/broken/ is the prod
 * overlay (identity's: the dev overlay) with one kind of mistake, and the failure names the file and
 * the field.
 */
class BadInputTest {

	private static Path fixture(String name) {
		return Project.K8S.resolve("src/test/resources/broken").resolve(name);
	}

	@Test
	void aMisspelledFieldNamesTheFileAndTheField() {
		assertThatThrownBy(() -> Overlay.at("prod", fixture("misspelled-field"))).isInstanceOf(AssertionError.class)
			.hasMessageContaining("k8s/base/article-service/deployment.yaml")
			.hasMessageContaining("Deployment/article-service spec.template.spec.containers[0].livenesProbe")
			.hasMessageContaining("unknown field");
	}

	@Test
	void aValueOfTheWrongTypeNamesTheFileAndTheField() {
		assertThatThrownBy(() -> Overlay.at("prod", fixture("wrong-type"))).isInstanceOf(AssertionError.class)
			.hasMessageContaining("k8s/base/media-service/deployment.yaml")
			.hasMessageContaining("Deployment/media-service spec.template.spec.terminationGracePeriodSeconds")
			.hasMessageContaining("wrong type");
	}

	@Test
	void policyViolationsAreEachNamed() {
		Overlay overlay = Overlay.at("prod", fixture("policy-violations"));
		assertThat(WorkloadPolicyTest.containerProblems(overlay))
			.anySatisfy(problem -> assertThat(problem).contains("Deployment/gateway container gateway")
				.contains("never latest"))
			.anySatisfy(problem -> assertThat(problem).contains("Deployment/comment-service container comment-service")
				.contains("allowPrivilegeEscalation"));
		assertThat(WorkloadPolicyTest.deploymentProblems(overlay))
			.anySatisfy(problem -> assertThat(problem).contains("Deployment/comment-service").contains("preStop"))
			.anySatisfy(problem -> assertThat(problem).contains("Deployment/comment-service")
				.contains("maxUnavailable: 0"))
			.anySatisfy(problem -> assertThat(problem).contains("Deployment/comment-service")
				.contains("readinessProbe is missing"));
	}

	@Test
	void aBlockedOrAnExtraConnectionIsNamed() {
		Overlay overlay = Overlay.at("prod", fixture("blocked-connection"));
		assertThat(NetworkPolicyTest.allowedEdges(overlay)).doesNotContain("media-service -> article-service:8081")
			.contains("gateway -> mongodb:27017");
	}

	@Test
	void anUndocumentedSecretKeyIsNamed() {
		Overlay overlay = Overlay.at("prod", fixture("undocumented-secret"));
		assertThat(SecretDocumentationTest.problems(overlay))
			.containsExactly("Secret 'gateway-secrets' is referenced but k8s/secrets/gateway-secrets.yaml.example does not exist");
	}

	@Test
	void identityInProdIsNamed() {
		Overlay overlay = Overlay.at("prod", fixture("identity-in-prod"));
		assertThat(IdentityWiringTest.placementProblems(overlay))
			.anySatisfy(problem -> assertThat(problem).startsWith("Deployment/identity: identity must not be deployed in overlay prod"))
			.anySatisfy(problem -> assertThat(problem).startsWith("NetworkPolicy/mongodb-from-identity: "))
			.anySatisfy(problem -> assertThat(problem).startsWith("Secret 'identity-keys' is referenced: "));
		assertThat(ServiceWiringTest.ingressProblems(overlay)).containsExactly(
				"Ingress/gateway: rule for host id.news.example.com routes to identity, which overlay prod must not deploy "
						+ "(it uses the organisation's identity provider)");
	}

	@Test
	void identityOnAnotherHostThanItsIssuerIsNamed() {
		Overlay overlay = Overlay.at("dev", fixture("identity-wrong-host"));
		assertThat(ServiceWiringTest.ingressProblems(overlay)).containsExactly(
				"Ingress/gateway: identity's rule must be on host id.news.dev.example.com, is on auth.news.dev.example.com");
		assertThat(IdentityWiringTest.issuerProblems(overlay)).containsExactly(
				"Deployment/identity env IDENTITY_ISSUER is 'https://id.news.dev.example.com', must be "
						+ "https://auth.news.dev.example.com (the Ingress host that routes to identity)");
	}

	@Test
	void aDashboardPanelReadingAMetricOrLabelNoServiceExportsIsNamed() {
		MetricNamesTest.Scrapes scrapes = new MetricNamesTest.Scrapes(
				new TreeMap<>(Map.of("gateway", Path.of("gateway.prom"), "config-server", Path.of("config-server.prom"),
						"article-service", Path.of("article-service.prom"), "media-service", Path.of("media-service.prom"),
						"comment-service", Path.of("comment-service.prom"), "site", Path.of("site.prom"), "desk",
						Path.of("desk.prom"))),
				Map.of("gateway", Set.of("http_server_requests_seconds_count", "jvm_info")), Set.of(),
				Map.of("http_server_requests_seconds_count", Set.of("application", "uri", "status")));
		var check = MetricNamesTest.check(Monitoring.dashboardQueries(List.of(fixture("dashboard-unknown-metric.json"))),
				Set.of(), scrapes);
		assertThat(check.failures()).containsExactly(
				"k8s/src/test/resources/broken/dashboard-unknown-metric.json: panel 'Requests' target B expr: metric "
						+ "'http_server_request_total' is exported by no service (scraped: [article-service, "
						+ "comment-service, config-server, desk, gateway, media-service, site])",
				"k8s/src/test/resources/broken/dashboard-unknown-metric.json: panel 'Requests' target C expr: label "
						+ "'aplication' is on none of [http_server_requests_seconds_count] in any scrape (labels there: "
						+ "[__name__, application, container, endpoint, instance, job, le, namespace, pod, service, "
						+ "status, uri])");
	}

	@Test
	void anAlertWithABrokenExpressionFailsPromtoolNamingTheRule(@TempDir Path directory) throws Exception {
		Path promtool = KubectlParityTest.onPath("promtool");
		if (promtool == null) {
			Project.skip(AlertRulesTest.INSTALL);
		}
		var result = AlertRulesTest.promtoolCheck(promtool, fixture("alert-broken-expression.yaml"), directory);
		assertThat(result.exitCode()).isNotZero();
		assertThat(result.output()).contains("BrokenParenthesis").contains("parse");
	}

}
