package gazetteer

// NoCompileAhead lets the benchmarks of package gazetteer_test time
// Load's checks without the index it builds beside them.
var NoCompileAhead = &noCompileAhead
