/**
 * The API's size limits. Dependency-free (it imports nothing at run time), so the web page
 * counts characters against the same numbers the server enforces.
 */
export const MAX_TURN_CHARS = 4000;
export const MAX_DRAFT_CHARS = 20_000;
export const MAX_BODY_BYTES = 64 * 1024;
/** A pasted conversation to import: the whole body, text and all. */
export const MAX_IMPORT_BYTES = 200 * 1024;
