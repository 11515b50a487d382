package news.platform.media.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;
import news.platform.autoconfigure.problem.Problems;
import news.platform.media.MediaProperties;
import news.platform.media.imaging.ImageWork;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	/**
	 * Multipart uploads: parts go to disk from the first byte (threshold 0), never into the heap,
	 * and the part limit is the upload limit (413 beyond it). The request may carry 64 KiB of
	 * multipart framing beyond that; {@code platform.web.body-limits} for the upload path in
	 * media-service.yml is sized the same, so the part limit answers first.
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

	/**
	 * Answers for what happens before the upload code runs (multipart parsing) and for a full image
	 * pool, ahead of the shared handlers so a multipart failure names the part {@code file}.
	 */
	@RestControllerAdvice
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class UploadAdvice {

		/** A multipart upload without the part {@code file} (also what an unparseable multipart body yields). */
		@ExceptionHandler(MissingServletRequestPartException.class)
		ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException ex, HttpServletRequest request) {
			return Problems.response(new ApiProblem(ProblemType.MISSING_PARAMETER,
					"The multipart part '" + ex.getRequestPartName() + "' is required.")
				.withFieldError(ex.getRequestPartName(), "required"), request);
		}

		/** A multipart body that cannot be parsed is the client's fault (400), not an internal error. */
		@ExceptionHandler(MultipartException.class)
		ResponseEntity<ProblemDetail> multipart(MultipartException ex, HttpServletRequest request) {
			if (ex instanceof MaxUploadSizeExceededException) {
				// the rest of the body is not read; closing stops the client from sending it
				ApiProblem tooLarge = new ApiProblem(ProblemType.PAYLOAD_TOO_LARGE, "The upload exceeds the allowed size.")
					.withFieldError("file", "larger than allowed");
				return ResponseEntity.status(tooLarge.status())
					.header(HttpHeaders.CONNECTION, "close")
					.contentType(MediaType.APPLICATION_PROBLEM_JSON)
					.body(Problems.of(tooLarge, request));
			}
			return Problems.response(new ApiProblem(ProblemType.MALFORMED_BODY,
					"The multipart body cannot be read; send the image as the part 'file'.")
				.withFieldError("file", "unreadable multipart body"), request);
		}

		/** The image pool is full: a clear 503 the client may retry, rather than an unbounded queue. */
		@ExceptionHandler(ImageWork.Busy.class)
		ResponseEntity<ProblemDetail> busy(ImageWork.Busy ex, HttpServletRequest request) {
			return Problems.response(
					ApiProblem.retryLater(ProblemType.BUSY, "The image work queue is full; retry shortly.", 2), request);
		}

	}

}
