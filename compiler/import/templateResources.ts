/**
 * A whole CloudFormation template — `{ "Resources": { "<LogicalId>": { "Type": ..., ... } } }`
 * — read as the IAM resources it declares. Roles (`AWS::IAM::Role`), users and groups
 * (`AWS::IAM::User`, `AWS::IAM::Group`) and policy resources
 * (`AWS::IAM::ManagedPolicy`, `AWS::IAM::Policy`, `AWS::IAM::RolePolicy`) import one `.arp`
 * each; the template's other resources (buckets, services, ...) hold no IAM policy and are
 * passed over.
 */
import type { JsonNode } from "./jsonSource.js";

const IAM_RESOURCE_TYPES = new Set(["AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group", "AWS::IAM::ManagedPolicy", "AWS::IAM::Policy", "AWS::IAM::RolePolicy"]);

/** One IAM resource of a template: its logical ID and its `{ "Type", "Properties" }` node. */
export interface TemplateResource {
  readonly logicalId: string;
  readonly node: JsonNode;
}

/**
 * The IAM resources of `root` in the template's order when `root` is a template (an object
 * with a `Resources` object: an IAM policy has `Resource`, never `Resources`); undefined when
 * it is not a template.
 */
export function templateResources(root: JsonNode): TemplateResource[] | undefined {
  if (root.kind !== "object") return undefined;
  const resources = root.entries.find((e) => e.key === "Resources")?.value;
  if (resources?.kind !== "object") return undefined;
  return resources.entries
    .filter((e) => {
      const type = e.value.kind === "object" ? e.value.entries.find((t) => t.key === "Type")?.value : undefined;
      return type?.kind === "string" && IAM_RESOURCE_TYPES.has(type.value);
    })
    .map((e) => ({ logicalId: e.key, node: e.value }));
}
