/**
 * `Resource` / `NotResource` strings: `*` or an ARN. reference-arns.md gives the forms
 * `arn:partition:service:region:account-id:resource...`; IAM refuses a resource that is neither
 * `*` nor such an ARN (Access Analyzer: "Invalid ARN prefix", "Missing ARN field").
 * reference_policies_variables.md: "You can use a policy variable in the Resource element, but
 * only in the resource portion of the ARN. This portion of the ARN appears after the fifth
 * colon (:)."
 */
import type { Findings, JsonPath } from "./findings.js";
import { shown } from "./json.js";
import { isSubstituted, variableProblem, variableUses } from "./variables.js";

const PARTITIONS = new Set(["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"]);

/** Offsets of the colons of `text` that are not inside a `${...}`. */
function separatorColons(text: string): number[] {
  const uses = variableUses(text);
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === ":" && !uses.some((u) => i > u.start && i < u.end)) out.push(i);
  }
  return out;
}

/** Checks one resource pattern. */
export function checkResource(resource: string, path: JsonPath, findings: Findings): void {
  if (resource === "*") return;
  if (!resource.startsWith("arn:")) {
    findings.error("resource-format", path, `${shown(resource)} is not \`*\` or an ARN (\`arn:partition:service:region:account:resource\`)`, "reference-arns.md");
    return;
  }
  const colons = separatorColons(resource);
  if (colons.length < 5) {
    findings.error("resource-format", path, `${shown(resource)} has ${colons.length + 1} of the 6 fields of an ARN (\`arn:partition:service:region:account:resource\`)`, "reference-arns.md");
    return;
  }
  const fifth = colons[4] as number;
  for (const use of variableUses(resource)) {
    const problem = variableProblem(use);
    if (problem !== undefined) findings.warning("variable-syntax", path, problem, "access-analyzer-reference-policy-checks.md");
    if (isSubstituted(use) && use.start < fifth) {
      findings.warning("variable-in-arn-prefix", path, `${shown(resource)}: IAM substitutes policy variables only after the fifth colon; \`\${${use.inner}}\` is read as text`, "reference_policies_variables.md");
    }
  }
  const partition = resource.slice(4, colons[1]);
  if (!PARTITIONS.has(partition) && !/[*?$]/.test(partition)) {
    findings.warning("arn-partition", path, `${shown(resource)}: \`${partition}\` is not an AWS partition (\`aws\`, \`aws-cn\`, \`aws-us-gov\`, ...)`, "reference-arns.md");
  }
  const service = resource.slice((colons[1] as number) + 1, colons[2]);
  if (service === "") {
    findings.warning("arn-service", path, `${shown(resource)} names no service`, "reference-arns.md");
  } else if (service !== service.toLowerCase() && !service.includes("${")) {
    findings.warning("arn-service", path, `${shown(resource)}: the service in an ARN is lowercase (Access Analyzer: Invalid ARN service case)`, "access-analyzer-reference-policy-checks.md");
  }
}
