package news.platform.autoconfigure.problem;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * One RFC 9457 error format for every servlet API service: controller errors and container errors
 * alike. Web applications that answer HTML pages switch it off with
 * {@code platform.problems.enabled=false} and render their own error pages.
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ResponseEntityExceptionHandler.class)
@ConditionalOnProperty(name = "platform.problems.enabled", havingValue = "true", matchIfMissing = true)
@Import({ ProblemDetailsAdvice.class, ProblemErrorController.class })
public class ProblemDetailsAutoConfiguration {

}
