package news.platform.desk.photos;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import tools.jackson.databind.JsonNode;

import news.platform.desk.upstream.MediaService;
import news.platform.desk.upstream.PersonTokens;
import news.platform.desk.upstream.Refusal;
import news.platform.desk.upstream.ServiceUnavailable;
import news.platform.desk.web.PageContext;

/**
 * The photo desk over media-service: the library with its filters, uploading several files at
 * once (each streamed from the servlet's part on disk to media-service; a file refused gets its
 * own message and the others go on), a picture's texts and tags, its focal point set by clicking
 * (the crops of the presets follow), its usage, and deleting it (media-service refuses while a
 * published story uses it, and the page says so). For journalists, editors and admins, as
 * media-service's library; others get the 404 page.
 */
@Controller
class PhotosController {

	static final Set<String> STAFF = Set.of("journalist", "editor", "admin");

	private static final Pattern MEDIA_ID = Pattern.compile("[0-9a-f]{24}");

	private static final int PAGE_SIZE = 24;

	/** media-service's limits of the texts (MetadataLimits): longer is refused here first. */
	private static final Map<String, Integer> TEXT_LIMITS = Map.of("alt", 500, "caption", 2000, "credit", 300,
			"copyright", 300, "tags", 1000);

	private final MediaService media;

	private final PersonTokens tokens;

	private final PageContext pages;

	private final long maxFileSize;

	PhotosController(MediaService media, PersonTokens tokens, PageContext pages, PhotoSettings settings) {
		this.media = media;
		this.tokens = tokens;
		this.pages = pages;
		this.maxFileSize = settings.maxFileSize().toBytes();
	}

	@GetMapping("/fotografije")
	ModelAndView library(@RequestParam(required = false) String q, @RequestParam(required = false) String uploader,
			@RequestParam(required = false) String tag, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String unused,
			@RequestParam(required = false) String cursor, HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		if (!staff(page)) {
			return error(page, 404, "error.404");
		}
		LibraryFilters filters = LibraryFilters.of(q, uploader, tag, from, to, unused, cursor);
		return libraryPage(page, filters, List.of(), HttpStatus.OK);
	}

