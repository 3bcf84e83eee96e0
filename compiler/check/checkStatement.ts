/**
 * Checks one statement of an identity policy: its label, actions, resources, the pairing of
 * the two, and its condition. Returns the checked statement for lowering, or undefined when
 * something failed (everything found is reported, not just the first problem).
 */
import type { Statement } from "../../grammar/ast.js";
import type { CheckedCondition } from "./checkedCondition.js";
import { checkCondition } from "./checkConditions.js";
import { checkResourceTypes } from "./checkResourceTypes.js";
import { keysThatNeverHold } from "./denyNeverApplies.js";
import { report, type CheckContext } from "./context.js";
import type { CatalogAction } from "../catalog/index.js";
import { resolveActions, statementActions, type ResolvedActions } from "./resolveActions.js";
import { resolveResources, type ResolvedResources } from "./resolveResources.js";

export interface CheckedStatement {
  readonly source: Statement;
  readonly sid?: string;
  readonly effect: "Allow" | "Deny";
  readonly actions: ResolvedActions;
  readonly resources: ResolvedResources;
  readonly condition?: CheckedCondition;
}

const SID = /^[A-Za-z0-9]*$/;

export function checkStatement(ctx: CheckContext, stmt: Statement): CheckedStatement | undefined {
  const before = ctx.diagnostics.length;
  const sid = checkLabel(ctx, stmt);
  if (stmt.principals !== undefined) {
    report(ctx, "PrincipalInIdentityPolicy", stmt.principals.span,
      "an identity policy names no principal: it applies to whoever it is attached to, and App Runner supports no resource-based policies",
      { hint: "attach the policy to a user, group or role; to let other accounts in, declare a `role` with `trust`" });
  }
  const actions = resolveActions(ctx, stmt.actions);
  if (stmt.resources === undefined) {
    report(ctx, "MissingResource", stmt.actions.span, `the statement says what it ${stmt.effect === "allow" ? "allows" : "denies"} but not on which resources`, {
      hint: missingResourceHint(statementActions(actions)),
    });
  }
  const resources = stmt.resources === undefined ? undefined : resolveResources(ctx, stmt.resources);
  // Actions kept as written under `// arp-ignore` (unknown to the catalog) are not judged, but
  // the known ones beside them still are.
  const judged = actions.complete || actions.items.length === stmt.actions.items.length;
  if (judged && resources !== undefined) checkResourceTypes(ctx, actions, resources);
  // The condition is checked even without resources, so one run reports all of its problems.
  const condition =
    stmt.condition === undefined ? undefined : checkCondition(ctx, stmt.condition, statementActions(actions));
  if (stmt.effect === "allow" && stmt.condition === undefined && resources !== undefined) warnAllowAll(ctx, stmt, actions, resources);
  if (stmt.effect === "deny" && condition !== undefined && stmt.condition !== undefined && actions.complete) {
    const keys = keysThatNeverHold(ctx, condition, statementActions(actions));
    if (keys !== undefined) {
      report(ctx, "DenyNeverApplies", stmt.condition.span,
        `this deny can never apply: none of its actions sends ${keys.map((k) => `\`${k}\``).join(", ")}, so its condition never holds`,
        { hint: "move the condition to actions that send the key (`arp catalog ACTION` lists them); if the deny is kept on purpose, say so: `// arp-ignore ARP5010: why`" });
    }
  }
  if (hasNewErrors(ctx, before) || resources === undefined) return undefined;
  return {
    source: stmt,
    ...(sid !== undefined ? { sid } : {}),
    effect: stmt.effect === "allow" ? "Allow" : "Deny",
    actions,
    resources,
    ...(condition !== undefined ? { condition } : {}),
  };
}

function hasNewErrors(ctx: CheckContext, before: number): boolean {
  return ctx.diagnostics.slice(before).some((d) => d.severity === "error");
}

function checkLabel(ctx: CheckContext, stmt: Statement): string | undefined {
  if (stmt.label === undefined) return undefined;
  const text = stmt.label.parts.map((p) => (p.kind === "Text" ? p.text : `\${${p.name}}`)).join("");
  if (text.length === 0) {
    report(ctx, "InvalidSid", stmt.label.span, "a statement label cannot be empty", {
      hint: 'name it with letters and digits, e.g. `"ReadServices"`, or drop the label',
    });
    return undefined;
  }
  if (!SID.test(text)) {
    report(ctx, "InvalidSid", stmt.label.span, `IAM accepts only letters and digits in a Sid: \`${text}\``, {
      hint: `for example \`"${pascalCase(text) || "Statement1"}"\``,
    });
    return undefined;
  }
  return text;
}

/** `read-only access` → `ReadOnlyAccess`: the words kept apart by capitals instead of spaces. */
function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
}

function warnAllowAll(ctx: CheckContext, stmt: Statement, actions: ResolvedActions, resources: ResolvedResources): void {
  const allResources = !resources.negated && resources.items.some((r) => r.arn === "*");
  if (!allResources) return;
  if (!actions.except && actions.items.some((a) => a.text === "*")) {
    report(ctx, "AllowAllActions", stmt.span, "this statement allows every action of every service on every resource", {
      hint: "name the services or actions, e.g. `apprunner:*`",
    });
  } else if (actions.except) {
    // NotAction in an allow grants every action not listed, including those of services AWS adds later.
    report(ctx, "AllowAllActions", stmt.span,
      "this statement allows every action of every service except the ones listed, on every resource, including services AWS adds later",
      { hint: "name the services or actions to allow; keep `* except` for `deny`" });
  }
}

/**
 * What `on` to suggest: `on *` alone when every action acts on no resource type (listing
 * operations such as `apprunner:ListServices` take only `*`), else a resource of the first
 * action's first type as well.
 */
function missingResourceHint(actions: readonly CatalogAction[]): string {
  const type = actions.flatMap((a) => (a.service === "apprunner" ? a.resourceTypes.map((t) => t.name) : []))[0];
  if (actions.length > 0 && actions.every((a) => a.resourceTypes.length === 0)) return "add `on *`: these actions act on no specific resource";
  return type === undefined ? "add `on *` or `on ARN`" : `add \`on *\` or \`on ${type}/NAME/*\``;
}
