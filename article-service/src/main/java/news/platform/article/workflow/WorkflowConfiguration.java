package news.platform.article.workflow;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** {@code @EnableScheduling} gives the context the {@code TaskScheduler} the scheduled publisher runs on. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(SchedulerProperties.class)
class WorkflowConfiguration {

}
