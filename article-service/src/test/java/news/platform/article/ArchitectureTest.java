package news.platform.article;

import org.junit.jupiter.api.Test;

import news.platform.architecture.PackageCycles;

/**
 * The package layout stays a map a newcomer can read: packages by feature, dependencies pointing
 * one way (no cycles), and no catch-all package named after the module.
 */
class ArchitectureTest {

	@Test
	void packagesDependOneWayAndNoneIsNamedAfterTheModule() {
		PackageCycles.assertNoneInMainCode("news.platform.article");
	}

}
