package news.platform.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guard every module runs must be able to fail: fixtures with a planted cycle and a catch-all package. */
class PackageCyclesTest {

	@Test
	void aPlantedCycleFailsTheGuardNamingBothPackages() {
		JavaClasses classes = new ClassFileImporter().importPackages("news.platform.fixture.cycle");

		assertThatThrownBy(() -> PackageCycles.assertNone(classes, "news.platform.fixture.cycle"))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("Cycle detected")
			.hasMessageContaining("left")
			.hasMessageContaining("right");
	}

	@Test
	void dependenciesPointingOneWayPass() {
		JavaClasses classes = new ClassFileImporter().importPackages("news.platform.fixture.acyclic");

		assertThatCode(() -> PackageCycles.assertNone(classes, "news.platform.fixture.acyclic"))
			.doesNotThrowAnyException();
	}

	@Test
	void aPackageNamedAfterItsModuleFailsTheGuard() {
		JavaClasses classes = new ClassFileImporter().importPackages("news.platform.fixture.named");

		assertThatThrownBy(() -> PackageCycles.assertNone(classes, "news.platform.fixture.named"))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("news.platform.fixture.named.named");
	}

	@Test
	void thisModuleFollowsItsOwnRule() {
		PackageCycles.assertNoneInMainCode("news.platform.architecture");
	}

}
