package news.platform.article.agency;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import news.platform.article.access.Caller;
import news.platform.article.editing.ArticleEditing;
import news.platform.article.editing.StaffViews;
import news.platform.article.editing.Versions;
import news.platform.article.importing.ImportDrafts;
import news.platform.article.importing.ImportFormat;
import news.platform.article.ninjs.NinjsItem;
import news.platform.article.ninjs.NinjsMapper;
import news.platform.article.story.Article;
import news.platform.article.importing.ImportedDraft;
import news.platform.article.story.ArticleStatus;
import news.platform.article.story.Articles;
import news.platform.article.story.Block;
import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;

/**
 * Agency items in IPTC ninjs 2.x for the import endpoint, the way a wire desk needs them: the
 * item's {@code uri} finds the draft an earlier version made, a newer version updates an
 * unpublished draft or waits for an editor on a published story, a kill notice marks the story
 * withdrawn, and a batch answers one result per item.
 */
@Component
class AgencyImport implements ImportFormat {

	/** The most items one request may carry: the articles route's body and time limits hold for it. */
	static final int MAX_BATCH = 100;

	static final MediaType NINJS = MediaType.parseMediaType(NinjsMapper.MEDIA_TYPE);

	static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

	/**
	 * A batch stops importing when this much of the gateway's 3 s response timeout is spent; the
	 * items left answer 503 and can be sent again (a re-import of a uri is harmless).
	 */
	private static final Duration BATCH_TIME = Duration.ofMillis(2500);

	/** A text item's association pictures share this much time (inside the gateway's 3 s). */
	private static final Duration PICTURES_TIME = Duration.ofMillis(2500);

	private final JsonMapper json;

	private final AgencyItems items;

	private final Articles articles;

	private final ImportDrafts drafts;

	private final ArticleEditing editing;

	private final StaffViews views;

	private final Clock clock;

	private final AgencyPictures pictures;

	private final AgencyPictureItems pictureItems;

	AgencyImport(JsonMapper json, AgencyItems items, Articles articles, ImportDrafts drafts, ArticleEditing editing,
			StaffViews views, Clock clock, AgencyPictures pictures, AgencyPictureItems pictureItems) {
		this.json = json;
		this.pictures = pictures;
		this.pictureItems = pictureItems;
		this.items = items;
		this.articles = articles;
		this.drafts = drafts;
		this.editing = editing;
		this.views = views;
		this.clock = clock;
		// the schema loads once at start, not on the first import
		NinjsMapper.preload();
	}

	@Override
	public List<MediaType> mediaTypes() {
		return List.of(NINJS, NDJSON);
	}

