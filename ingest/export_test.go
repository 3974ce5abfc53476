package ingest

// GroupSize is groupSize, for the tests of a sink that fails between
// groups.
const GroupSize = groupSize
