/**
 * `<User>.user.json` and `<Group>.group.json`: the properties of CloudFormation's
 * `AWS::IAM::User` (`UserName`, `Groups`, `ManagedPolicyArns`, `Policies`) and `AWS::IAM::Group`
 * (`GroupName`, `ManagedPolicyArns`, `Policies`) that arp writes, with IAM's rules and quotas
 * for each entity (reference_iam-quotas.md).
 */
import { checkManagedArns, inlinePolicies, type BundleDocument, type Entity } from "./bundleParts.js";
import type { Findings } from "./findings.js";
import { describe, entries, isObject, own, shown } from "./json.js";
import {
  GROUP_INLINE_TOTAL_MAX,
  GROUP_MANAGED_ATTACHMENTS_MAX,
  GROUP_NAME,
  GROUPS_PER_USER_MAX,
  USER_INLINE_TOTAL_MAX,
  USER_MANAGED_ATTACHMENTS_DEFAULT,
  USER_MANAGED_ATTACHMENTS_MAX,
  USER_NAME,
} from "./quotas.js";

const QUOTAS = "reference_iam-quotas.md";
const NAMES = '"Names of users, groups, roles, policies, instance profiles, and server certificates must be alphanumeric, including the following common characters: plus (+), equal (=), comma (,), period (.), at (@), underscore (_), and hyphen (-)."';

const USER: Entity = {
  what: "user",
  inlineTotalMax: USER_INLINE_TOTAL_MAX,
  managedDefault: USER_MANAGED_ATTACHMENTS_DEFAULT,
  managedMax: USER_MANAGED_ATTACHMENTS_MAX,
  managedQuota: "Managed policies attached to an IAM user | 10 | 20",
};

const GROUP: Entity = {
  what: "group",
  inlineTotalMax: GROUP_INLINE_TOTAL_MAX,
  managedDefault: GROUP_MANAGED_ATTACHMENTS_MAX,
  managedMax: GROUP_MANAGED_ATTACHMENTS_MAX,
  managedQuota: "Managed policies attached to an IAM group | 10",
};

/** What arp writes, and the other properties of each resource type a bundle may carry. */
const USER_PROPERTIES = new Set(["UserName", "Groups", "ManagedPolicyArns", "Policies", "Path", "PermissionsBoundary", "LoginProfile", "Tags"]);
const GROUP_PROPERTIES = new Set(["GroupName", "ManagedPolicyArns", "Policies", "Path"]);

/** Checks a user bundle's own properties; returns the inline documents it holds. */
export function checkUserBundle(bundle: unknown, findings: Findings): BundleDocument[] {
  if (!isBundle(bundle, "AWS::IAM::User", USER_PROPERTIES, findings)) return [];
  checkName(own(bundle, "UserName"), "UserName", USER_NAME, "User name | 64 characters", findings);
  checkGroups(own(bundle, "Groups"), findings);
  checkManagedArns(own(bundle, "ManagedPolicyArns"), USER, findings);
  return inlinePolicies(bundle, USER, findings);
}

/** Checks a group bundle's own properties; returns the inline documents it holds. */
export function checkGroupBundle(bundle: unknown, findings: Findings): BundleDocument[] {
  if (!isBundle(bundle, "AWS::IAM::Group", GROUP_PROPERTIES, findings)) return [];
  checkName(own(bundle, "GroupName"), "GroupName", GROUP_NAME, "Group name | 128 characters", findings);
  checkManagedArns(own(bundle, "ManagedPolicyArns"), GROUP, findings);
  return inlinePolicies(bundle, GROUP, findings);
}

function isBundle(bundle: unknown, type: string, properties: ReadonlySet<string>, findings: Findings): bundle is Readonly<Record<string, unknown>> {
  if (!isObject(bundle)) {
    findings.error("bundle-format", [], `a bundle is a JSON object of ${type} properties, not ${describe(bundle)}`);
    return false;
  }
  for (const [key] of entries(bundle)) {
    if (!properties.has(key)) findings.error("bundle-property", [key], `${shown(key)} is not a property of ${type}`);
  }
  return true;
}

function checkName(name: unknown, key: "UserName" | "GroupName", pattern: RegExp, quota: string, findings: Findings): void {
  const rule = key === "UserName" ? "user-name" : "group-name";
  if (name === undefined) return;
  if (typeof name !== "string") findings.error(rule, [key], `\`${key}\` is a string, not ${describe(name)}`);
  else if (!pattern.test(name)) findings.error(rule, [key], `${shown(name)} is not a ${key === "UserName" ? "user" : "group"} name: ${NAMES} ("${quota}")`, QUOTAS);
}

function checkGroups(value: unknown, findings: Findings): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    findings.error("user-groups", ["Groups"], `\`Groups\` is an array of group names, not ${describe(value)}`);
    return;
  }
  const seen = new Set<string>();
  value.forEach((name: unknown, i) => {
    if (typeof name !== "string" || !GROUP_NAME.test(name)) {
      findings.error("user-groups", ["Groups", i], `${typeof name === "string" ? shown(name) : describe(name)} is not a group name ("Group name | 128 characters")`, QUOTAS);
    } else if (seen.has(name.toLowerCase())) findings.warning("user-groups-duplicate", ["Groups", i], `${shown(name)} is listed twice`);
    else seen.add(name.toLowerCase());
  });
  if (value.length > GROUPS_PER_USER_MAX) {
    findings.error("user-groups-count", ["Groups"], `${value.length} groups: "Groups an IAM user can be a member of | ${GROUPS_PER_USER_MAX}"`, QUOTAS);
  }
}
