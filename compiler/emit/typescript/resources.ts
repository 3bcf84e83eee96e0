/**
 * Resource and NotResource patterns for the generated evaluator. Variables are read only after
 * the fifth colon (`parseResourcePattern`). A pattern whose first five segments hold a `?`, or
 * a `*` before the segment's end, keeps that wildcard inside one colon-separated field and
 * becomes a `resourceLike` call; every other pattern is a plain glob and gets the cheapest
 * exact test `compileMatch` finds. runtime/resourcePattern.ts states the rules; both read a
 * pattern with the same functions (`splitResourcePrefix`, `isConfinedSegment`).
 */
import { isConfinedSegment, splitResourcePrefix } from "../../../runtime/resourcePattern.js";
import { lit, type EmitContext } from "./emitContext.js";
import { bindVariables, compileMatch, globParts, type CompiledMatch, type Locals } from "./matchers.js";
import { globShape, parsePattern, parseResourcePattern, shapeLiteral, type Piece } from "./patterns.js";

/** Compiles one Resource pattern as written into a test of `subject`. */
export function compileResource(source: string, variables: boolean, subject: string, ctx: EmitContext, locals: Locals): CompiledMatch {
  const { segments, rest } = splitResourcePrefix(source);
  const pieces = parseResourcePattern(source, variables);
  if (!segments.some(isConfinedSegment)) {
    const glob = compileMatch(pieces, subject, ctx, locals, { wildcards: true });
    const fast = glob.variables.length === 0 && glob.exact === undefined ? splitArnTest(segments, rest, variables, subject) : undefined;
    return fast === undefined ? glob : { variables: [], expr: `(part >= 0 ? ${fast} : ${glob.expr})`, restStart: true };
  }
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

/**
 * A plain glob as tests on the request's resource cut at its colons, for the shapes nearly every
 * policy writes: literal partition and service, region and account each literal or `*`, and a
 * resource part of `*`, `text` or `text*` (`arn:aws:apprunner:*:123456789012:service/t0-*`).
 * `part` is where the resource part starts (`View.restStart`: the resource has exactly five colons,
 * none after the fifth); undefined for any other shape, which keeps the glob.
 *
 * Exact for such a resource: the pattern's first five segments hold no colon-crossing wildcard
 * but a trailing `*`, the resource has no colon to spare, so each of the pattern's five colons
 * meets the resource's colon of the same rank and each segment is matched within its field (a
 * literal equals it, `*` takes any). A resource of any other shape takes the glob.
 *
 * The text after the head is compared as the glob spells it (`:service/t0-`, or
 * `:123456789012:service/t0-` after a `*` region), from where it must end at the fifth colon, so
 * a compact module's statements pass each literal once (statementShapes.ts shares a parameter
 * between equal values).
 */
function splitArnTest(segments: readonly string[], rest: string | undefined, variables: boolean, subject: string): string | undefined {
  if (rest === undefined || segments.length !== 5) return undefined;
  const wild = segments.map((s) => /^\*+$/.test(s));
  if (segments.some((s, i) => !wild[i] && /[*?]/.test(s)) || wild[0] || wild[1] || wild[2]) return undefined;
  // The literal segments up to the first `*` one, with their colons: one prefix test.
  const firstWild = wild.indexOf(true);
  const literal = firstWild < 0 ? 5 : firstWild;
  if (wild.slice(literal).some((w, i) => !w && literal + i !== 4)) return undefined;
  const restText = restPartText(parsePattern(rest, true, variables));
  if (restText === undefined) return undefined;
  const head = `q.startsWithHead(${lit(segments.slice(0, literal).map((s) => s + ":").join(""))}, ${literal})`;
  // What ends at the fifth colon: an account after a `*` region with its colons, else that colon.
  const before = literal < 4 && !wild[4] ? `:${segments[4]!}:` : ":";
  const text = before + restText.text;
  const at = `part - ${before.length}`;
  if (restText.open && text === ":") return head;
  const tail = `${subject}.startsWith(${lit(text)}, ${at})`;
  return restText.open ? `${head} && ${tail}` : `${head} && ${subject}.length - part + ${before.length} === ${lit(text)}.length && ${tail}`;
}

/** The resource part as `*`, `text*` (open) or `text`; undefined for any other shape. */
function restPartText(pieces: readonly Piece[]): { readonly text: string; readonly open: boolean } | undefined {
  let text = "";
  let at = 0;
  for (; at < pieces.length && pieces[at]!.kind === "text"; at++) text += (pieces[at] as { text: string }).text;
  const stars = pieces.slice(at);
  if (!stars.every((piece) => piece.kind === "star")) return undefined;
  return { text, open: stars.length > 0 };
}
