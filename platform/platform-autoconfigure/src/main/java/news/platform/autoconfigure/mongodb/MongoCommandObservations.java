package news.platform.autoconfigure.mongodb;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.bson.BsonValue;

/**
 * One observation (a span, with tracing on) per MongoDB command, child of whatever the calling
 * thread is observing (the HTTP request), so a trace runs gateway → service → MongoDB. The
 * synchronous driver calls {@code commandStarted} on the caller's thread, which is what makes the
 * parent right; the end events may come from elsewhere, hence the map by request id.
 * <p>
 * Metrics for commands come from Boot's own {@code mongodb.driver.commands} timer; this listener
 * only adds the trace (its observation has no meter handler of its own).
 */
final class MongoCommandObservations implements CommandListener {

	private final ObservationRegistry registry;

	private final Map<Integer, Observation> inFlight = new ConcurrentHashMap<>();

	MongoCommandObservations(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void commandStarted(CommandStartedEvent event) {
		if (this.registry.isNoop() || this.registry.getCurrentObservation() == null) {
			// work outside any request (schedulers, relays) would each become a trace of its own
			return;
		}
		String collection = collection(event);
		Observation observation = Observation.createNotStarted("mongodb.command.span", this.registry)
			.contextualName(event.getCommandName() + (collection != null ? " " + collection : ""))
			.lowCardinalityKeyValue("db.system", "mongodb")
			.lowCardinalityKeyValue("db.operation", event.getCommandName())
			.lowCardinalityKeyValue("db.name", event.getDatabaseName())
			.highCardinalityKeyValue("db.mongodb.collection", collection != null ? collection : "-")
			.start();
		this.inFlight.put(event.getRequestId(), observation);
	}

	@Override
	public void commandSucceeded(CommandSucceededEvent event) {
		Observation observation = this.inFlight.remove(event.getRequestId());
		if (observation != null) {
			observation.stop();
		}
	}

	@Override
	public void commandFailed(CommandFailedEvent event) {
		Observation observation = this.inFlight.remove(event.getRequestId());
		if (observation != null) {
			observation.error(event.getThrowable());
			observation.stop();
		}
	}

	private static String collection(CommandStartedEvent event) {
		BsonValue value = event.getCommand().get(event.getCommandName());
		return value != null && value.isString() ? value.asString().getValue() : null;
	}

}
