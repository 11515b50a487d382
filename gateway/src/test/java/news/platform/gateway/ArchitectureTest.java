package news.platform.gateway;

import org.junit.jupiter.api.Test;

import news.platform.architecture.PackageCycles;

/** The gateway's packages depend on each other one way only, and none is a catch-all. */
class ArchitectureTest {

	@Test
	void mainCodeHasNoPackageCycles() {
		PackageCycles.assertNoneInMainCode("news.platform.gateway");
	}

}
