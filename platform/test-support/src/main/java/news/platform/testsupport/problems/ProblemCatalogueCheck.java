package news.platform.testsupport.problems;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import news.platform.architecture.PackageCycles;
import news.platform.autoconfigure.problem.ProblemType;
import news.platform.autoconfigure.web.VersionPreconditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps a module's documents true to the problem catalogue ({@link ProblemType}): every
 * {@code /problems/<slug>} its README or OpenAPI document names exists in the catalogue, and every
 * type its code can answer is named there. "Can answer" is read from the compiled code: each
 * catalogue constant the module's main classes use, the types of the shared pieces it uses
 * ({@link VersionPreconditions}), and, for servlet services, the common types of the shared
 * handlers. The README lists the module's own types (the common ones are in the root README);
 * the OpenAPI document lists all of them.
 */
public final class ProblemCatalogueCheck {

	private static final Pattern MENTION = Pattern.compile("/problems/([a-z0-9]+(?:-[a-z0-9]+)*)");

	/** Shared classes whose use means the module answers these types too. */
	private static final Map<Class<?>, Set<ProblemType>> SHARED = Map.of(VersionPreconditions.class,
			EnumSet.of(ProblemType.PRECONDITION_REQUIRED, ProblemType.STALE_VERSION));

	private ProblemCatalogueCheck() {
	}

	/** The types the module under {@code rootPackage} can answer, not counting the shared handlers. */
	public static Set<ProblemType> usedBy(String rootPackage) {
		JavaClasses classes = new ClassFileImporter().withImportOption(PackageCycles.MAIN_CODE)
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
			.importPackages(rootPackage);
		Set<ProblemType> used = EnumSet.noneOf(ProblemType.class);
		for (JavaClass type : classes) {
			type.getFieldAccessesFromSelf()
				.stream()
				.filter(access -> access.getTargetOwner().isEquivalentTo(ProblemType.class))
				.map(access -> access.getTarget().getName())
				.filter(name -> EnumSet.allOf(ProblemType.class).stream().anyMatch(constant -> constant.name().equals(name)))
				.forEach(name -> used.add(ProblemType.valueOf(name)));
			type.getDirectDependenciesFromSelf()
				.forEach(dependency -> SHARED.forEach((shared, types) -> {
					if (dependency.getTargetClass().isEquivalentTo(shared)) {
						used.addAll(types);
					}
				}));
		}
		return used;
	}

	/** The slugs a document names. */
	public static Set<String> mentionedIn(String text) {
		Set<String> slugs = new TreeSet<>();
		Matcher matcher = MENTION.matcher(text);
		while (matcher.find()) {
			slugs.add(matcher.group(1));
		}
		return slugs;
	}

	/**
	 * @param rootPackage the module's package ({@code news.platform.article})
	 * @param readme the module's README
	 * @param openApiJson its OpenAPI document, or null for a module without one
	 * @param sharedHandlers whether the shared servlet handlers answer for the module
	 */
	public static void verify(String rootPackage, Path readme, String openApiJson, boolean sharedHandlers) {
		Set<ProblemType> answered = usedBy(rootPackage);
		if (sharedHandlers) {
			answered.addAll(ProblemType.commonTypes());
		}
		Set<String> catalogue = EnumSet.allOf(ProblemType.class)
			.stream()
			.map(ProblemType::slug)
			.collect(Collectors.toCollection(TreeSet::new));
		Set<String> inReadme = mentionedIn(read(readme));
		assertThat(inReadme).as("problem types %s names that the catalogue (ProblemType) lacks", readme)
			.isSubsetOf(catalogue);
		Set<String> own = answered.stream()
			.filter(type -> !type.common())
			.map(ProblemType::slug)
			.collect(Collectors.toCollection(TreeSet::new));
		assertThat(inReadme).as("%s must list every problem type of its own the module answers", readme)
			.containsAll(own);
		if (openApiJson != null) {
			Set<String> inOpenApi = mentionedIn(openApiJson);
			assertThat(inOpenApi).as("problem types the OpenAPI document names that the catalogue lacks")
				.isSubsetOf(catalogue);
			assertThat(inOpenApi).as("the OpenAPI document must name every problem type the module answers")
				.containsAll(answered.stream().map(ProblemType::slug).toList());
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
