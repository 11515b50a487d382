package news.platform.k8s;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/** One overlay, rendered and parsed once per test JVM. */
record Overlay(String name, Path directory, List<Kustomize.Resource> resources, List<HasMetadata> objects) {

	static final List<String> NAMES = List.of("dev", "prod");

	private static final Map<String, Overlay> CACHE = new ConcurrentHashMap<>();

	static Overlay of(String name) {
		return CACHE.computeIfAbsent(name, key -> at(key, Project.OVERLAYS.resolve(key)));
	}

	/** An overlay in another folder (the broken fixtures) whose profile is {@code name}. */
	static Overlay at(String name, Path directory) {
		List<Kustomize.Resource> resources = Kustomize.render(directory);
		return new Overlay(name, directory, resources, Manifests.parseAll(resources));
	}

	<T extends HasMetadata> Stream<T> all(Class<T> type) {
		return this.objects.stream().filter(type::isInstance).map(type::cast);
	}

	<T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
		return all(type).filter(object -> object.getMetadata().getName().equals(name)).findFirst();
	}

	String namespace() {
		return this.objects.get(0).getMetadata().getNamespace() != null ? this.objects.get(0).getMetadata().getNamespace()
				: this.objects.stream()
					.map(object -> object.getMetadata().getNamespace())
					.filter(namespace -> namespace != null)
					.findFirst()
					.orElseThrow();
	}

	/** A workload's pod template with the workload's kind and name, for messages. */
	record Workload(String kind, String name, PodTemplateSpec template) {

		String id() {
			return this.kind + "/" + this.name;
		}

	}

	Stream<Workload> workloads() {
		return this.objects.stream().flatMap(object -> {
			if (object instanceof Deployment deployment) {
				return Stream.of(new Workload("Deployment", deployment.getMetadata().getName(),
						deployment.getSpec().getTemplate()));
			}
			if (object instanceof StatefulSet statefulSet) {
				return Stream.of(new Workload("StatefulSet", statefulSet.getMetadata().getName(),
						statefulSet.getSpec().getTemplate()));
			}
			if (object instanceof Job job) {
				return Stream.of(new Workload("Job", job.getMetadata().getName(), job.getSpec().getTemplate()));
			}
			return Stream.empty();
		});
	}

}
