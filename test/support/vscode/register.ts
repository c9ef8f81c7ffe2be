// Mocha `--require` hook of the unit and fault suites: puts the vscode stand-in in place before any
// test file loads, so code that imports `vscode` runs in plain Node (as microsoft/vscode-python-
// environments does). Tests that use it start from `vscodeStandIn.reset()` (activateForTest does).
import './standIn';
