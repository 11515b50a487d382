package news.platform.k8s;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where things are: the module runs with its own directory as the working directory. */
final class Project {

	/** k8s/ of the repository. */
	static final Path K8S = Path.of("").toAbsolutePath();

	/** The repository root. */
	static final Path ROOT = K8S.getParent();

	static final Path OVERLAYS = K8S.resolve("overlays");

	static final Path SECRET_EXAMPLES = K8S.resolve("secrets");

	static final Path MONITORING = K8S.resolve("base/monitoring");

	private Project() {
	}

	/** The build directory's name of this run (target, or target-x with -Dplatform.build.dir=target-x). */
	static String buildDirectoryName() {
		try {
			Path testClasses = Path.of(Project.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			return testClasses.getParent().getFileName().toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String relative(Path file) {
		Path absolute = file.toAbsolutePath().normalize();
		return absolute.startsWith(ROOT) ? ROOT.relativize(absolute).toString() : absolute.toString();
	}

	/** Skips the calling test and says why on the console too: the report file alone is easy to miss. */
	static void skip(String reason) {
		System.out.println("[k8s] SKIPPED: " + reason);
		org.junit.jupiter.api.Assumptions.abort(reason);
	}

}
