package news.platform.k8s;

import java.nio.file.Path;

/** A manifest, kustomization or rule file that is wrong, with the file and the field at fault. */
final class ManifestException extends RuntimeException {

	ManifestException(Path file, String field, String problem) {
		super(Project.relative(file) + ": " + field + ": " + problem);
	}

}
