package news.platform.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout rule every module's tests check: no two packages of the module's main code depend on
 * each other in a cycle (each package is its own slice, so a cycle between sub-packages counts
 * too), and no package is named after the module itself ({@code news.platform.article.article}),
 * the catch-all a newcomer cannot guess the contents of.
 *
 * <pre>{@code
 * @Test void packagesHaveNoCycles() { PackageCycles.assertNoneInMainCode("news.platform.article"); }
 * }</pre>
 */
public final class PackageCycles {

	/**
	 * A module's own compiled main code: not its tests, wherever the build puts them (ArchUnit's own
	 * option knows only {@code target/test-classes}; builds here may use another folder).
	 */
	public static final ImportOption MAIN_CODE = location -> !location.contains("/test-classes/")
			&& ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location);

	private PackageCycles() {
	}

	/** The module's main classes (not its tests, not its dependencies' jars) under {@code rootPackage}. */
	public static void assertNoneInMainCode(String rootPackage) {
		JavaClasses classes = new ClassFileImporter().withImportOption(PackageCycles.MAIN_CODE)
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
			.importPackages(rootPackage);
		assertThat(classes).as("main classes under " + rootPackage).isNotEmpty();
		assertNone(classes, rootPackage);
	}

	/** The rule itself, over any set of classes (the guard's own test plants a cycle in a fixture). */
	public static void assertNone(JavaClasses classes, String rootPackage) {
		String module = rootPackage.substring(rootPackage.lastIndexOf('.') + 1);
		String catchAll = rootPackage + "." + module;
		assertThat(classes.stream().map(JavaClass::getPackageName).distinct())
			.as("no package is named after its module (%s): split it into packages named by feature", catchAll)
			.noneMatch(name -> name.equals(catchAll) || name.startsWith(catchAll + "."));
		// every package is a slice, the root package included (the classes are already those under it)
		slices().matching("(**)")
			.should()
			.beFreeOfCycles()
			.because("dependencies between packages point one way: an interface or an event owned by the "
					+ "lower package, not a back-import")
			.check(classes);
	}

}
