package news.platform.article.ninjs;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import news.platform.article.importing.ImportFormat;
import news.platform.article.importing.ImportedDraft;
import news.platform.autoconfigure.problem.ApiProblem;
import news.platform.autoconfigure.problem.ProblemType;

/** Agency items in IPTC ninjs 2.x for the import endpoint: JSON first, then {@link NinjsMapper#fromNinjs}. */
@Component
class NinjsImport implements ImportFormat {

	private static final MediaType NINJS = MediaType.parseMediaType(NinjsMapper.MEDIA_TYPE);

	private final JsonMapper json;

	NinjsImport(JsonMapper json) {
		this.json = json;
		// the schema loads once at start, not on the first import
		NinjsMapper.preload();
	}

	@Override
	public MediaType mediaType() {
		return NINJS;
	}

	@Override
	public ImportedDraft read(String body) {
		if (body.isBlank()) {
			throw ApiProblem.invalidField("$", "a ninjs document is required");
		}
		JsonNode document;
		try {
			document = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new ApiProblem(ProblemType.MALFORMED_BODY, "The body is not JSON: " + ex.getOriginalMessage())
				.withFieldError("$", "not JSON");
		}
		return NinjsMapper.fromNinjs(document);
	}

}
