/**
 * A test that evaluates a role's or user's policies (`test ... for alice`) asks what that
 * principal may do. A request made `as` another principal (`as user bob`) is decided by bob's
 * own policies in IAM, not alice's: the test would pass or fail on a question IAM never asks.
 * This says so at the `as`, once per expectation.
 */
import type { Expectation, TestDecl } from "../../grammar/ast.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { Program } from "./program.js";
import type { TestTarget } from "./checkProgram.js";

/** The role or user a request's `as` names, by kind and name; undefined for other principals. */
function callerOf(e: Expectation): { kind: "role" | "user"; name: string } | undefined {
  const p = e.principal;
  if (p === undefined) return undefined;
  // A parameter in the ARN (`${account}`) stands for a field other than the name.
  const text = p.value.kind === "Identifier" ? p.value.name : p.value.parts.map((part) => (part.kind === "Text" ? part.text : "${}")).join("");
  if (p.form !== "arn") return { kind: p.form, name: text };
  // arn:aws:iam::ACCOUNT:user/path/NAME, :role/path/NAME, arn:aws:sts::ACCOUNT:assumed-role/NAME/session
  const resource = text.split(":").slice(5).join(":");
  const [type, ...rest] = resource.split("/");
  if (type === "assumed-role" && rest[0] !== undefined) return { kind: "role", name: rest[0] };
  const last = rest.at(-1);
  if ((type === "user" || type === "role") && last !== undefined && last !== "") return { kind: type, name: last };
  return undefined;
}

function targetName(t: TestTarget): { kind: "role" | "user"; name: string } | undefined {
  if (t.kind === "role") return { kind: "role", name: t.role.decl.name.name };
  if (t.kind === "user") return { kind: "user", name: t.user.decl.name.name };
  return undefined;
}

/** Warns at each `as` naming a role or user other than the one(s) the test evaluates. */
export function warnCallerOutsideSet(program: Program, test: TestDecl, targets: readonly TestTarget[]): void {
  const principals = targets.map(targetName);
  if (principals.length === 0 || principals.some((p) => p === undefined)) return; // a policy test has no caller
  const names = principals.filter((p): p is { kind: "role" | "user"; name: string } => p !== undefined);
  for (const e of test.expectations) {
    const caller = callerOf(e);
    if (caller === undefined || e.principal === undefined) continue;
    if (names.some((n) => n.kind === caller.kind && n.name.toLowerCase() === caller.name.toLowerCase())) continue;
    const held = names.map((n) => `${n.kind} \`${n.name}\``).join(", ");
    program.diagnostics.push(diagnostic("TestCallerOutsideSet", e.principal.span,
      `this request is made by ${caller.kind} \`${caller.name}\`, but the test decides it with the policies of ${held}: in IAM, ${caller.kind} \`${caller.name}\`'s own policies decide its requests`, {
        hint: `${names.length === 1 ? `write \`as ${names[0]!.kind} ${names[0]!.name}\`` : "make the request as one of them"}, or test \`for ${caller.name}\``,
      }));
  }
}
