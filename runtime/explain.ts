/**
 * A readable account of a decision: what was decided, which statements decided it (with Sid,
 * policy and `.arp` location), and for every other statement the first reason it did not
 * apply. Deterministic: statements appear in policy order, then statement order.
 */
import { formatDenial } from "./denial.js";
import { checkRequest } from "./request.js";
import type { ConditionFailure, EvaluationResult, Request, RequestInput, StatementMiss, StatementRef } from "./types.js";

const HEADLINES: ReadonlyMap<EvaluationResult["decision"], string> = new Map([
  ["Allow", "Allow: a statement allows the request and none denies it"],
  ["ExplicitDeny", "ExplicitDeny: a Deny statement applies, which overrides any Allow"],
  ["ImplicitDeny", "ImplicitDeny: no statement allows the request"],
]);

/**
 * Explains an evaluation result in several lines of plain text. Throws `InvalidRequestError`
 * when the request breaks the request contract, as `evaluate` does.
 */
export function explain(result: EvaluationResult, request: RequestInput): string {
  // Read the checked copy, never the caller's object again.
  const checked = checkRequest(request);
  const headline = HEADLINES.get(result.decision);
  if (headline === undefined) throw new TypeError(`explain: unknown decision ${JSON.stringify(result.decision)}`);
  const lines = [
    `decision: ${headline}`,
    `request: \`${checked.principal}\` performs \`${checked.action}\` on \`${checked.resource}\``,
  ];
  if (result.decision !== "Allow") lines.push(`aws would say: ${formatDenial(checked, result.decision)}`);
  section(
    lines,
    "decided by:",
    result.matched.map((ref) => describe(ref, result.decision === "Allow" ? "Allow" : "Deny")),
  );
  section(
    lines,
    "overridden by the explicit deny:",
    (result.overridden ?? []).map((ref) => describe(ref, "Allow")),
  );
  section(
    lines,
    "did not apply:",
    result.notApplied.map((miss) => `${describe(miss, miss.effect)}: ${why(miss, checked)}`),
  );
  return lines.join("\n");
}

function section(lines: string[], title: string, items: readonly string[]): void {
  if (items.length === 0) return;
  lines.push(title, ...items.map((item) => `  - ${item}`));
}

/** `Allow statement \`ReadServices\` in policy \`team\` (policies/team.arp:3:5)` */
function describe(ref: StatementRef, effect: "Allow" | "Deny"): string {
  const name = ref.sid === undefined ? `statement[${ref.index}]` : `statement \`${ref.sid}\``;
  const where =
    ref.source === undefined ? "" : ` (${ref.source.file}:${ref.source.line}:${ref.source.column})`;
  return `${effect} ${name} in policy \`${ref.policy}\`${where}`;
}

function why(miss: StatementMiss, request: Pick<Request, "action" | "resource">): string {
  const { reason } = miss;
  switch (reason.kind) {
    case "action":
      if (reason.element === undefined) return "the statement has no Action or NotAction";
      return reason.element === "Action"
        ? `action \`${request.action}\` not in Action`
        : `action \`${request.action}\` is excluded by NotAction`;
    case "resource":
      return reason.element === "NotResource"
        ? `resource \`${request.resource}\` is excluded by NotResource`
        : `resource \`${request.resource}\` not in Resource`;
    case "condition":
      return describeFailure(reason.failure);
    case "unresolvable":
      return reason.detail;
  }
}

/** Operators that hold when the key's value is none of the policy's (`StringNotEquals`, `NotIpAddress`, ...). */
const NEGATED = /^(?:For(?:All|Any)Values:)?(?:StringNot|NumericNot|DateNot|NotIpAddress|ArnNot)/;

/**
 * `condition StringEquals aws:ResourceTag/team: expected \`alice\`, got \`bob\``; a negated
 * operator fails when the value is one of the policy's, and says so:
 * `condition StringNotEquals aws:RequestedRegion: expected none of \`eu-west-1\`, got \`eu-west-1\``.
 */
export function describeFailure(failure: ConditionFailure): string {
  const head = `condition ${failure.operator} ${failure.key}`;
  const negated = NEGATED.test(failure.operator);
  const expected = negated
    ? `none of ${failure.expected.map((v) => `\`${v}\``).join(", ") || "no value"}`
    : quoteList(failure.expected, "one of ");
  if (failure.actual === undefined) return `${head}: key missing (expected ${expected})`;
  return `${head}: expected ${expected}, got ${quoteList(failure.actual, "")}`;
}

function quoteList(values: readonly string[], several: string): string {
  if (values.length === 0) return "no value";
  if (values.length === 1) return `\`${values[0]}\``;
  return several + values.map((v) => `\`${v}\``).join(", ");
}
