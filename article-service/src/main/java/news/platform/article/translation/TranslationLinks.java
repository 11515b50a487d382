package news.platform.article.translation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.bson.Document;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import news.platform.article.access.Caller;
import news.platform.article.access.Refusals;
import news.platform.article.editing.Versions;
import news.platform.article.story.Article;
import news.platform.article.story.ArticleStatus;
import news.platform.article.story.Articles;
import news.platform.autoconfigure.feed.publish.FeedPublisher;
import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;

/**
 * Links an article to its translations. A PUT names the article's translations: with at least one,
 * the article and those become the whole group (a member not named leaves it); with none, the
 * article leaves its group and the others stay linked. Every article named must exist, must not be
 * the article itself, must not share a language with another member, and must not already be in a
 * group other than the article's own: two groups are never merged by one call, so a mistaken id
 * cannot silently pull a whole other set of translations in. A refused request writes nothing.
 *
 * <p>The group document is the commit point, with one {@code translations.changed} event per
 * article whose translations changed (the reader caches of every replica drop those articles).
 */
@Component
public class TranslationLinks {

	/** The article feed's schema version (ADR 0008); staged here as sections and tags stage theirs. */
	static final int SCHEMA_VERSION = 2;


	/** Feed event announcing that an article's translations changed (subject: the article). */
	public static final String EVENT = "translations.changed";

	static final int MAX_TRANSLATIONS = 20;

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private final Articles articles;

	private final TranslationGroups groups;

	private final FeedPublisher feed;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	TranslationLinks(Articles articles, TranslationGroups groups, FeedPublisher feed, Clock clock,
			ApplicationEventPublisher events) {
		this.articles = articles;
		this.groups = groups;
		this.feed = feed;
		this.clock = clock;
		this.events = events;
	}

	/** A member of the group as staff see it. */
	public record Member(String id, String language, String status, String headline) {

		static Member of(Article article) {
			return new Member(article.id(), article.language(), article.status().name().toLowerCase(Locale.ROOT),
					article.headline());
		}

	}

	/** The article (for its ETag) and its translations, in the group's order. */
	public record Translations(Article article, List<Member> translations) {
	}

	public Translations get(String id, Caller caller) {
		Article article = visible(id, caller);
		return new Translations(article, members(this.groups.othersOf(id), caller));
	}

	public Translations set(String id, List<String> requested, String ifMatch, Caller caller) {
		Article article = visible(id, caller);
		if (!caller.isEditor()) {
			throw Refusals.forbidden("Linking translations is for editors.");
		}
		long expected = Versions.required(ifMatch);
		if (expected != article.revision()) {
			throw Versions.stale(expected, article.revision());
		}
		List<Article> named = validate(article, requested);
		// the article's own group, else the first group a named article is in: every other group
		// named is a second group
		Optional<TranslationGroups.Group> existing = this.groups.of(id);
		for (int i = 0; i < named.size(); i++) {
			Optional<TranslationGroups.Group> theirs = this.groups.of(named.get(i).id());
			if (theirs.isEmpty()) {
				continue;
			}
			if (existing.isEmpty()) {
				existing = theirs;
			}
			else if (!existing.get().id().equals(theirs.get().id())) {
				throw ApiProblem.invalidField("translations[" + i + "]",
						"already a translation in another group; unlink it there first (two groups are never merged)");
			}
		}
		List<String> before = existing.map(TranslationGroups.Group::members).orElse(List.of());
		List<String> after = new ArrayList<>();
		if (!named.isEmpty()) {
			after.add(id);
			named.forEach(a -> after.add(a.id()));
		}
		else {
			// leaving: the others stay translations of each other
			after.addAll(before);
			after.remove(id);
		}
		if (Set.copyOf(after).equals(Set.copyOf(before)) || (before.isEmpty() && after.isEmpty())) {
			return get(id, caller);
		}
		Instant now = this.clock.instant();
		Set<String> affected = new LinkedHashSet<>(before);
		affected.addAll(after);
		if (named.isEmpty()) {
			affected.add(id);
		}
		boolean dissolved = after.size() < 2;
		List<Document> staged = new ArrayList<>();
		for (String member : affected) {
			List<String> others = dissolved || !after.contains(member) ? List.of()
					: after.stream().filter(other -> !other.equals(member)).toList();
			staged.add(this.feed.stage(EVENT, SCHEMA_VERSION, now, member,
					new Document("translations", others)));
		}
		boolean written;
		if (existing.isEmpty()) {
			TranslationGroups.Group group = new TranslationGroups.Group(UUID.randomUUID().toString(), 1, after);
			this.feed.willStage(TranslationGroups.COLLECTION, group.id(), group.revision());
			written = this.groups.insert(group, staged);
		}
		else {
			TranslationGroups.Group current = existing.get();
			TranslationGroups.Group next = new TranslationGroups.Group(current.id(), current.revision() + 1, after);
			this.feed.willStage(TranslationGroups.COLLECTION, next.id(), next.revision());
			written = this.groups.replace(next, current.revision(), staged);
		}
		if (!written) {
			throw ApiProblem.of(ProblemType.VERSION_CONFLICT,
					"The translations of one of these articles changed meanwhile. Reload and retry.")
				.withFieldError("translations", "changed meanwhile");
		}
		this.events.publishEvent(new TranslationsChanged(List.copyOf(affected)));
		return get(id, caller);
	}

