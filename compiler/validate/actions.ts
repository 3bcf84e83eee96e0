/**
 * `Action` / `NotAction` strings. reference_policies_grammar.md: an action_string "Consists of
 * a service namespace, a colon, and the name of an action. Action names can include
 * wildcards." IAM refuses a string without a service prefix; an unknown service or action is
 * accepted (it grants nothing), so the catalog only gives warnings.
 */
import { loadCatalog } from "../catalog/index.js";
import type { Findings, JsonPath } from "./findings.js";
import { shown } from "./json.js";

const DOC = "reference_policies_grammar.md";
const PREFIX = /^[A-Za-z0-9*?-]+$/;
const NAME = /^[A-Za-z0-9*?_.-]+$/;

function hasWildcard(text: string): boolean {
  return text.includes("*") || text.includes("?");
}

/** Checks one action pattern. */
export function checkAction(action: string, path: JsonPath, findings: Findings): void {
  if (action === "*") return;
  if (action.includes("${")) {
    findings.warning("variable-in-element", path, `${shown(action)}: policy variables are supported only in \`Resource\` and \`Condition\` (Access Analyzer: Variable unsupported in element)`, "reference_policies_variables.md");
  }
  const colon = action.indexOf(":");
  if (colon < 0) {
    findings.error("action-format", path, `${shown(action)} is not an action: write \`service:Action\`, e.g. \`apprunner:ListServices\``, DOC);
    return;
  }
  const prefix = action.slice(0, colon);
  const name = action.slice(colon + 1);
  if (prefix === "" || name === "") {
    findings.error("action-format", path, `${shown(action)} is not an action: a service prefix, \`:\` and an action name`, DOC);
    return;
  }
  if (!PREFIX.test(prefix) || !NAME.test(name)) {
    findings.warning("action-characters", path, `${shown(action)}: service prefixes and action names are letters, digits, \`-\` and wildcards, so this grants nothing`, DOC);
    return;
  }
  if (hasWildcard(prefix)) {
    findings.warning("action-service-wildcard", path, `${shown(action)}: a wildcard in the service name may match services you did not mean (Access Analyzer: Wildcard in service name)`, "access-analyzer-reference-policy-checks.md");
    return;
  }
  const catalog = loadCatalog();
  if (!catalog.hasService(prefix)) {
    findings.warning("action-unknown-service", path, `${shown(action)}: \`${prefix}\` is not a service the catalog knows, so this grants nothing`, "access-analyzer-reference-policy-checks.md");
    return;
  }
  if (prefix !== prefix.toLowerCase()) {
    findings.warning("action-service-case", path, `${shown(action)}: service prefixes are lowercase (\`${prefix.toLowerCase()}\`)`, "access-analyzer-reference-policy-checks.md");
  }
  if (hasWildcard(name) ? catalog.matchActions(action).length === 0 : catalog.action(action) === undefined) {
    findings.warning("action-unknown", path, `${shown(action)} matches no action the catalog knows, so this grants nothing`, "access-analyzer-reference-policy-checks.md");
  }
}
