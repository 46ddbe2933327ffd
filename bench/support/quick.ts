// BENCH_QUICK=1: shorter runs while developing (fewer, shorter rounds). Numbers are rougher; a full run
// without it is what RESULTS.md records.
export const quick = process.env.BENCH_QUICK === "1";
