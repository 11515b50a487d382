package news.platform.desk.importing;

/**
 * One item of an import as the page lists it.
 *
 * @param index the item's place in the file, from 1
 * @param uri the agency's id of the item, when it has one
 * @param outcome a bundle key's tail: created, updated, unchanged, pending-update, withdrawn, picture or refused
 * @param articleId the story it made or touched (a link to the editor), or null
 * @param problem why it was refused, in the service's words, or null
 */
public record ImportResult(int index, String uri, String outcome, String articleId, String problem) {
}
