/**
 * The real-world feeds corpus, committed as fixtures (tests/fixtures/real-feeds/README.md names
 * each source), so that a clone with nothing beside it runs every test.
 */
export const realFeedsCorpus = new URL('../fixtures/real-feeds/', import.meta.url);