	@PostMapping("/fotografije/posalji")
	ModelAndView upload(HttpServletRequest request, HttpServletResponse response) {
		PageContext.Page page = this.pages.page(request);
		if (!staff(page)) {
			return error(page, 404, "error.404");
		}
		List<Upload> results = new ArrayList<>();
		try {
			String token = this.tokens.current(request, response);
			for (Part part : request.getParts()) {
				if (!"files".equals(part.getName()) || part.getSubmittedFileName() == null) {
					continue;
				}
				results.add(uploadOne(part, token));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (jakarta.servlet.ServletException ex) {
			return error(page, 400, "error.400");
		}
		if (results.isEmpty()) {
			results.add(new Upload("", null, "photos.upload.none", null));
		}
		boolean anyRefused = results.stream().anyMatch(result -> !result.ok());
		if ("one".equals(request.getHeader("X-Desk-Upload")) && results.size() == 1) {
			// upload.js sends each file on its own (a progress bar each) and puts this line in its place
			return new ModelAndView("photos/upload-result", Map.of("page", page, "upload", results.get(0)),
					anyRefused ? HttpStatus.BAD_REQUEST : HttpStatus.OK);
		}
		return libraryPage(page, LibraryFilters.of(null, null, null, null, null, null, null), results,
				anyRefused && results.stream().noneMatch(Upload::ok) ? HttpStatus.BAD_REQUEST : HttpStatus.OK);
	}

	/** One file: streamed from the part (on disk) to media-service; its refusal is this file's message. */
	private Upload uploadOne(Part part, String token) {
		String name = part.getSubmittedFileName();
		String shown = name.length() > 200 ? name.substring(0, 200) : name;
		if (part.getSize() == 0) {
			return new Upload(shown, null, "photos.upload.empty", null);
		}
		if (part.getSize() > this.maxFileSize) {
			return new Upload(shown, null, "photos.upload.payload-too-large", null);
		}
		try {
			JsonNode item = this.media.upload(token, shown, part.getSize(), () -> {
				try {
					return part.getInputStream();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			return new Upload(shown, item.path("id").asString(), "photos.upload.done", null);
		}
		catch (Refusal refusal) {
			String key = switch (refusal.type()) {
				case "unsupported-media-type", "corrupt-image", "empty-upload", "payload-too-large", "too-many-pixels",
						"forbidden" -> "photos.upload." + refusal.type();
				default -> refusal.status() == 415 ? "photos.upload.unsupported-media-type"
						: refusal.status() == 413 ? "photos.upload.payload-too-large" : "photos.upload.refused";
			};
			return new Upload(shown, null, key, refusal.detail());
		}
		catch (ServiceUnavailable ex) {
			return new Upload(shown, null, "photos.upload.unavailable", null);
		}
		finally {
			try {
				part.delete();
			}
			catch (IOException ex) {
				// the container removes it at the end of the request anyway
			}
		}
	}

	@GetMapping("/fotografije/{id}")
	ModelAndView photo(@PathVariable String id, HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		if (!staff(page) || !MEDIA_ID.matcher(id).matches()) {
			return error(page, 404, "error.404");
		}
		return photoPage(page, id, null, Map.of(), HttpStatus.OK);
	}

	@PostMapping("/fotografije/{id}")
	ModelAndView describe(@PathVariable String id, @RequestParam(required = false) String alt,
			@RequestParam(required = false) String caption, @RequestParam(required = false) String credit,
			@RequestParam(required = false) String copyright, @RequestParam(required = false) String tags,
			@RequestParam(required = false) String version, HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		if (!staff(page) || !MEDIA_ID.matcher(id).matches()) {
			return error(page, 404, "error.404");
		}
		Map<String, String> typed = new LinkedHashMap<>();
		typed.put("alt", alt == null ? "" : alt.strip());
		typed.put("caption", caption == null ? "" : caption.strip());
		typed.put("credit", credit == null ? "" : credit.strip());
		typed.put("copyright", copyright == null ? "" : copyright.strip());
		typed.put("tags", tags == null ? "" : tags.strip());
		for (Map.Entry<String, String> field : typed.entrySet()) {
			if (field.getValue().length() > TEXT_LIMITS.get(field.getKey())) {
				return photoPage(page, id, new PhotoNotice(false, "photos.invalid.too-long", null, field.getKey()), typed,
						HttpStatus.BAD_REQUEST);
			}
		}
		Long at = number(version);
		if (at == null) {
			return error(page, 400, "error.400");
		}
		Map<String, Object> patch = new LinkedHashMap<>();
		typed.forEach((field, value) -> {
			if (!"tags".equals(field)) {
				patch.put(field, value.isEmpty() ? null : value);
			}
		});
		List<String> tagList = new ArrayList<>();
		for (String tag : typed.get("tags").split(",")) {
			if (!tag.isBlank()) {
				tagList.add(tag.strip());
			}
		}
		patch.put("tags", tagList);
		return change(page, id, patch, at, typed, "photos.saved");
	}

	@PostMapping("/fotografije/{id}/fokus")
	ModelAndView focus(@PathVariable String id, @RequestParam(required = false) String x,
			@RequestParam(required = false) String y, @RequestParam(required = false) String version,
			@RequestHeader(name = "HX-Request", required = false) String htmx, HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		if (!staff(page) || !MEDIA_ID.matcher(id).matches()) {
			return error(page, 404, "error.404");
		}
		Double fx = fraction(x);
		Double fy = fraction(y);
		Long at = number(version);
		if (fx == null || fy == null || at == null) {
			// a point outside the picture (or no point at all): said at the picture, nothing saved
			PhotoNotice notice = new PhotoNotice(false, "photos.focal.outside", null, "focal");
			return htmx != null ? focalFragment(page, id, notice) : photoPage(page, id, notice, Map.of(), HttpStatus.BAD_REQUEST);
		}
		Map<String, Object> patch = Map.of("focalPoint", Map.of("x", fx, "y", fy));
		if (htmx == null) {
			return change(page, id, patch, at, Map.of(), "photos.focal.saved");
		}
		try {
			Photo photo = Photo.of(this.media.patch(id, patch, at));
			return focalView(page, photo, new PhotoNotice(true, "photos.focal.saved", null, null));
		}
		catch (Refusal refusal) {
			return focalFragment(page, id, notice(refusal));
		}
		catch (ServiceUnavailable ex) {
			return error(page, 503, "photos.unavailable");
		}
	}

	@PostMapping("/fotografije/{id}/brisanje")
	ModelAndView delete(@PathVariable String id, HttpServletRequest request) {
		PageContext.Page page = this.pages.page(request);
		if (!staff(page) || !MEDIA_ID.matcher(id).matches()) {
			return error(page, 404, "error.404");
		}
		try {
			this.media.delete(id);
			ModelAndView library = libraryPage(page, LibraryFilters.of(null, null, null, null, null, null, null),
					List.of(), HttpStatus.OK);
			library.addObject("deleted", true);
			return library;
		}
		catch (Refusal refusal) {
			return photoPage(page, id, notice(refusal), Map.of(),
					refusal.status() == 409 ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
		}
		catch (ServiceUnavailable ex) {
			return error(page, 503, "photos.unavailable");
		}
	}

	private ModelAndView change(PageContext.Page page, String id, Map<String, Object> patch, long version,
			Map<String, String> typed, String done) {
		try {
			this.media.patch(id, patch, version);
			return photoPage(page, id, new PhotoNotice(true, done, null, null), Map.of(), HttpStatus.OK);
		}
		catch (Refusal refusal) {
			return photoPage(page, id, notice(refusal), typed, HttpStatus.BAD_REQUEST);
		}
		catch (ServiceUnavailable ex) {
			return error(page, 503, "photos.unavailable");
		}
	}

	private ModelAndView libraryPage(PageContext.Page page, LibraryFilters filters, List<Upload> uploads,
			HttpStatus status) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("page", page);
		model.put("filters", filters);
		model.put("uploads", uploads);
		model.put("deleted", false);
		Map<String, String> problems = filters.problems();
		model.put("problems", problems);
		if (!problems.isEmpty()) {
			model.put("photos", List.of());
			model.put("next", null);
			return new ModelAndView("photos/library", model, HttpStatus.BAD_REQUEST);
		}
		try {
			JsonNode answer = this.media.library(filters.query(PAGE_SIZE));
			List<Photo> photos = new ArrayList<>();
			answer.path("items").forEach(item -> photos.add(Photo.of(item)));
			model.put("photos", photos);
			JsonNode next = answer.path("next");
			model.put("next", next.isString() ? page.base() + "/fotografije?cursor=" + next.asString() + filters.pageQuery()
					: null);
			return new ModelAndView("photos/library", model, status);
		}
		catch (Refusal refusal) {
			model.put("photos", List.of());
			model.put("next", null);
			model.put("problems", Map.of("filters", "photos.invalid.refused"));
			return new ModelAndView("photos/library", model, HttpStatus.BAD_REQUEST);
		}
		catch (ServiceUnavailable ex) {
			// the search is down (or filling its index): the page stays, with the upload's results
			model.put("photos", List.of());
			model.put("next", null);
			model.put("problems", Map.of("filters", "photos.library.unavailable"));
			return new ModelAndView("photos/library", model,
					uploads.isEmpty() ? HttpStatus.SERVICE_UNAVAILABLE : status);
		}
	}

	private ModelAndView photoPage(PageContext.Page page, String id, PhotoNotice notice, Map<String, String> typed,
			HttpStatus status) {
		try {
			Photo photo = Photo.of(this.media.item(id));
			List<PhotoUse> uses = new ArrayList<>();
			this.media.usage(id).path("articles").forEach(use -> uses.add(PhotoUse.of(use)));
			Map<String, Object> model = new LinkedHashMap<>();
			model.put("page", page);
			model.put("photo", photo);
			model.put("uses", uses);
			model.put("notice", notice);
			model.put("typed", typed);
			return new ModelAndView("photos/photo", model, status);
		}
		catch (Refusal refusal) {
			return error(page, 404, "error.404");
		}
		catch (ServiceUnavailable ex) {
			return error(page, 503, "photos.unavailable");
		}
	}

	private ModelAndView focalFragment(PageContext.Page page, String id, PhotoNotice notice) {
		try {
			return focalView(page, Photo.of(this.media.item(id)), notice);
		}
		catch (Refusal refusal) {
			return error(page, 404, "error.404");
		}
		catch (ServiceUnavailable ex) {
			return error(page, 503, "photos.unavailable");
		}
	}

	private static ModelAndView focalView(PageContext.Page page, Photo photo, PhotoNotice notice) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("page", page);
		model.put("photo", photo);
		model.put("notice", notice);
		model.put("oob", true);
		return new ModelAndView("photos/focal", model, HttpStatus.OK);
	}

	private static PhotoNotice notice(Refusal refusal) {
		String type = Set.of("stale-version", "precondition-required", "media-in-use", "validation", "forbidden",
				"not-found").contains(refusal.type()) ? refusal.type() : "other";
		return new PhotoNotice(false, "photos.refused." + type, refusal.detail(), refusal.field());
	}

	static boolean staff(PageContext.Page page) {
		return page.person() != null && page.person().roles().stream().anyMatch(STAFF::contains);
	}

	private static ModelAndView error(PageContext.Page page, int status, String key) {
		return new ModelAndView("error", Map.of("page", page, "status", status, "key", key), HttpStatus.valueOf(status));
	}

	/** A fraction of the picture's width or height, 0..1 inclusive; anything else is null. */
	static Double fraction(String value) {
		if (value == null || !value.strip().matches("-?[0-9]{1,3}(\\.[0-9]{1,6})?")) {
			return null;
		}
		double number = Double.parseDouble(value.strip());
		return number < 0 || number > 1 ? null : number;
	}

	private static Long number(String value) {
		if (value == null || !value.strip().matches("[0-9]{1,18}")) {
			return null;
		}
		return Long.valueOf(value.strip());
	}

}
