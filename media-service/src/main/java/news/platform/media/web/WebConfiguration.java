package news.platform.media.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import news.platform.media.MediaProperties;
import news.platform.media.imaging.ImageWork;
import news.platform.starter.problem.ApiProblem;
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

	/**
	 * Tomcat writes a response through an 8 KiB application buffer by default, so a 35 KB
	 * rendition took five socket writes; {@code media.delivery.socket-write-buffer} (64 KB) makes
	 * it one. Direct buffers spare the JDK's copy into a temporary direct buffer on each write.
	 */
	@Bean
	TomcatConnectorCustomizer socketWriteBuffer(
			@Value("${media.delivery.socket-write-buffer:64KB}") DataSize writeBuffer,
			@Value("${media.delivery.direct-buffers:true}") boolean directBuffers) {
		return connector -> {
			connector.setProperty("socket.appWriteBufSize", String.valueOf(writeBuffer.toBytes()));
			connector.setProperty("socket.directBuffer", String.valueOf(directBuffers));
		};
	}

	/** The image pool is full: a clear 503 the client may retry, rather than an unbounded queue. */
	@RestControllerAdvice
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class BusyAdvice {

		/** A multipart upload without the part {@code file} (also what an unparseable multipart body yields). */
		@ExceptionHandler(MissingServletRequestPartException.class)
		ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException ex, HttpServletRequest request) {
			ProblemDetail problem = Problems.withErrors(
					Problems.of(HttpStatus.BAD_REQUEST, "missing-parameter", "Missing parameter",
							"The multipart part '" + ex.getRequestPartName() + "' is required.", request),
					List.of(new ApiProblem.FieldError(ex.getRequestPartName(), "required")));
			return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}

		/** A multipart body that cannot be parsed is the client's fault (400), not an internal error. */
		@ExceptionHandler(MultipartException.class)
		ResponseEntity<ProblemDetail> multipart(MultipartException ex, HttpServletRequest request) {
			if (ex instanceof MaxUploadSizeExceededException) {
				ProblemDetail problem = Problems.withErrors(
						Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
								"The upload exceeds the allowed size.", request),
						List.of(new ApiProblem.FieldError("file", "larger than allowed")));
				return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
					.header(HttpHeaders.CONNECTION, "close")
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.body(problem);
			}
			ProblemDetail problem = Problems.withErrors(
					Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
							"The multipart body cannot be read; send the image as the part 'file'.", request),
					List.of(new ApiProblem.FieldError("file", "unreadable multipart body")));
			return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}

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
