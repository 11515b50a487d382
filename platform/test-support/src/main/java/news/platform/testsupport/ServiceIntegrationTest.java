package news.platform.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * Starts the service under test on random ports against the shared test MongoDB
 * ({@link TestMongo}), trusting {@link TestTokens}. The configuration is the platform's own
 * shared files from {@code config/} (read directly, no config server) in the {@code test}
 * profile. Test classes with the same annotation share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.cloud.config.enabled=false",
				"platform.test.shared-config-directory=../config/src/main/resources/config-repo",
				"spring.profiles.active=test", "management.server.port=0" })
public @interface ServiceIntegrationTest {

}
