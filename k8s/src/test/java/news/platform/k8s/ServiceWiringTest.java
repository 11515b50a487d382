package news.platform.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Services select real pods and point at ports those pods have; only the gateway is reachable
 * from outside (one Ingress, with TLS), and identity on its own host where it runs; every Spring
 * Boot process is scraped.
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
		assertThat(ingressProblems(overlay)).as("overlay %s", name).isEmpty();
	}

	/**
	 * Every rule of the one Ingress goes to the gateway, on the site's host; where identity runs, one
	 * more rule on the host {@code id.<site's host>} goes to identity's http port (identity has no
	 * context path, so it gets a host of its own). Every host has a certificate.
	 */
	static List<String> ingressProblems(Overlay overlay) {
		List<String> problems = new ArrayList<>();
		boolean identityRuns = Components.named(Components.IDENTITY).orElseThrow().in(overlay.name());
		for (Ingress ingress : overlay.all(Ingress.class).toList()) {
			String id = "Ingress/" + ingress.getMetadata().getName();
			Set<String> siteHosts = new TreeSet<>();
			for (IngressRule rule : ingress.getSpec().getRules()) {
				Set<String> backends = new TreeSet<>();
				rule.getHttp().getPaths().forEach(path -> backends.add(path.getBackend().getService().getName()));
				if (backends.equals(Set.of("gateway"))) {
					siteHosts.add(rule.getHost());
				}
			}
			if (siteHosts.size() != 1) {
				problems.add(id + ": the gateway's paths must be on one host (the site's), are on " + siteHosts);
				continue;
			}
			String identityHost = "id." + siteHosts.iterator().next();
			for (IngressRule rule : ingress.getSpec().getRules()) {
				List<HTTPIngressPath> paths = rule.getHttp().getPaths();
				if (paths.stream().allMatch(path -> path.getBackend().getService().getName().equals("gateway"))) {
					continue;
				}
				boolean toIdentity = paths.stream()
					.allMatch(path -> path.getBackend().getService().getName().equals(Components.IDENTITY)
							&& "http".equals(path.getBackend().getService().getPort().getName()));
				if (!toIdentity) {
					problems.add(id + ": rule for host " + rule.getHost()
							+ ": every path must go to Service gateway (or, where identity runs, every path of host "
							+ identityHost + " to Service identity, port http)");
				}
				else if (!identityRuns) {
					problems.add(id + ": rule for host " + rule.getHost() + " routes to identity, which overlay "
							+ overlay.name() + " must not deploy (it uses the organisation's identity provider)");
				}
				else if (!identityHost.equals(rule.getHost())) {
					problems.add(id + ": identity's rule must be on host " + identityHost + ", is on " + rule.getHost());
				}
			}
			if (ingress.getSpec().getTls().isEmpty()
					|| ingress.getSpec().getTls().stream().anyMatch(tls -> tls.getSecretName() == null
							|| tls.getSecretName().isBlank())) {
				problems.add(id + ": spec.tls must name a certificate Secret for every entry");
			}
			List<String> tlsHosts = ingress.getSpec().getTls().stream().flatMap(tls -> tls.getHosts().stream()).toList();
			ingress.getSpec()
				.getRules()
				.stream()
				.filter(rule -> !tlsHosts.contains(rule.getHost()))
				.forEach(rule -> problems.add(id + ": host " + rule.getHost() + " has no certificate (spec.tls.hosts)"));
		}
		return problems;
	}

	/** The site's public host: the one host of the Ingress rules that go to the gateway. */
	static String siteHost(Overlay overlay) {
		return hostTo(overlay, "gateway").orElseThrow();
	}

	/** The host of the Ingress rule whose paths go to a Service, if one does. */
	static Optional<String> hostTo(Overlay overlay, String service) {
		return overlay.all(Ingress.class)
			.flatMap(ingress -> ingress.getSpec().getRules().stream())
			.filter(rule -> rule.getHttp()
				.getPaths()
				.stream()
				.allMatch(path -> path.getBackend().getService().getName().equals(service)))
			.map(IngressRule::getHost)
			.findFirst();
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
