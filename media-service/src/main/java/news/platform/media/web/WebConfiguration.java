package news.platform.media.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import news.platform.media.MediaProperties;
import news.platform.media.imaging.ImageWork;
import news.platform.starter.problem.Problems;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	/**
	 * Multipart uploads: parts go to disk from the first byte (threshold 0), never into the heap,
	 * and the part limit is the upload limit (413 beyond it).
	 */
	@Bean
	MultipartConfigElement multipartConfigElement(MediaProperties properties) {
		long max = properties.upload().maxSize().toBytes();
		try {
			Path location = Files.createTempDirectory("media-multipart-");
			location.toFile().deleteOnExit();
			return new MultipartConfigElement(location.toString(), max, max + 64 * 1024, 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The image pool is full: a clear 503 the client may retry, rather than an unbounded queue. */
	@RestControllerAdvice
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class BusyAdvice {

		@ExceptionHandler(ImageWork.Busy.class)
		ResponseEntity<ProblemDetail> busy(ImageWork.Busy ex, HttpServletRequest request) {
			ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "busy", "Busy",
					"The image work queue is full; retry shortly.", request);
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.header(HttpHeaders.RETRY_AFTER, "2")
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(problem);
		}

	}

}
