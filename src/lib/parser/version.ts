/**
 * Bumped whenever the parser's output can change for the same input, so
 * caches keyed on it (the content layer's data store, the parse cache) never
 * serve records from an older parser.
 */
export const PARSER_VERSION = '1.0.0';
