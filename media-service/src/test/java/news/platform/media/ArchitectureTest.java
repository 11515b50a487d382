package news.platform.media;

import org.junit.jupiter.api.Test;

import news.platform.architecture.PackageCycles;

/** Packages by feature with dependencies pointing one way: no package cycles, no catch-all package. */
class ArchitectureTest {

	@Test
	void packagesHaveNoCycles() {
		PackageCycles.assertNoneInMainCode("news.platform.media");
	}

}
