package news.platform.comment;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The time the rules read (edit window, suspensions, auto-close): the system's, unless a test
 * context brings its own clock to move time on.
 */
@Configuration(proxyBeanMethods = false)
class CommentClock {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
