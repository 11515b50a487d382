package news.platform.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Computes, from the overlay's NetworkPolicies, which pod may open a connection to which pod on
 * which port (both the source's egress and the destination's ingress must allow it), and compares
 * that with the platform's intended graph: exactly gateway → services, site and desk, comment/media →
 * article-service, article-service → media-service (agency pictures), services → MongoDB, everything → config server, Prometheus → management ports,
 * the ingress controller → gateway, gateway and services → the OpenTelemetry collector, DNS for
 * everyone; where identity runs (dev), also the ingress controller, the gateway and the services →
 * identity, and identity → MongoDB, config server and collector, nothing else.
 */
class NetworkPolicyTest {

	static final List<String> overlays = Overlay.NAMES;

	private static final Set<String> SERVICES = Set.of("article-service", "media-service", "comment-service");

	/**
	 * What validates tokens (JWKS) or gets them (token endpoint) from identity inside the cluster; the
	 * site and the desk join when they exist (identity's policy names them already).
	 */
	private static final List<String> TOKEN_USERS = List.of("gateway", "article-service", "media-service",
			"comment-service", "site", "desk");

	/** A pod (or something outside the namespace) that can send or receive. */
	record Endpoint(String name, String namespace, Map<String, String> labels, Map<String, Integer> ports) {
	}

	static Set<String> intendedEdges(String overlay) {
		Set<String> edges = new TreeSet<>();
		SERVICES.forEach(service -> {
			Components.Component component = Components.named(service).orElseThrow();
			edges.add("gateway -> " + service + ":" + component.port());
			edges.add(service + " -> mongodb:27017");
		});
		edges.add("media-service -> article-service:8081");
		// agency pictures of the ninjs import: article-service asks media-service's internal endpoint
		edges.add("article-service -> media-service:8082");
		// the reader website: reached through the gateway only; reads articles (pages, the feed), media
		// and comments (the comment section of article pages)
		edges.add("gateway -> site:8085");
		edges.add("site -> article-service:8081");
		edges.add("site -> media-service:8082");
		edges.add("site -> comment-service:8083");
		// readers' sessions (issue 19)
		edges.add("site -> mongodb:27017");
		// the newsroom's desk: reached through the gateway only; its sessions in MongoDB; the services'
		// public APIs with the person's token (articles now, pictures and moderation next)
		edges.add("gateway -> desk:8084");
		edges.add("desk -> mongodb:27017");
		edges.add("desk -> article-service:8081");
		edges.add("desk -> media-service:8082");
		edges.add("desk -> comment-service:8083");
		edges.add("comment-service -> article-service:8081");
		for (String client : List.of("gateway", "article-service", "media-service", "comment-service", "site",
				"desk")) {
			edges.add(client + " -> config-server:8888");
		}
		edges.add("mongodb -> mongodb:27017");
		edges.add("mongodb-init -> mongodb:27017");
		edges.add("ingress-controller -> gateway:8080");
		for (String traced : List.of("gateway", "article-service", "media-service", "comment-service", "site",
				"desk")) {
			edges.add(traced + " -> otel-collector:4318");
		}
		Components.in(overlay).forEach(component -> edges
			.add("prometheus -> " + component.name() + ":" + component.managementPort()));
		Components.in(overlay)
			.stream()
			.filter(component -> component.name().equals(Components.IDENTITY))
			.forEach(identity -> {
				String target = identity.name() + ":" + identity.port();
				edges.add("ingress-controller -> " + target);
				TOKEN_USERS.stream()
					.filter(user -> Components.in(overlay).stream().anyMatch(component -> component.name().equals(user)))
					.forEach(user -> edges.add(user + " -> " + target));
				edges.add(identity.name() + " -> mongodb:27017");
				edges.add(identity.name() + " -> config-server:8888");
				edges.add(identity.name() + " -> otel-collector:4318");
			});
		return edges;
	}

