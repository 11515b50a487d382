package news.platform.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Services select real pods and point at ports those pods have; only the gateway is reachable
 * from outside (one Ingress, with TLS); every Spring Boot process is scraped.
 */
class ServiceWiringTest {

	static final List<String> overlays = Overlay.NAMES;

	@ParameterizedTest
	@FieldSource("overlays")
	void servicesSelectPodsAndTheirPorts(String name) {
		Overlay overlay = Overlay.of(name);
		List<String> problems = new ArrayList<>();
		overlay.all(Service.class).forEach(service -> {
			String id = "Service/" + service.getMetadata().getName();
			String type = Objects.requireNonNullElse(service.getSpec().getType(), "ClusterIP");
			if (!type.equals("ClusterIP")) {
				problems.add(id + ": spec.type is " + type + "; only the Ingress exposes the platform");
			}
			List<Overlay.Workload> selected = overlay.workloads()
				.filter(workload -> Selectors.matches(service.getSpec().getSelector(),
						workload.template().getMetadata().getLabels()))
				.toList();
			if (selected.isEmpty()) {
				problems.add(id + ": spec.selector " + service.getSpec().getSelector() + " matches no pod template");
				return;
			}
			for (ServicePort port : service.getSpec().getPorts()) {
				IntOrString target = Objects.requireNonNullElse(port.getTargetPort(), new IntOrString(port.getPort()));
				for (Overlay.Workload workload : selected) {
					List<ContainerPort> ports = workload.template()
						.getSpec()
						.getContainers()
						.stream()
						.flatMap(container -> container.getPorts().stream())
						.toList();
					boolean exists = ports.stream()
						.anyMatch(candidate -> target.getStrVal() != null ? target.getStrVal().equals(candidate.getName())
								: target.getIntVal().equals(candidate.getContainerPort()));
					if (!exists) {
						problems.add(id + ": spec.ports " + port.getName() + " targets " + target.getValue()
								+ ", which " + workload.id() + " does not expose");
					}
				}
			}
		});
		assertThat(problems).as("overlay %s", name).isEmpty();
	}

	@ParameterizedTest
	@FieldSource("overlays")
	void onlyTheGatewayIsExposedAndOverTls(String name) {
		Overlay overlay = Overlay.of(name);
		List<Ingress> ingresses = overlay.all(Ingress.class).toList();
		assertThat(ingresses).as("overlay %s: Ingresses", name).hasSize(1);
		Ingress ingress = ingresses.get(0);
		assertThat(ingress.getSpec().getRules())
			.as("Ingress/%s: every path goes to Service gateway", ingress.getMetadata().getName())
			.allSatisfy(rule -> assertThat(rule.getHttp().getPaths())
				.allSatisfy(path -> assertThat(path.getBackend().getService().getName()).isEqualTo("gateway")));
		assertThat(ingress.getSpec().getTls()).as("Ingress/%s spec.tls", ingress.getMetadata().getName())
			.isNotEmpty()
			.allSatisfy(tls -> assertThat(tls.getSecretName()).isNotBlank());
		List<String> tlsHosts = ingress.getSpec().getTls().stream().flatMap(tls -> tls.getHosts().stream()).toList();
		assertThat(ingress.getSpec().getRules())
			.as("Ingress/%s: every rule's host has a certificate (spec.tls.hosts)", ingress.getMetadata().getName())
			.allSatisfy(rule -> assertThat(tlsHosts).contains(rule.getHost()));
	}

	@ParameterizedTest
	@FieldSource("overlays")
	void everySpringBootProcessIsScrapedOnItsManagementPort(String name) {
		Overlay overlay = Overlay.of(name);
		List<String> problems = new ArrayList<>();
		for (Deployment deployment : overlay.all(Deployment.class).toList()) {
			Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
			List<Service> services = overlay.all(Service.class)
				.filter(service -> Selectors.matches(service.getSpec().getSelector(), labels))
				.toList();
			boolean scraped = overlay.all(ServiceMonitor.class)
				.anyMatch(monitor -> services.stream()
					.anyMatch(service -> Selectors.matches(monitor.getSpec().getSelector(),
							service.getMetadata().getLabels())
							&& monitor.getSpec()
								.getEndpoints()
								.stream()
								.anyMatch(endpoint -> "/actuator/prometheus".equals(endpoint.getPath())
										&& service.getSpec()
											.getPorts()
											.stream()
											.anyMatch(port -> port.getName().equals(endpoint.getPort())
													&& port.getTargetPort().equals(new IntOrString("management"))))));
			if (!scraped) {
				problems.add("Deployment/" + deployment.getMetadata().getName()
						+ ": no ServiceMonitor scrapes /actuator/prometheus on its management port");
			}
		}
		assertThat(problems).as("overlay %s", name).isEmpty();
	}

}
