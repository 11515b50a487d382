package news.platform.article.search;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;

import org.springframework.http.HttpHeaders;

/** The filters, fields, paging and caching parameters that lists and search share (OpenAPI). */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameter(name = "section", in = ParameterIn.QUERY, description = "section path (vijesti/hrvatska), case- and diacritic-insensitive; a section includes its subsections")
@Parameter(name = "tag", in = ParameterIn.QUERY, description = "a tag's slug (current or old) or name: its articles, tags merged into it included (older free-text tags by their slug form)")
@Parameter(name = "author", in = ParameterIn.QUERY, description = "an author profile's slug (current or old); for older articles also an author id or free-text name")
@Parameter(name = "language", in = ParameterIn.QUERY, description = "primary language subtag, two or three letters (hr, en); also matches regional tags (en finds en-GB). Search: without it every language is searched, each article with its own analysis; with it only that language, analysed as such. Anything else is refused (400 naming language)")
@Parameter(name = "from", in = ParameterIn.QUERY, description = "publishedAt from (inclusive), ISO-8601 with offset")
@Parameter(name = "to", in = ParameterIn.QUERY, description = "publishedAt before (exclusive), ISO-8601 with offset")
@Parameter(name = "fields", in = ParameterIn.QUERY,
		description = "comma-separated: id,slug,headline,standfirst,section,tags,authors,language,publishedAt,heroMediaId,url (staff also: status,ownerId,updatedAt,scheduledAt,returned; search also: highlights)")
@Parameter(name = "limit", in = ParameterIn.QUERY, description = "1-50, default 20; above 50 is refused (400)")
@Parameter(name = "cursor", in = ParameterIn.QUERY, description = "nextCursor of the previous page")
@Parameter(name = HttpHeaders.IF_NONE_MATCH, in = ParameterIn.HEADER, description = "ETag of a previous response: 304 if unchanged")
@interface ListFilterParameters {

}
