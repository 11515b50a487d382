package news.platform.k8s;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review rules for every workload of every overlay: resources, security context, probes on
 * the management port, graceful shutdown, rollout, disruption budget, autoscaling, spreading.
 * Each rule that fails is listed with the overlay, the object and the field.
 */
class WorkloadPolicyTest {

	static final List<String> overlays = Overlay.NAMES;

	private static final int PRE_STOP_SECONDS_MAX = 30;

	@ParameterizedTest
	@FieldSource("overlays")
	void everyContainerHasLimitsASafeSecurityContextAndAPinnedImage(String name) {
		assertThat(containerProblems(Overlay.of(name))).as("overlay %s", name).isEmpty();
	}

	static List<String> containerProblems(Overlay overlay) {
		List<String> problems = new ArrayList<>();
		overlay.workloads().forEach(workload -> {
			PodSpec pod = workload.template().getSpec();
			String id = workload.id();
			if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
				problems.add(id + ": spec.template.spec.automountServiceAccountToken must be false (no API calls)");
			}
			Optional<ServiceAccount> account = overlay.find(ServiceAccount.class,
					Objects.requireNonNullElse(pod.getServiceAccountName(), "default"));
			if (account.isEmpty() || !Boolean.FALSE.equals(account.get().getAutomountServiceAccountToken())) {
				problems.add(id + ": serviceAccountName '" + pod.getServiceAccountName()
						+ "' must be a ServiceAccount of the overlay with automountServiceAccountToken: false");
			}
			if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
					|| Boolean.TRUE.equals(pod.getHostIPC())) {
				problems.add(id + ": spec.template.spec must not share the node's network, PID or IPC namespace");
			}
			pod.getVolumes().forEach(volume -> {
				boolean allowed = volume.getEmptyDir() != null || volume.getConfigMap() != null
						|| volume.getSecret() != null || volume.getPersistentVolumeClaim() != null
						|| volume.getProjected() != null || volume.getDownwardAPI() != null
						|| volume.getEphemeral() != null || volume.getCsi() != null;
				if (!allowed) {
					problems.add(id + ": spec.template.spec.volumes " + volume.getName()
							+ ": a volume type the restricted Pod Security Standard refuses");
				}
			});
			PodSecurityContext podSecurity = pod.getSecurityContext();
			if (podSecurity == null || !Boolean.TRUE.equals(podSecurity.getRunAsNonRoot())) {
				problems.add(id + ": spec.template.spec.securityContext.runAsNonRoot must be true");
			}
			if (podSecurity != null && Long.valueOf(0).equals(podSecurity.getRunAsUser())) {
				problems.add(id + ": spec.template.spec.securityContext.runAsUser must not be 0");
			}
			if (podSecurity == null || podSecurity.getSeccompProfile() == null
					|| !"RuntimeDefault".equals(podSecurity.getSeccompProfile().getType())) {
				problems.add(id + ": spec.template.spec.securityContext.seccompProfile.type must be RuntimeDefault");
			}
			Stream.concat(pod.getInitContainers().stream(), pod.getContainers().stream()).forEach(container -> {
				String where = id + " container " + container.getName() + ": ";
				checkImage(where, container.getImage(), problems);
				checkResources(where, container, problems);
				checkSecurityContext(where, container.getSecurityContext(), problems);
				if (container.getSecurityContext() != null
						&& Boolean.TRUE.equals(container.getSecurityContext().getReadOnlyRootFilesystem())
						&& pod.getContainers().contains(container)
						&& container.getVolumeMounts().stream().noneMatch(mount -> mount.getMountPath().equals("/tmp"))) {
					problems.add(where + "volumeMounts: a read-only root filesystem needs a writable /tmp (emptyDir)");
				}
			});
		});
		return problems;
	}

	@ParameterizedTest
	@FieldSource("overlays")
	void springBootDeploymentsFollowTheContract(String name) {
		Overlay overlay = Overlay.of(name);
		assertThat(overlay.all(Deployment.class).map(deployment -> deployment.getMetadata().getName()))
			.as("overlay %s: one Deployment per Spring Boot process it runs (identity in dev only)", name)
			.containsExactlyInAnyOrderElementsOf(Components.in(name).stream().map(Components.Component::name).toList());
		assertThat(deploymentProblems(overlay)).as("overlay %s", name).isEmpty();
	}

	static List<String> deploymentProblems(Overlay overlay) {
		String name = overlay.name();
		List<String> problems = new ArrayList<>();
		List<Deployment> deployments = overlay.all(Deployment.class).toList();
		Duration shutdownPhase = Duration.parse("PT" + Components.sharedConfiguration()
			.path("spring")
			.path("lifecycle")
			.path("timeout-per-shutdown-phase")
			.asText()
			.toUpperCase());
		for (Deployment deployment : deployments) {
			String id = "Deployment/" + deployment.getMetadata().getName();
			Components.Component component = Components.named(deployment.getMetadata().getName()).orElseThrow();
			PodSpec pod = deployment.getSpec().getTemplate().getSpec();
			Container container = pod.getContainers().get(0);
			String where = id + " container " + container.getName() + ": ";

			checkPorts(where, container, component, problems);
			checkProbe(where + "startupProbe", container.getStartupProbe(), "/actuator/health/liveness", problems);
			checkProbe(where + "livenessProbe", container.getLivenessProbe(), "/actuator/health/liveness", problems);
			checkProbe(where + "readinessProbe", container.getReadinessProbe(), "/actuator/health/readiness", problems);

			String profiles = env(container, "SPRING_PROFILES_ACTIVE");
			if (!("k8s," + name).equals(profiles)) {
				problems.add(where + "env SPRING_PROFILES_ACTIVE is '" + profiles + "', expected 'k8s," + name + "'");
			}
			String javaOptions = env(container, "JAVA_TOOL_OPTIONS");
			if (javaOptions == null || !javaOptions.contains("-XX:MaxRAMPercentage=")) {
				problems.add(where + "env JAVA_TOOL_OPTIONS must size the heap to the container (-XX:MaxRAMPercentage)");
			}
			if (!component.name().equals("config-server")
					&& !"http://config-server:8888".equals(env(container, "CONFIG_SERVER_URL"))) {
				problems.add(where + "env CONFIG_SERVER_URL must be http://config-server:8888");
			}
			checkMemorySizing(where, container, component, problems);

			Integer preStopSeconds = preStopSleepSeconds(container);
			if (preStopSeconds == null) {
				problems.add(where + "lifecycle.preStop must wait (sleep) while the endpoints drop the pod");
			}
			else {
				long needed = preStopSeconds + shutdownPhase.toSeconds();
				Long grace = pod.getTerminationGracePeriodSeconds();
				if (grace == null || grace <= needed) {
					problems.add(id + ": spec.template.spec.terminationGracePeriodSeconds is " + grace
							+ ", must exceed preStop " + preStopSeconds + " s + Spring's shutdown phase "
							+ shutdownPhase.toSeconds() + " s");
				}
			}

			if (deployment.getSpec().getReplicas() != null) {
				problems.add(id + ": spec.replicas must be unset: the HorizontalPodAutoscaler owns the count");
			}
			var strategy = deployment.getSpec().getStrategy();
			if (strategy == null || !"RollingUpdate".equals(strategy.getType()) || strategy.getRollingUpdate() == null
					|| !new IntOrString(0).equals(strategy.getRollingUpdate().getMaxUnavailable())) {
				problems.add(id + ": spec.strategy must be RollingUpdate with maxUnavailable: 0");
			}
			Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
			checkSpread(id, pod.getTopologySpreadConstraints(), podLabels, problems);

			boolean budgeted = overlay.all(PodDisruptionBudget.class)
				.anyMatch(budget -> Selectors.matches(budget.getSpec().getSelector(), podLabels));
			if (!budgeted) {
				problems.add(id + ": no PodDisruptionBudget selects its pods");
			}
			Optional<HorizontalPodAutoscaler> autoscaler = overlay.all(HorizontalPodAutoscaler.class)
				.filter(hpa -> hpa.getSpec().getScaleTargetRef().getKind().equals("Deployment")
						&& hpa.getSpec().getScaleTargetRef().getName().equals(deployment.getMetadata().getName()))
				.findFirst();
			if (autoscaler.isEmpty()) {
				problems.add(id + ": no HorizontalPodAutoscaler scales it");
			}
			else if (autoscaler.get().getSpec().getMinReplicas() == null
					|| autoscaler.get().getSpec().getMinReplicas() < 1
					|| autoscaler.get().getSpec().getMaxReplicas() < autoscaler.get().getSpec().getMinReplicas()) {
				problems.add("HorizontalPodAutoscaler/" + autoscaler.get().getMetadata().getName()
						+ ": spec.minReplicas must be at least 1 and not above maxReplicas");
			}
		}
		if (name.equals("prod")) {
			overlay.all(HorizontalPodAutoscaler.class)
				.filter(hpa -> hpa.getSpec().getMinReplicas() < 2)
				.forEach(hpa -> problems.add("HorizontalPodAutoscaler/" + hpa.getMetadata().getName()
						+ ": spec.minReplicas must be at least 2 in prod (a PodDisruptionBudget cannot protect one pod)"));
		}
		return problems;
	}

	@ParameterizedTest
	@FieldSource("overlays")
	void livenessNeverDependsOnMongoDb(String name) {
		var liveness = Components.sharedConfiguration()
			.path("management")
			.path("endpoint")
			.path("health")
			.path("group")
			.path("liveness")
			.path("include");
		assertThat(liveness.asText())
			.as("config-repo/application.yml management.endpoint.health.group.liveness.include (probed by every "
					+ "Deployment of overlay %s)", name)
			.isEqualTo("livenessState");
	}

	@ParameterizedTest
	@FieldSource("overlays")
	void mongoDbIsAThreeMemberReplicaSetWithAuthentication(String name) {
		Overlay overlay = Overlay.of(name);
		StatefulSet mongodb = overlay.find(StatefulSet.class, "mongodb").orElseThrow();
		assertThat(mongodb.getSpec().getReplicas()).as("StatefulSet/mongodb spec.replicas").isEqualTo(3);
		Container container = mongodb.getSpec().getTemplate().getSpec().getContainers().get(0);
		assertThat(container.getArgs()).as("StatefulSet/mongodb container mongodb args")
			.contains("--replSet=rs0")
			.anyMatch(argument -> argument.startsWith("--keyFile="));
		assertThat(container.getLivenessProbe()).as("StatefulSet/mongodb livenessProbe").isNotNull();
		assertThat(container.getReadinessProbe()).as("StatefulSet/mongodb readinessProbe").isNotNull();
		assertThat(overlay.all(PodDisruptionBudget.class)
			.anyMatch(budget -> Selectors.matches(budget.getSpec().getSelector(),
					mongodb.getSpec().getTemplate().getMetadata().getLabels())))
			.as("a PodDisruptionBudget for StatefulSet/mongodb")
			.isTrue();
	}

	private static void checkImage(String where, String image, List<String> problems) {
		if (image == null || image.isBlank()) {
			problems.add(where + "image is missing");
			return;
		}
		if (image.contains("@sha256:")) {
			return;
		}
		String name = Kustomize.imageName(image);
		String tag = image.length() > name.length() ? image.substring(name.length() + 1) : "";
		if (tag.isEmpty() || tag.equals("latest")) {
			problems.add(where + "image '" + image + "' must name a version tag or a digest, never latest");
		}
	}

	private static void checkResources(String where, Container container, List<String> problems) {
		var resources = container.getResources();
		for (String bound : List.of("requests", "limits")) {
			Map<String, Quantity> values = resources == null ? null
					: bound.equals("requests") ? resources.getRequests() : resources.getLimits();
			for (String resource : List.of("cpu", "memory")) {
				if (values == null || !values.containsKey(resource)) {
					problems.add(where + "resources." + bound + "." + resource + " is missing");
				}
			}
		}
		if (resources != null && resources.getRequests() != null && resources.getLimits() != null
				&& resources.getRequests().containsKey("memory") && resources.getLimits().containsKey("memory")
				&& Quantity.getAmountInBytes(resources.getRequests().get("memory"))
					.compareTo(Quantity.getAmountInBytes(resources.getLimits().get("memory"))) > 0) {
			problems.add(where + "resources.requests.memory is above the limit");
		}
	}

	private static void checkSecurityContext(String where, SecurityContext security, List<String> problems) {
		if (security == null) {
			problems.add(where + "securityContext is missing");
			return;
		}
		if (!Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
			problems.add(where + "securityContext.allowPrivilegeEscalation must be false");
		}
		if (!Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
			problems.add(where + "securityContext.readOnlyRootFilesystem must be true");
		}
		if (Boolean.TRUE.equals(security.getPrivileged())) {
			problems.add(where + "securityContext.privileged must not be true");
		}
		if (security.getCapabilities() == null || !security.getCapabilities().getDrop().contains("ALL")
				|| !security.getCapabilities().getAdd().isEmpty()) {
			problems.add(where + "securityContext.capabilities must drop ALL and add none");
		}
		if (Boolean.FALSE.equals(security.getRunAsNonRoot()) || Long.valueOf(0).equals(security.getRunAsUser())) {
			problems.add(where + "securityContext must not run as root");
		}
	}

	private static void checkPorts(String where, Container container, Components.Component component,
			List<String> problems) {
		Map<String, Integer> ports = new java.util.HashMap<>();
		container.getPorts().forEach(port -> ports.put(port.getName(), port.getContainerPort()));
		if (!Integer.valueOf(component.port()).equals(ports.get("http"))) {
			problems.add(where + "ports: 'http' must be " + component.port() + " (server.port of " + component.module()
					+ "), is " + ports.get("http"));
		}
		if (!Integer.valueOf(component.managementPort()).equals(ports.get("management"))) {
			problems.add(where + "ports: 'management' must be " + component.managementPort()
					+ " (management.server.port of " + component.module() + "), is " + ports.get("management"));
		}
	}

	private static void checkProbe(String where, Probe probe, String path, List<String> problems) {
		if (probe == null) {
			problems.add(where + " is missing");
			return;
		}
		HTTPGetAction get = probe.getHttpGet();
		if (get == null || !path.equals(get.getPath()) || !new IntOrString("management").equals(get.getPort())) {
			problems.add(where + " must GET " + path + " on port 'management' (actuator answers there only)");
		}
	}

	private static void checkMemorySizing(String where, Container container, Components.Component component,
			List<String> problems) {
		var limits = container.getResources() == null ? null : container.getResources().getLimits();
		if (limits == null || !limits.containsKey("memory")) {
			return;
		}
		long limitMiB = Quantity.getAmountInBytes(limits.get("memory")).longValue() / (1024 * 1024);
		// the measured peak plus a quarter: a container at its limit is killed, not slowed down
		if (limitMiB < component.peakRssMiB() * 5L / 4) {
			problems.add(where + "resources.limits.memory " + limitMiB + "Mi is below the measured peak RSS "
					+ component.peakRssMiB() + " MiB plus 25 %");
		}
	}

	private static Integer preStopSleepSeconds(Container container) {
		if (container.getLifecycle() == null || container.getLifecycle().getPreStop() == null) {
			return null;
		}
		var preStop = container.getLifecycle().getPreStop();
		if (preStop.getSleep() != null) {
			return preStop.getSleep().getSeconds().intValue();
		}
		if (preStop.getExec() != null && preStop.getExec().getCommand().size() == 2
				&& preStop.getExec().getCommand().get(0).equals("sleep")) {
			int seconds = Integer.parseInt(preStop.getExec().getCommand().get(1));
			return seconds <= PRE_STOP_SECONDS_MAX ? seconds : null;
		}
		return null;
	}

	private static void checkSpread(String id, List<TopologySpreadConstraint> constraints,
			Map<String, String> podLabels, List<String> problems) {
		for (String key : List.of("kubernetes.io/hostname", "topology.kubernetes.io/zone")) {
			boolean spread = constraints.stream()
				.anyMatch(constraint -> constraint.getTopologyKey().equals(key)
						&& Selectors.matches(constraint.getLabelSelector(), podLabels));
			if (!spread) {
				problems.add(id + ": spec.template.spec.topologySpreadConstraints must spread its pods over " + key);
			}
		}
	}

	private static String env(Container container, String name) {
		return container.getEnv()
			.stream()
			.filter(variable -> variable.getName().equals(name))
			.map(EnvVar::getValue)
			.filter(Objects::nonNull)
			.reduce((first, second) -> second)
			.orElse(null);
	}

}