	/** The named articles, in order, or a refusal naming the first entry at fault. */
	private List<Article> validate(Article article, List<String> requested) {
		if (requested == null) {
			throw ApiProblem.invalidField("translations", "required: the ids of the article's translations ([] unlinks)");
		}
		if (requested.size() > MAX_TRANSLATIONS) {
			throw ApiProblem.invalidField("translations", "at most " + MAX_TRANSLATIONS);
		}
		List<Article> named = new ArrayList<>();
		Map<String, String> languages = new HashMap<>();
		languages.put(primary(article.language()), article.id());
		Set<String> seen = new LinkedHashSet<>();
		for (int i = 0; i < requested.size(); i++) {
			String field = "translations[" + i + "]";
			String other = requested.get(i);
			if (other == null || !ID.matcher(other).matches()) {
				throw ApiProblem.invalidField(field, "an article id");
			}
			if (other.equals(article.id())) {
				throw ApiProblem.invalidField(field, "an article is not a translation of itself");
			}
			if (!seen.add(other)) {
				throw ApiProblem.invalidField(field, "listed twice");
			}
			Article translation = this.articles.find(other)
				.filter(a -> a.status() != ArticleStatus.DELETED)
				.orElseThrow(() -> ApiProblem.invalidField(field, "no such article"));
			String taken = languages.putIfAbsent(primary(translation.language()), other);
			if (taken != null) {
				throw ApiProblem.invalidField(field,
						"same language (" + translation.language() + ") as " + taken + "; one article per language");
			}
			named.add(translation);
		}
		return named;
	}

	/** The members the caller may see (a journalist: published ones and their own). */
	private List<Member> members(List<String> ids, Caller caller) {
		List<Member> members = new ArrayList<>(ids.size());
		for (String other : ids) {
			this.articles.find(other)
				.filter(a -> a.status() != ArticleStatus.DELETED)
				.filter(a -> caller.canSeeUnpublished(a) || a.status() == ArticleStatus.PUBLISHED)
				.ifPresent(a -> members.add(Member.of(a)));
		}
		return members;
	}

	private Article visible(String id, Caller caller) {
		return this.articles.find(id)
			.filter(a -> a.status() != ArticleStatus.DELETED)
			.filter(a -> caller.isStaff() && (caller.canSeeUnpublished(a) || a.status() == ArticleStatus.PUBLISHED))
			.orElseThrow(() -> Refusals.notFound(id));
	}

	private static String primary(String language) {
		if (language == null || language.isBlank()) {
			return "hr";
		}
		String tag = language.strip().toLowerCase(Locale.ROOT);
		int end = tag.indexOf('-');
		return end < 0 ? tag : tag.substring(0, end);
	}

	/** Published on this replica after a change: the reader cache drops these articles at once. */
	public record TranslationsChanged(List<String> articleIds) {
	}

}
