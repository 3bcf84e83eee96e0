/**
 * The request form's decision, as `arp eval` makes it: IAM evaluates the identity policies of the
 * principal that makes the request, so the document's policies are never pooled. The set is the
 * one named in "as", else the role or user the principal ARN names, else the only one the
 * document defines; otherwise the form asks for a choice.
 */
import type { DocumentAnalysis } from "../../compiler/languageService/index.js";
import { roleNameOfArn, userNameOfArn } from "../../compiler/driver/principalSets.js";
import { compilePolicySet, explain } from "../../runtime/index.js";
import type { EvalRequest } from "./protocol.js";

type PrincipalSet = DocumentAnalysis["principals"][number];

/** The set whose policies decide, or why none can be chosen. */
function chooseSet(sets: readonly PrincipalSet[], principal: string, as: string): PrincipalSet | string {
  const list = sets.map((s) => `${s.name} (${s.kind})`).join(", ");
  if (as !== "") return sets.find((s) => s.name === as) ?? `as ${as}: no role, user or policy of that name; the document defines: ${list || "(none)"}`;
  const role = roleNameOfArn(principal);
  const byRole = role === undefined ? undefined : sets.find((s) => s.kind === "role" && s.name === role);
  if (byRole !== undefined) return byRole;
  const user = userNameOfArn(principal);
  const byUser = user === undefined ? undefined : sets.find((s) => s.kind === "user" && s.name === user);
  if (byUser !== undefined) return byUser;
  const [only, ...others] = sets;
  if (only !== undefined && others.length === 0) return only;
  if (only === undefined) return "the document defines no role, user or policy to evaluate";
  return `whose policies decide? IAM evaluates only the policies of the principal that makes the request: name a role, or choose one in "as": ${list}`;
}

/** The decision and the runtime's explanation, or why the request cannot be decided. */
export function decide(analysis: DocumentAnalysis, request: EvalRequest): string {
  if (analysis.principals.length === 0 && analysis.diagnostics.some((d) => d.severity === "error")) return "fix the errors to decide a request";
  const set = chooseSet(analysis.principals, request.principal, (request.as ?? "").trim());
  if (typeof set === "string") return `cannot decide: ${set}`;
  try {
    const context = request.context.trim() === "" ? {} : (JSON.parse(request.context) as Record<string, string | string[]>);
    const input = { principal: request.principal, action: request.action, resource: request.resource, context };
    const result = compilePolicySet(set.policies).evaluate(input);
    return `${result.decision} (the policies of ${set.kind} ${set.name})\n\n${explain(result, input)}`;
  } catch (error) {
    return `cannot decide: ${(error as Error).message}`;
  }
}
