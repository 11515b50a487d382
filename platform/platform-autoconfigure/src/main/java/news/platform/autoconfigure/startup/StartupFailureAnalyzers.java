package news.platform.autoconfigure.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turn the start-up failures an operator causes into one sentence of what is wrong and what to
 * do, instead of a stack trace.
 */
final class StartupFailureAnalyzers {

	private StartupFailureAnalyzers() {
	}

	static class UnknownProfile extends AbstractFailureAnalyzer<UnknownProfileException> {

		@Override
		protected FailureAnalysis analyze(Throwable rootFailure, UnknownProfileException cause) {
			return new FailureAnalysis("the active profile '" + cause.profile() + "' is unknown",
					"activate only known profiles " + cause.known()
							+ " (spring.profiles.active / SPRING_PROFILES_ACTIVE), or list a new one in platform.profiles.additional",
					cause);
		}

	}

	/** The driver rejects the URI before connecting; its message says which part is wrong. */
	static class InvalidMongoUri extends AbstractFailureAnalyzer<IllegalArgumentException> {

		@Override
		protected FailureAnalysis analyze(Throwable rootFailure, IllegalArgumentException cause) {
			String message = String.valueOf(cause.getMessage());
			if (!message.toLowerCase().contains("connection string")) {
				return null;
			}
			return new FailureAnalysis("the MongoDB URI is invalid (" + message + ")",
					"set MONGODB_URI (or spring.mongodb.uri) to a URI like mongodb://host1:27017,host2:27017/db?replicaSet=rs0, "
							+ "or unset it in the local profile to use the embedded server",
					cause);
		}

	}

	/**
	 * Matched by class name: processes without the config client (it is optional here) must still
	 * load this analyzer.
	 */
	static class ConfigServerUnreachable implements FailureAnalyzer {

		private static final String FAIL_FAST = "org.springframework.cloud.config.client.ConfigClientFailFastException";

		@Override
		public FailureAnalysis analyze(Throwable failure) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
				if (FAIL_FAST.equals(cause.getClass().getName())) {
					return new FailureAnalysis("the config server could not be reached (" + cause.getMessage() + ")",
							"start the config server first, or point CONFIG_SERVER_URL at it", cause);
				}
			}
			return null;
		}

	}

}
