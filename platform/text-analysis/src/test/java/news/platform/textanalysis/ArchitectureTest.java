package news.platform.textanalysis;

import org.junit.jupiter.api.Test;

import news.platform.architecture.PackageCycles;

class ArchitectureTest {

	@Test
	void packagesHaveNoCycles() {
		PackageCycles.assertNoneInMainCode("news.platform.textanalysis");
	}

}
