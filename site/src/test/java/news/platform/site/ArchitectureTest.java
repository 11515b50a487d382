package news.platform.site;

import org.junit.jupiter.api.Test;

import news.platform.architecture.PackageCycles;

class ArchitectureTest {

	@Test
	void packagesHaveNoCyclesAndNoneIsNamedAfterTheModule() {
		PackageCycles.assertNoneInMainCode("news.platform.site");
	}

}
