package news.platform.testsupport;

import java.util.List;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * The spans a service under test finished, kept in memory: the test context registers
 * {@link #EXPORTER} as a span exporter beside whatever the service configures.
 */
public final class TestSpans {

	static final InMemorySpanExporter EXPORTER = InMemorySpanExporter.create();

	private TestSpans() {
	}

	/** Finished spans of one trace, in the order they ended. */
	public static List<SpanData> ofTrace(String traceId) {
		return EXPORTER.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
	}

}
