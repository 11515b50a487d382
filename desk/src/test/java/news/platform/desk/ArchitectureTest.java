package news.platform.desk;

import org.junit.jupiter.api.Test;

import news.platform.architecture.PackageCycles;

/** The desk's packages point one way: signin and upstream below work, web below both. */
class ArchitectureTest {

	@Test
	void packagesHaveNoCycles() {
		PackageCycles.assertNoneInMainCode("news.platform.desk");
	}

}
