package news.platform.autoconfigure.startup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Reports a failed start as one log line, so the run command and a container log show at a glance
 * what is wrong and what to do. Boot's banner-style reporter is switched off in the shared
 * logging configuration.
 */
class OneLineFailureReporter implements FailureAnalysisReporter {

	private static final Logger log = LoggerFactory.getLogger("news.platform.startup");

	@Override
	public void report(FailureAnalysis analysis) {
		log.error("Cannot start: {}. Action: {}.", sentence(analysis.getDescription()), sentence(analysis.getAction()));
	}

	/** Boot's own analyses span lines and end with a period; the report is one line. */
	private static String sentence(String text) {
		String oneLine = text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
		return oneLine.endsWith(".") ? oneLine.substring(0, oneLine.length() - 1) : oneLine;
	}

}
