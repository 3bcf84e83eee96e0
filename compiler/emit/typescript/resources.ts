/**
 * Resource and NotResource patterns for the generated evaluator. Variables are read only after
 * the fifth colon (`parseResourcePattern`). A pattern whose first five segments hold a `?`, or
 * a `*` before the segment's end, keeps that wildcard inside one colon-separated field and
 * becomes a `resourceLike` call; every other pattern is a plain glob and gets the cheapest
 * exact test `compileMatch` finds. runtime/resourcePattern.ts states the rules; both read a
 * pattern with the same functions (`splitResourcePrefix`, `isConfinedSegment`).
 */
import { isConfinedSegment, splitResourcePrefix } from "../../../runtime/resourcePattern.js";
import type { EmitContext } from "./emitContext.js";
import { bindVariables, compileMatch, globParts, type CompiledMatch, type Locals } from "./matchers.js";
import { globShape, parsePattern, parseResourcePattern, shapeLiteral } from "./patterns.js";

/** Compiles one Resource pattern as written into a test of `subject`. */
export function compileResource(source: string, variables: boolean, subject: string, ctx: EmitContext, locals: Locals): CompiledMatch {
  const { segments, rest } = splitResourcePrefix(source);
  const pieces = parseResourcePattern(source, variables);
  if (!segments.some(isConfinedSegment)) return compileMatch(pieces, subject, ctx, locals, { wildcards: true });
  const shape = ctx.constant("ARN", "readonly ArnSegment[]", `[${segments.map(segmentLiteral).join(", ")}]`);
  if (rest === undefined) return { variables: [], expr: `resourceLike(${subject}, ${shape}, undefined)` };
  const restPieces = parsePattern(rest, true, variables);
  const uses = bindVariables(restPieces, locals, true);
  const restExpr =
    uses.length === 0
      ? ctx.constant("GLOB", "readonly Segment[]", shapeLiteral(globShape(restPieces)))
      : `globOf(${globParts(restPieces, uses, ctx)})`;
  return { variables: uses, expr: `resourceLike(${subject}, ${shape}, ${restExpr})` };
}

/** One of the first five segments as an `ArnSegment` literal. */
function segmentLiteral(segment: string): string {
  let body = segment;
  while (body.endsWith("*")) body = body.slice(0, -1);
  const exact = globShape(parsePattern(body, true, false));
  const prefix = { segments: [...exact.segments, { text: "", holes: [] }] };
  return `{ trailing: ${body.length < segment.length}, exact: ${shapeLiteral(exact)}, prefix: ${shapeLiteral(prefix)} }`;
}
