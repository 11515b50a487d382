package news.platform.article.search;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;

/** The work-list parameters of lists and search (OpenAPI): staff only, 403 for anyone else. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameter(name = "status", in = ParameterIn.QUERY,
		description = "staff: draft, in_review, scheduled, published, unpublished; repeat or comma-separate for any of them")
@Parameter(name = "owner", in = ParameterIn.QUERY, description = "staff: me, or a user id (editors; a journalist naming another: 403)")
@Parameter(name = "updatedAfter", in = ParameterIn.QUERY, description = "staff: last change after (exclusive), ISO-8601 with offset")
@Parameter(name = "updatedBefore", in = ParameterIn.QUERY, description = "staff: last change before (exclusive), ISO-8601 with offset")
@Parameter(name = "returned", in = ParameterIn.QUERY, description = "staff: true for stories sent back to their journalist and not resubmitted")
@Parameter(name = "agency", in = ParameterIn.QUERY, description = "staff: pending-update (a published story with the agency's newer version waiting for an editor) or withdrawn (a story the agency withdrew, published or not); anything else 400 naming agency")
@interface StaffListParameters {

}
