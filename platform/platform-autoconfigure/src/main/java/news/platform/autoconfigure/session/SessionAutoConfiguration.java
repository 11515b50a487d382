package news.platform.autoconfigure.session;

import java.time.Clock;

import com.mongodb.client.MongoDatabase;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.util.StringUtils;

import news.platform.autoconfigure.core.PlatformAutoConfiguration;
import news.platform.autoconfigure.mongodb.QueryShapes;
import news.platform.autoconfigure.mongodb.ServiceMongoAutoConfiguration;

/**
 * Server-side sessions in MongoDB for the web applications ({@code platform.sessions.enabled}):
 * Spring Session's filter with {@link MongoSessions} (Spring Session's own MongoDB module does not
 * resolve at Boot 4), the application's own {@code HttpOnly}, {@code SameSite=Lax} cookie
 * ({@code Secure} outside {@code local}), and a job that removes expired sessions.
 */
@AutoConfiguration(after = { ServiceMongoAutoConfiguration.class, PlatformAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ EnableSpringHttpSession.class, MongoDatabase.class })
@ConditionalOnProperty(name = "platform.sessions.enabled", havingValue = "true")
@EnableConfigurationProperties(SessionProperties.class)
@EnableSpringHttpSession
public class SessionAutoConfiguration {

	@Bean
	MongoSessions sessionRepository(MongoDatabase database, QueryShapes shapes, SessionProperties properties,
			Clock clock) {
		return new MongoSessions(database, shapes, SessionCipher.from(properties), properties, clock);
	}

	@Bean
	CookieSerializer cookieSerializer(SessionProperties properties) {
		if (!StringUtils.hasText(properties.cookieName())) {
			throw new IllegalStateException("platform.sessions.cookie-name is not set: each web application "
					+ "needs a session cookie of its own name");
		}
		DefaultCookieSerializer cookies = new DefaultCookieSerializer();
		cookies.setCookieName(properties.cookieName());
		cookies.setUseHttpOnlyCookie(true);
		cookies.setSameSite("Lax");
		cookies.setUseSecureCookie(properties.secureCookie());
		// the session id is the cookie's whole value: no base64 wrapping to undo
		cookies.setUseBase64Encoding(false);
		return cookies;
	}

	@Bean
	ExpiredSessionCleanup expiredSessionCleanup(MongoSessions sessions, SessionProperties properties) {
		return new ExpiredSessionCleanup(sessions, properties.cleanupInterval());
	}

}
