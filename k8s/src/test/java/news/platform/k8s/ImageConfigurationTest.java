package news.platform.k8s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.xml.parsers.DocumentBuilderFactory;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No registry is reachable here, so the images are checked by their Jib settings in the parent
 * POM (k8s/README.md shows the offline tar build that proves them end to end): a maintained JRE
 * base, a non-root user the pods also run as, a tag from version and commit, an image for exactly
 * the modules that run, and manifests that deploy those image names.
 */
class ImageConfigurationTest {

	private static final Document PARENT = parse(Project.ROOT.resolve("pom.xml"));

	@Test
	void jibBuildsFromAMaintainedJreAsANonRootUserWithAVersionAndCommitTag() {
		Element jib = plugin(child(child(PARENT.getDocumentElement(), "build"), "pluginManagement"), "jib-maven-plugin");
		assertThat(text(jib, "version")).isEqualTo("${jib.version}");
		assertThat(property("jib.version")).isEqualTo("3.5.2");
		Element configuration = child(jib, "configuration");

		String base = resolve(text(child(configuration, "from"), "image"));
		assertThat(base).as("the base image (parent pom property image.base)").matches("eclipse-temurin:(17|21)-jre.*");

		String target = text(child(configuration, "to"), "image");
		assertThat(target).as("the image pushed: registry, artifact, version and commit")
			.isEqualTo("${image.registry}/${project.artifactId}:${project.version}-${git.commit.id.abbrev}");

		String user = resolve(text(child(configuration, "container"), "user"));
		assertThat(user).as("container user (image.user)").matches("[1-9][0-9]*:[1-9][0-9]*");
		long uid = Long.parseLong(user.substring(0, user.indexOf(':')));
		for (String overlay : Overlay.NAMES) {
			Overlay.of(overlay).all(Deployment.class).forEach(deployment -> assertThat(
					deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser())
				.as("overlay %s Deployment/%s runAsUser is the image's user", overlay, deployment.getMetadata().getName())
				.isEqualTo(uid));
		}
		assertThat(property("jib.skip")).as("jib.skip by default").isEqualTo("true");
	}

	@Test
	void imageBuildsTagWithTheCommitAndOnlyModulesThatRunGetAnImage() {
		Element imageProfile = profile("image");
		assertThat(plugin(child(imageProfile, "build"), "git-commit-id-maven-plugin")).as("git-commit-id in the image profile")
			.isNotNull();
		assertThat(text(child(imageProfile, "properties"), "image.jib.skip")).isEqualTo("false");
		Element containerImage = profile("container-image");
		assertThat(text(child(child(containerImage, "activation"), "file"), "exists"))
			.isEqualTo("${basedir}/src/main/resources/application.yml");
		assertThat(text(child(containerImage, "properties"), "jib.skip")).isEqualTo("${image.jib.skip}");

		Map<String, String> runnable = new TreeMap<>();
		NodeList modules = child(PARENT.getDocumentElement(), "modules").getElementsByTagName("module");
		for (int i = 0; i < modules.getLength(); i++) {
			Path module = Project.ROOT.resolve(modules.item(i).getTextContent().trim());
			if (Files.exists(module.resolve("src/main/resources/application.yml"))) {
				runnable.put(module.getFileName().toString(), text(parse(module.resolve("pom.xml")).getDocumentElement(),
						"artifactId"));
			}
		}
		Map<String, String> expected = new TreeMap<>();
		Components.ALL.forEach(component -> expected.put(component.module(), component.name()));
		assertThat(runnable).as("modules with src/main/resources/application.yml (they get an image) and their artifactId")
			.isEqualTo(expected);
	}

	@Test
	void overlaysDeployTheImagesJibPushes() {
		String registry = property("image.registry");
		List<String> problems = new ArrayList<>();
		for (String overlay : Overlay.NAMES) {
			Overlay.of(overlay).all(Deployment.class).forEach(deployment -> {
				String image = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
				String expected = registry + "/" + deployment.getMetadata().getName();
				if (!Kustomize.imageName(image).equals(expected)) {
					problems.add("overlay " + overlay + " Deployment/" + deployment.getMetadata().getName() + ": image '"
							+ image + "' is not the one Jib pushes (" + expected + ":<version>-<commit>)");
				}
			});
		}
		assertThat(problems).isEmpty();
	}

	private static String property(String name) {
		return text(child(PARENT.getDocumentElement(), "properties"), name);
	}

	private static String resolve(String value) {
		return value.startsWith("${") && value.endsWith("}") ? property(value.substring(2, value.length() - 1)) : value;
	}

	private static Element profile(String id) {
		NodeList profiles = child(PARENT.getDocumentElement(), "profiles").getElementsByTagName("profile");
		for (int i = 0; i < profiles.getLength(); i++) {
			Element profile = (Element) profiles.item(i);
			if (id.equals(text(profile, "id"))) {
				return profile;
			}
		}
		throw new AssertionError("pom.xml: profiles: no profile '" + id + "'");
	}

	private static Element plugin(Element parent, String artifactId) {
		NodeList plugins = parent.getElementsByTagName("plugin");
		for (int i = 0; i < plugins.getLength(); i++) {
			Element plugin = (Element) plugins.item(i);
			if (artifactId.equals(text(plugin, "artifactId"))) {
				return plugin;
			}
		}
		throw new AssertionError("pom.xml: no plugin " + artifactId + " under " + parent.getTagName());
	}

	private static Element child(Element parent, String name) {
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && element.getTagName().equals(name)) {
				return element;
			}
		}
		throw new AssertionError("pom.xml: " + parent.getTagName() + " has no <" + name + ">");
	}

	private static String text(Element parent, String name) {
		return child(parent, name).getTextContent().trim();
	}

	private static Document parse(Path file) {
		try {
			return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
		}
		catch (Exception ex) {
			throw new IllegalStateException(file + ": " + ex.getMessage(), ex);
		}
	}

}
