// A job child's stand-in that never answers: a test ends it from outside, as a crash would.
process.on('message', () => {});
