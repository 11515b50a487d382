package news.platform.gateway;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import news.platform.testsupport.problems.ProblemCatalogueCheck;

/**
 * The README's problem table names only types of the platform's catalogue, and every type of its
 * own the gateway's code answers. The gateway has no OpenAPI document of its own (Swagger UI shows
 * the services'), and the servlet services' shared handlers do not run here.
 */
class ProblemCatalogueTest {

	@Test
	void readmeNamesTheCatalogueTypesTheGatewayAnswers() {
		ProblemCatalogueCheck.verify("news.platform.gateway", Path.of("README.md"), null, false);
	}

}
