// Loaded by test/faults/.mocharc.json only: `npm run test:faults` runs hundreds of operations per
// fault mode; `npm run test:faults:quick` (inside `npm test`) keeps the default small size.
process.env.IDEOGRAM_FAULT_OPS ??= '200';