	@Override
	public ResponseEntity<?> importBody(String body, MediaType type, ImportOptions options) {
		Caller caller = Caller.current();
		if (!caller.isStaff()) {
			throw ArticleEditing.forbidden("Only newsroom staff import agency items.");
		}
		if (body.isBlank()) {
			throw ApiProblem.invalidField("$", "a ninjs document is required");
		}
		if (NDJSON.isCompatibleWith(type)) {
			return batch(lines(body), options, caller);
		}
		JsonNode document = parse(body, "$");
		if (document.isArray()) {
			List<JsonNode> batch = new ArrayList<>();
			document.forEach(batch::add);
			return batch(checked(batch.size(), batch), options, caller);
		}
		Outcome outcome = importItem(document, options, caller);
		if (outcome.result() == Result.PICTURE) {
			// 201 for a new media item, 200 for the one this picture's uri made before
			return ResponseEntity.status(outcome.status())
				.location(URI.create("/api/v1/media/" + outcome.mediaId()))
				.cacheControl(CacheControl.noStore())
				.contentType(MediaType.APPLICATION_JSON)
				.body(picture(this.json.createObjectNode(), outcome));
		}
		ResponseEntity.BodyBuilder answer = outcome.status() == HttpStatus.CREATED
				? ResponseEntity.created(URI.create("/api/v1/articles/" + outcome.article().id()))
				: ResponseEntity.status(outcome.status());
		return answer.eTag(Versions.etag(outcome.article().revision()))
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.APPLICATION_JSON)
			.body(single(outcome, caller));
	}

	/** NDJSON: one item a line, blank lines skipped; a line that is not JSON is that item's error. */
	private List<JsonNode> lines(String body) {
		List<String> lines = body.lines().filter((line) -> !line.isBlank()).toList();
		List<JsonNode> batch = new ArrayList<>(lines.size());
		for (String line : lines) {
			if (lines.size() > MAX_BATCH) {
				break;
			}
			JsonNode node;
			try {
				node = this.json.readTree(line);
			}
			catch (JacksonException ex) {
				node = null;
			}
			batch.add(node);
		}
		return checked(lines.size(), batch);
	}

	private static List<JsonNode> checked(int size, List<JsonNode> batch) {
		if (size > MAX_BATCH) {
			throw new ApiProblem(ProblemType.INVALID_VALUE,
					"A batch holds at most " + MAX_BATCH + " items, this one " + size + "; nothing was imported.")
				.withFieldError("$", "at most " + MAX_BATCH + " items");
		}
		if (size == 0) {
			throw ApiProblem.invalidField("$", "a batch holds at least one item");
		}
		return batch;
	}

	private ResponseEntity<ObjectNode> batch(List<JsonNode> batch, ImportOptions options, Caller caller) {
		long deadline = System.nanoTime() + BATCH_TIME.toNanos();
		ObjectNode answer = this.json.createObjectNode();
		ArrayNode results = answer.putArray("results");
		for (int i = 0; i < batch.size(); i++) {
			JsonNode item = batch.get(i);
			ObjectNode result = results.addObject();
			result.put("index", i);
			if (item != null && item.get("uri") != null && item.get("uri").isString()) {
				result.put("uri", item.get("uri").stringValue());
			}
			if (System.nanoTime() > deadline) {
				problem(result, new ApiProblem(ProblemType.BUSY,
						"Not imported: the batch used its time; send this item again."));
				continue;
			}
			try {
				if (item == null) {
					throw new ApiProblem(ProblemType.MALFORMED_BODY, "The line is not JSON.").withFieldError("$",
							"not JSON");
				}
				Outcome outcome = importItem(item, options, caller, deadline);
				result.put("status", outcome.status().value());
				if (outcome.result() == Result.PICTURE) {
					picture(result, outcome);
				}
				else {
					describe(result, outcome);
				}
			}
			catch (ApiProblem ex) {
				problem(result, ex);
			}
		}
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answer);
	}

	/** One item: what the wire desk rules make of it. */
	Outcome importItem(JsonNode document, ImportOptions options, Caller caller) {
		return importItem(document, options, caller, Long.MAX_VALUE);
	}

	/** As above; a picture's fetch gets no more than what is left until {@code deadline} (nanoTime). */
	private Outcome importItem(JsonNode document, ImportOptions options, Caller caller, long deadline) {
		NinjsItem item = NinjsMapper.item(document);
		if (item.picture() != null && !item.withdrawn()) {
			// a picture becomes a media item, not an article: media-service fetches and keeps it;
			// the same picture again (its uri) is the media item it made, fetched once
			Optional<String> known = this.pictureItems.mediaId(item.uri());
			if (known.isPresent()) {
				return new Outcome(HttpStatus.OK, Result.PICTURE, null, item, null, known.get());
			}
			String mediaId = deadline == Long.MAX_VALUE ? this.pictures.store(item.picture(), caller.subject())
					: this.pictures.store(item.picture(), caller.subject(),
							Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
			String kept = this.pictureItems.keep(item.uri(), mediaId, item.version(), caller.subject(), now());
			return new Outcome(kept.equals(mediaId) ? HttpStatus.CREATED : HttpStatus.OK, Result.PICTURE, null, item,
					null, kept);
		}
		Instant now = now();
		Optional<AgencyState> known = this.items.byUri(item.uri());
		Optional<Article> article = known.flatMap((state) -> this.articles.find(state.articleId()))
			.filter((a) -> a.status() != ArticleStatus.DELETED);
		if (article.isPresent() && article.get().status() != ArticleStatus.PUBLISHED
				&& !caller.canSeeUnpublished(article.get())) {
			// another journalist's draft: no hint that it exists, as for a read
			throw ArticleEditing.notFound(article.get().id());
		}
		if (item.withdrawn()) {
			if (known.isEmpty() || article.isEmpty()) {
				throw ApiProblem.invalidField("$.uri",
						"a canceled item withdraws a story imported before; no story of ours has this uri");
			}
			this.items.markWithdrawn(known.get().articleId(), item.version(), now);
			return new Outcome(HttpStatus.OK, Result.WITHDRAWN, article.get(), item,
					this.items.byArticle(known.get().articleId()).orElseThrow());
		}
		if (known.isEmpty()) {
			String id = new ObjectId().toHexString();
			if (!this.items.claim(item.uri(), id, item.version(), item.versionCreated(), item.pubstatus(), now)) {
				// another request imported the same uri a moment ago: answer as for a known uri
				return importItem(document, options, caller);
			}
			return created(item, options, caller, id, item.uri(), deadline);
		}
		AgencyState state = known.get();
		if (article.isEmpty()) {
			boolean claimedButNeverWritten = this.articles.find(state.articleId()).isEmpty();
			if (claimedButNeverWritten) {
				// a crash between the claim and the draft: the claim's id is still free
				return created(item, options, caller, state.articleId(), item.uri(), deadline);
			}
			// the story was deleted: the agency's next version starts a new draft
			String id = new ObjectId().toHexString();
			if (!this.items.reassign(state, id, item.version(), item.versionCreated(), item.pubstatus(), now)) {
				return importItem(document, options, caller);
			}
			return created(item, options, caller, id, item.uri(), deadline);
		}
		Article current = article.get();
		boolean newer = AgencyVersions.newer(item.version(), item.versionCreated(), state.version(),
				state.versionCreated());
		if (current.status() == ArticleStatus.PUBLISHED) {
			if (!newer) {
				return new Outcome(HttpStatus.OK, Result.UNCHANGED, current, item, state);
			}
			PendingUpdate pending = state.pending();
			if (pending == null || AgencyVersions.newer(item.version(), item.versionCreated(), pending.version(),
					pending.versionCreated())) {
				this.items.keepPending(current.id(), new PendingUpdate(document.toString(), item.version(),
						item.versionCreated(), item.pubstatus(), item.draft().headline(), now, caller.subject()));
			}
			return new Outcome(HttpStatus.ACCEPTED, Result.PENDING_UPDATE, current, item,
					this.items.byArticle(current.id()).orElseThrow());
		}
		if (!newer) {
			return new Outcome(HttpStatus.OK, Result.UNCHANGED, current, item, state);
		}
		Article updated = this.editing.update(current.id(), this.drafts.content(item.draft(), current),
				Versions.etag(current.revision()), false, false, caller);
		this.items.recordVersion(current.id(), item.version(), item.versionCreated(), item.pubstatus(), now);
		return new Outcome(HttpStatus.OK, Result.UPDATED, updated, item,
				this.items.byArticle(current.id()).orElseThrow());
	}

	private Outcome created(NinjsItem item, ImportOptions options, Caller caller, String id, String uri,
			long deadline) {
		Article article;
		List<Fetched> fetched = List.of();
		try {
			fetched = fetch(item.associations(), caller,
					Math.min(deadline, System.nanoTime() + PICTURES_TIME.toNanos()));
			ImportedDraft draft = item.draft();
			String hero = null;
			List<Block> body = new ArrayList<>(draft.blocks());
			for (Fetched picture : fetched) {
				if (picture.mediaId() == null) {
					continue;
				}
				if (hero == null) {
					// the agency's first picture is the story's main picture; the others follow the text
					hero = picture.mediaId();
				}
				else {
					body.add(new Block.Image(picture.mediaId(), picture.association().picture().caption(),
							picture.association().picture().credit(), null));
				}
			}
			draft = new ImportedDraft(draft.headline(), draft.standfirst(), body, draft.source(), draft.language(),
					draft.authors(), draft.section(), draft.tags(), draft.externalUri(), draft.embargoUntil());
			article = this.drafts.create(draft, options, caller, id, hero);
		}
		catch (RuntimeException ex) {
			this.items.release(uri, id);
			throw ex;
		}
		return new Outcome(HttpStatus.CREATED, Result.CREATED, article, item,
				this.items.byArticle(id).orElseThrow(), null, fetched);
	}

	/**
	 * A text item's association pictures as media items, each through media-service (or the media
	 * item its uri made before), within {@code deadline} (nanoTime). One that fails is that
	 * picture's problem, listed in the answer; the story imports without it.
	 */
	private List<Fetched> fetch(List<NinjsItem.Association> associations, Caller caller, long deadline) {
		List<Fetched> fetched = new ArrayList<>();
		for (NinjsItem.Association association : associations) {
			try {
				Optional<String> known = association.uri() == null ? Optional.empty()
						: this.pictureItems.mediaId(association.uri());
				if (known.isPresent()) {
					fetched.add(new Fetched(association, known.get(), null));
					continue;
				}
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					throw new ApiProblem(ProblemType.BUSY, "Not fetched: the item's pictures used their time.")
						.withFieldError(association.picture().hrefPath(), "not reached in time");
				}
				String mediaId = this.pictures.store(association.picture(), caller.subject(), Duration.ofNanos(left));
				if (association.uri() != null) {
					mediaId = this.pictureItems.keep(association.uri(), mediaId, null, caller.subject(), now());
				}
				fetched.add(new Fetched(association, mediaId, null));
			}
			catch (ApiProblem ex) {
				fetched.add(new Fetched(association, null, ex));
			}
		}
		return fetched;
	}

	/** One association picture: its media item, or why there is none. */
	record Fetched(NinjsItem.Association association, String mediaId, ApiProblem problem) {
	}

	private static ObjectNode picture(ObjectNode node, Outcome outcome) {
		node.put("result", outcome.result().value);
		node.put("mediaId", outcome.mediaId());
		node.put("uri", outcome.item().uri());
		ArrayNode ignored = node.putArray("ignoredProperties");
		outcome.item().ignoredProperties().forEach(ignored::add);
		return node;
	}

	private ObjectNode single(Outcome outcome, Caller caller) {
		ObjectNode view = this.json.valueToTree(this.views.of(outcome.article(), caller));
		describe(view, outcome);
		return view;
	}

	private void describe(ObjectNode node, Outcome outcome) {
		node.put("result", outcome.result().value);
		node.put("articleId", outcome.article().id());
		ArrayNode ignored = node.putArray("ignoredProperties");
		outcome.item().ignoredProperties().forEach(ignored::add);
		node.set("agency", AgencyView.of(outcome.state(), outcome.article()).toJson(this.json));
		if (!outcome.pictures().isEmpty()) {
			ArrayNode pictures = node.putArray("pictures");
			for (Fetched fetched : outcome.pictures()) {
				ObjectNode picture = pictures.addObject();
				picture.put("name", fetched.association().name());
				picture.put("uri", fetched.association().uri());
				if (fetched.mediaId() != null) {
					picture.put("mediaId", fetched.mediaId());
				}
				else {
					problem(picture, fetched.problem());
				}
			}
		}
	}

	private static void problem(ObjectNode result, ApiProblem problem) {
		result.put("status", problem.status().value());
		ObjectNode body = result.putObject("problem");
		body.put("type", "/problems/" + problem.slug());
		body.put("title", problem.title());
		body.put("status", problem.status().value());
		body.put("detail", problem.getMessage());
		if (!problem.fieldErrors().isEmpty()) {
			ArrayNode errors = body.putArray("errors");
			problem.fieldErrors().forEach((e) -> errors.addObject().put("field", e.field()).put("message", e.message()));
		}
	}

	private JsonNode parse(String text, String field) {
		try {
			return this.json.readTree(text);
		}
		catch (JacksonException ex) {
			throw new ApiProblem(ProblemType.MALFORMED_BODY, "The body is not JSON: " + ex.getOriginalMessage())
				.withFieldError(field, "not JSON");
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/** What an import did with one item. */
	enum Result {

		CREATED("created"), UPDATED("updated"), UNCHANGED("unchanged"), PENDING_UPDATE("pending-update"),
		WITHDRAWN("withdrawn"), PICTURE("picture");

		final String value;

		Result(String value) {
			this.value = value;
		}

	}

	/**
	 * {@code article} and {@code state} for stories, {@code mediaId} for a picture, {@code pictures}
	 * for a new story's association pictures.
	 */
	record Outcome(HttpStatus status, Result result, Article article, NinjsItem item, AgencyState state,
			String mediaId, List<Fetched> pictures) {

		Outcome {
			pictures = pictures == null ? List.of() : List.copyOf(pictures);
		}

		Outcome(HttpStatus status, Result result, Article article, NinjsItem item, AgencyState state,
				String mediaId) {
			this(status, result, article, item, state, mediaId, List.of());
		}

		Outcome(HttpStatus status, Result result, Article article, NinjsItem item, AgencyState state) {
			this(status, result, article, item, state, null, List.of());
		}

	}

}
