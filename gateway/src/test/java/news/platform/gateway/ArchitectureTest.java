package news.platform.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import news.platform.architecture.PackageCycles;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The gateway's packages depend on each other one way only, and none is a catch-all; and the
 * gateway holds no token-minting code: it validates tokens, the identity provider makes them.
 */
class ArchitectureTest {

	@Test
	void mainCodeHasNoPackageCycles() {
		PackageCycles.assertNoneInMainCode("news.platform.gateway");
	}

	@Test
	void mainCodeSignsNoToken() {
		JavaClasses classes = new ClassFileImporter().withImportOption(PackageCycles.MAIN_CODE)
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
			.importPackages("news.platform.gateway");
		// Nimbus's signers and key generators, and Spring Security's encoder over them: what a token
		// issuer needs and a resource server does not
		noClasses().should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("com.nimbusds.jose.JWSSigner")
			.orShould()
			.dependOnClassesThat()
			.resideInAnyPackage("com.nimbusds.jose.crypto..", "com.nimbusds.jose.jwk.gen..")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.security.oauth2.jwt.JwtEncoder")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.security.oauth2.jwt.NimbusJwtEncoder")
			.because("tokens come from the identity provider (identity locally); the gateway only validates them")
			.check(classes);
	}

}
