package news.platform.embeddedmongo;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a startup that failed because another process holds the embedded MongoDB file. */
class EmbeddedMongoFileLockedFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedMongoFileLockedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedMongoFileLockedException cause) {
        return new FailureAnalysis(
            "The embedded MongoDB (local profile) could not open its file " + cause.file()
                + ": the file is locked, most likely by another instance of this service running on the same data folder.",
            "Stop the other instance, or give this one its own file with the property platform.mongodb.embedded.path "
                + "(for example --platform.mongodb.embedded.path=./data/second-instance/mongodb.mv.db), "
                + "or set MONGODB_URI to use a real MongoDB.",
            cause);
    }
}