	/**
	 * media-service fetches agency pictures from the internet: http and https, and only to addresses
	 * outside the cluster and private networks (the address block is treated as "anything" by the
	 * pod graph above, so its exceptions are checked here).
	 */
	@ParameterizedTest
	@FieldSource("overlays")
	void mediaServiceFetchesAgencyPicturesOnlyOutsidePrivateNetworks(String name) {
		Overlay overlay = Overlay.of(name);
		NetworkPolicy media = overlay.all(NetworkPolicy.class)
			.filter(policy -> "media-service".equals(policy.getSpec().getPodSelector().getMatchLabels().get(
					"app.kubernetes.io/name")))
			.findFirst()
			.orElseThrow();
		var pictures = media.getSpec()
			.getEgress()
			.stream()
			.filter(rule -> rule.getPorts().stream().anyMatch(port -> Integer.valueOf(80).equals(port.getPort().getIntVal())))
			.toList();
		assertThat(pictures).as("overlay %s: one egress rule for agency pictures (port 80)", name).hasSize(1);
		assertThat(pictures.get(0).getPorts()).extracting(port -> port.getPort().getIntVal() + "/" + port.getProtocol())
			.containsExactlyInAnyOrder("80/TCP", "443/TCP");
		assertThat(pictures.get(0).getTo()).allSatisfy(peer -> {
			assertThat(peer.getIpBlock()).isNotNull();
			assertThat(peer.getPodSelector()).isNull();
			assertThat(peer.getNamespaceSelector()).isNull();
		});
		List<String> except = pictures.get(0).getTo().stream().flatMap(peer -> peer.getIpBlock().getExcept().stream()).toList();
		assertThat(except).as("overlay %s: private, loopback and link-local ranges excluded", name)
			.contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "169.254.0.0/16",
					"100.64.0.0/10", "fc00::/7", "fe80::/10", "::1/128");
	}

	@ParameterizedTest
	@FieldSource("overlays")
	void defaultDenyCoversEveryPodAndDnsIsAllowed(String name) {
		Overlay overlay = Overlay.of(name);
		assertThat(overlay.all(NetworkPolicy.class)
			.anyMatch(policy -> policy.getSpec().getPodSelector().getMatchLabels().isEmpty()
					&& policy.getSpec().getPodSelector().getMatchExpressions().isEmpty()
					&& policy.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
					&& policy.getSpec().getIngress().isEmpty() && policy.getSpec().getEgress().isEmpty()))
			.as("overlay %s: a NetworkPolicy with podSelector {} and policyTypes [Ingress, Egress] and no rules", name)
			.isTrue();
		List<String> uncovered = new ArrayList<>();
		List<Endpoint> pods = pods(overlay);
		for (Endpoint pod : pods) {
			boolean own = overlay.all(NetworkPolicy.class)
				.anyMatch(policy -> !policy.getSpec().getPodSelector().getMatchLabels().isEmpty()
						&& Selectors.matches(policy.getSpec().getPodSelector(), pod.labels()));
			if (!own) {
				uncovered.add(pod.name());
			}
		}
		assertThat(uncovered).as("overlay %s: pods without a NetworkPolicy of their own", name).isEmpty();
		Endpoint dns = new Endpoint("dns", "kube-system",
				Map.of("k8s-app", "kube-dns"), Map.of("dns-udp", 53));
		for (Endpoint pod : pods) {
			assertThat(allowed(overlay, pod, dns, 53))
				.as("overlay %s: %s may resolve names (egress to kube-dns:53)", name, pod.name())
				.isTrue();
		}
	}

	@ParameterizedTest
	@FieldSource("overlays")
	void allowsExactlyTheIntendedConnections(String name) {
		Overlay overlay = Overlay.of(name);
		Set<String> actual = allowedEdges(overlay);
		Set<String> unexpected = new TreeSet<>(actual);
		unexpected.removeAll(intendedEdges(name));
		Set<String> missing = new TreeSet<>(intendedEdges(name));
		missing.removeAll(actual);
		assertThat(unexpected).as("overlay %s: connections the NetworkPolicies allow but should not", name).isEmpty();
		assertThat(missing).as("overlay %s: connections the platform needs that the NetworkPolicies block", name)
			.isEmpty();
	}

	static Set<String> allowedEdges(Overlay overlay) {
		List<Endpoint> pods = pods(overlay);
		List<Endpoint> sources = new ArrayList<>(pods);
		sources.add(new Endpoint("ingress-controller", "ingress-nginx",
				Map.of("app.kubernetes.io/name", "ingress-nginx"), Map.of()));
		sources.add(new Endpoint("prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus"), Map.of()));
		List<Endpoint> destinations = new ArrayList<>(pods);
		destinations.add(new Endpoint("otel-collector", "observability",
				Map.of("app.kubernetes.io/name", "otel-collector"), Map.of("otlp-http", 4318)));
		Set<String> actual = new TreeSet<>();
		for (Endpoint source : sources) {
			for (Endpoint destination : destinations) {
				if (!source.namespace().equals(overlay.namespace())
						&& !destination.namespace().equals(overlay.namespace())) {
					// neither end is governed by the overlay's policies
					continue;
				}
				for (int port : new TreeSet<>(destination.ports().values())) {
					if (allowed(overlay, source, destination, port)) {
						actual.add(source.name() + " -> " + destination.name() + ":" + port);
					}
				}
			}
		}
		return actual;
	}

	static List<Endpoint> pods(Overlay overlay) {
		String namespace = overlay.namespace();
		return overlay.workloads().map(workload -> {
			Map<String, Integer> ports = new java.util.HashMap<>();
			workload.template().getSpec().getContainers().forEach(container -> container.getPorts()
				.forEach(port -> ports.put(port.getName() != null ? port.getName() : "p" + port.getContainerPort(),
						port.getContainerPort())));
			Map<String, String> labels = workload.template().getMetadata().getLabels();
			return new Endpoint(labels.get("app.kubernetes.io/name"), namespace, labels, ports);
		}).toList();
	}

	/** Both the source's egress (when it is a pod of the overlay) and the destination's ingress allow it. */
	static boolean allowed(Overlay overlay, Endpoint source, Endpoint destination, int port) {
		String namespace = overlay.namespace();
		boolean egress = !source.namespace().equals(namespace)
				|| direction(overlay, source, "Egress", destination, port);
		boolean ingress = !destination.namespace().equals(namespace)
				|| direction(overlay, destination, "Ingress", source, port);
		return egress && ingress;
	}

	private static boolean direction(Overlay overlay, Endpoint subject, String type, Endpoint peer, int port) {
		List<NetworkPolicy> selecting = overlay.all(NetworkPolicy.class)
			.filter(policy -> policy.getSpec().getPolicyTypes().contains(type)
					&& Selectors.matches(policy.getSpec().getPodSelector(), subject.labels()))
			.toList();
		if (selecting.isEmpty()) {
			return true;
		}
		// the port is the destination's: for egress the peer, for ingress the subject
		Endpoint destination = type.equals("Egress") ? peer : subject;
		for (NetworkPolicy policy : selecting) {
			if (type.equals("Ingress")) {
				for (var rule : policy.getSpec().getIngress()) {
					if (peers(rule.getFrom(), peer, subject.namespace()) && ports(rule.getPorts(), destination, port)) {
						return true;
					}
				}
			}
			else {
				for (var rule : policy.getSpec().getEgress()) {
					if (peers(rule.getTo(), peer, subject.namespace()) && ports(rule.getPorts(), destination, port)) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private static boolean peers(List<NetworkPolicyPeer> peers, Endpoint peer, String policyNamespace) {
		if (peers.isEmpty()) {
			return true;
		}
		for (NetworkPolicyPeer candidate : peers) {
			if (candidate.getIpBlock() != null) {
				// an address block can contain pod addresses too: treat it as matching anything
				return true;
			}
			boolean namespaceMatches = candidate.getNamespaceSelector() == null
					? peer.namespace().equals(policyNamespace)
					: Selectors.matches(candidate.getNamespaceSelector(),
							Map.of("kubernetes.io/metadata.name", peer.namespace()));
			boolean podMatches = candidate.getPodSelector() == null
					|| Selectors.matches(candidate.getPodSelector(), peer.labels());
			if (namespaceMatches && podMatches) {
				return true;
			}
		}
		return false;
	}

	private static boolean ports(List<NetworkPolicyPort> ports, Endpoint destination, int port) {
		if (ports.isEmpty()) {
			return true;
		}
		for (NetworkPolicyPort candidate : ports) {
			IntOrString value = candidate.getPort();
			if (value == null) {
				return true;
			}
			Integer number = value.getIntVal() != null ? value.getIntVal() : destination.ports().get(value.getStrVal());
			if (number != null && number == port) {
				return true;
			}
		}
		return false;
	}

}
