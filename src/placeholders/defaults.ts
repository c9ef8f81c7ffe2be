// Defaults of the placeholder settings: defined beside the settings schema (src/common, the layer
// it may import) and re-exported here for the planner.
export { PLACEHOLDER_DEFAULTS } from '../common/placeholderSettings';
