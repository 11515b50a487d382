package news.platform.comment.moderation;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import news.platform.comment.CommentProperties;
import news.platform.comment.web.Caller;

/**
 * The moderation settings this replica applies now: the stored document, with its word lists
 * compiled for matching. Read on every post from memory; read again by key when the
 * {@code comments} feed says the settings changed (any replica's edit), and at once after this
 * replica's own edit. A new database gets the configured defaults.
 */
final class ModerationRules {

	private static final Logger log = LoggerFactory.getLogger(ModerationRules.class);

	/** The settings and their compiled lists, swapped as one. */
	record Compiled(ModerationSettings settings, WordMatcher banned, WordMatcher suspect) {

		static Compiled of(ModerationSettings settings) {
			return new Compiled(settings, WordMatcher.of(settings.banned()), WordMatcher.of(settings.suspect()));
		}

	}

	private final ModerationSettingsStore store;

	private final CommentProperties.Moderation defaults;

	private final AuditLog audit;

	private final Clock clock;

	private volatile Compiled current;

	ModerationRules(ModerationSettingsStore store, CommentProperties.Moderation defaults, AuditLog audit, Clock clock) {
		this.store = store;
		this.defaults = defaults;
		this.audit = audit;
		this.clock = clock;
		this.current = Compiled.of(loadOrSeed());
	}

	Compiled current() {
		return this.current;
	}

	/** Reads the stored settings again (by key) and compiles them if they moved on. */
	synchronized void reload() {
		long stored = this.store.revision();
		if (stored == this.current.settings().revision()) {
			return;
		}
		ModerationSettings settings = loadOrSeed();
		if (settings.revision() > this.current.settings().revision() || stored == 0) {
			this.current = Compiled.of(settings);
			log.info("moderation settings at revision {} applied", settings.revision());
		}
	}

	/** After this replica's own write: apply it without waiting for the feed. */
	synchronized void applied(ModerationSettings settings) {
		if (settings.revision() > this.current.settings().revision()) {
			this.current = Compiled.of(settings);
		}
	}

	private ModerationSettings loadOrSeed() {
		return this.store.load().orElseGet(() -> {
			ModerationSettings defaults = ModerationSettings.defaults(this.defaults, this.clock.instant());
			ModerationSettings empty = new ModerationSettings(0, List.of(), List.of(), defaults.defaultSection(),
					Map.of(), null, null);
			Document entry = AuditLog.settingsEntry(Caller.SYSTEM, "settings-seed", 0, 1, defaults.changesFrom(empty),
					"a new database takes the configured defaults");
			if (this.store.seed(defaults, entry)) {
				this.audit.record(entry);
				return defaults;
			}
			return this.store.load().orElseThrow();
		});
	}

}
