/**
 * A CloudFormation policy resource — `{ "Type": "AWS::IAM::ManagedPolicy" | "AWS::IAM::Policy"
 * | "AWS::IAM::RolePolicy", "Properties": { "PolicyDocument": { ... }, ... } }` — read as the
 * identity policy it holds. The policy is named from `ManagedPolicyName` or `PolicyName`; what
 * says where the policy is attached (`Roles`, `Groups`, `Users`, `RoleName`) or how it is filed
 * (`Path`, `Description`) changes no decision of the policy itself and is reported as dropped.
 */
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import { readEntries, readString } from "./jsonElements.js";
import type { JsonNode } from "./jsonSource.js";

/** The resource types whose `PolicyDocument` is an identity policy, with the property naming it. */
const POLICY_RESOURCES: ReadonlyMap<string, { readonly nameKey: string; readonly elements: readonly string[] }> = new Map([
  ["AWS::IAM::ManagedPolicy", { nameKey: "ManagedPolicyName", elements: ["ManagedPolicyName", "PolicyDocument", "Description", "Path", "Roles", "Groups", "Users"] }],
  ["AWS::IAM::Policy", { nameKey: "PolicyName", elements: ["PolicyName", "PolicyDocument", "Roles", "Groups", "Users"] }],
  ["AWS::IAM::RolePolicy", { nameKey: "PolicyName", elements: ["PolicyName", "PolicyDocument", "RoleName"] }],
]);

/** What a policy resource holds: its document, and its name when it states one. */
export interface PolicyResource {
  readonly type: string;
  readonly document: JsonNode;
  readonly name?: string;
}

/** True when `root` is `{ "Type": <a policy resource type>, ... }`. */
export function isPolicyResource(root: JsonNode): boolean {
  if (root.kind !== "object") return false;
  const type = root.entries.find((e) => e.key === "Type")?.value;
  return type?.kind === "string" && POLICY_RESOURCES.has(type.value);
}

/**
 * Reads a policy resource (`isPolicyResource(root)` holds); undefined, with the reason
 * reported, when its shape is not CloudFormation's.
 */
export function readPolicyResource(root: JsonNode, diagnostics: Diagnostic[]): PolicyResource | undefined {
  if (root.kind !== "object") return undefined;
  const outer = readEntries(root, ["Type", "Properties", "DependsOn", "Condition", "Metadata", "DeletionPolicy", "UpdateReplacePolicy"], "a CloudFormation resource", diagnostics);
  const typeNode = outer.get("Type")?.value;
  const type = typeNode?.kind === "string" ? typeNode.value : "";
  const shape = POLICY_RESOURCES.get(type);
  const properties = outer.get("Properties");
  if (shape === undefined || properties === undefined || properties.value.kind !== "object") {
    diagnostics.push(diagnostic("InvalidPolicyElement", (properties ?? outer.get("Type"))?.keySpan ?? root.span, `a \`${type}\` resource needs \`Properties\` holding its \`PolicyDocument\``));
    return undefined;
  }
  for (const [key, entry] of outer) {
    if (key !== "Type" && key !== "Properties") {
      diagnostics.push(diagnostic("DroppedElement", entry.keySpan, `arp does not keep a resource's \`${key}\``, { hint: "it belongs to the template, not to the policy" }));
    }
  }
  const entries = readEntries(properties.value, shape.elements, `a \`${type}\` resource's properties`, diagnostics);
  const document = entries.get("PolicyDocument");
  if (document === undefined) {
    diagnostics.push(diagnostic("InvalidPolicyElement", properties.keySpan, `a \`${type}\` resource needs a \`PolicyDocument\``));
    return undefined;
  }
  for (const [key, entry] of entries) {
    if (key !== "PolicyDocument" && key !== shape.nameKey) {
      diagnostics.push(diagnostic("DroppedElement", entry.keySpan, `arp does not keep a policy resource's \`${key}\``, { hint: "attach the policy with `attach` in a role, or where it is deployed" }));
    }
  }
  const nameEntry = entries.get(shape.nameKey);
  // A name given by an intrinsic function (`{ "Fn::Sub": ... }`) is known only when deployed.
  const name = nameEntry?.value.kind === "string" ? readString(nameEntry.value, `\`${shape.nameKey}\``, diagnostics)?.text : undefined;
  return { type, document: document.value, ...(name !== undefined ? { name } : {}) };
}
