/**
 * Policy variables in a resource ARN: "You can use a policy variable in the Resource element,
 * but only in the resource portion of the ARN. This portion of the ARN appears after the fifth
 * colon (:). You can't use a variable to replace parts of the ARN before the fifth colon."
 * (policy variables page). Before the fifth colon IAM reads `${...}` as literal text, so the
 * statement would match no resource; arp reports it at the variable (ARP2016).
 */
import type { Pattern } from "../../grammar/ast.js";
import { arnColons } from "../catalog/index.js";
import { report, type CheckContext } from "./context.js";
import { literalText } from "./resolveTemplate.js";

const IAM_ESCAPES = new Set(["*", "?", "$"]);

/**
 * Reports each `${...}` that reaches IAM (a policy variable or one of IAM's escapes) and starts
 * before the fifth colon of the ARN `pattern` spells. Parameters are substituted by arp and
 * are fine anywhere. Returns false when something was reported. A text with fewer than five
 * colons is left to the ARN checks.
 */
export function checkArnVariables(ctx: CheckContext, pattern: Pattern): boolean {
  let text = "";
  const dynamic: { readonly at: number; readonly part: Pattern["parts"][number] }[] = [];
  for (const part of pattern.parts) {
    if (part.kind === "Text") {
      text += literalText(part.text);
      continue;
    }
    const param = ctx.params.get(part.name);
    if (param !== undefined && !IAM_ESCAPES.has(part.name)) {
      text += param.value;
      continue;
    }
    dynamic.push({ at: text.length, part });
    text += `\${${part.name}}`;
  }
  const colons = arnColons(text);
  if (colons.length < 5) return true;
  const fifth = colons[4]!;
  const early = dynamic.filter((d) => d.at < fifth);
  for (const { part } of early) {
    const name = part.kind === "Interpolation" ? part.name : "";
    report(ctx, "VariableInArnPrefix", part.span,
      IAM_ESCAPES.has(name)
        ? `IAM reads \`\${${name}}\` before the fifth colon of an ARN as literal text, not as \`${name}\``
        : `IAM substitutes policy variables only in the resource part of an ARN, after its fifth colon: here \`\${${name}}\` would be matched as literal text`,
      {
        hint: IAM_ESCAPES.has(name)
          ? `write \`${name}\` itself`
          : "write the partition, service, region and account out (a `param` is substituted anywhere); to match the caller's own account, add `when aws:ResourceAccount = \"${aws:PrincipalAccount}\"`",
      });
  }
  return early.length === 0;
}
