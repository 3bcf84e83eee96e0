/**
 * Compiles one pattern (already split into pieces) into a TypeScript boolean expression over a
 * subject string. The cheapest test that is exact is chosen at generation time: `===` for text,
 * `startsWith`/`endsWith` for one star at an end, a length check plus both for `a*b`, and the
 * linear `glob` helper for anything else. Policy variables become locals that the caller
 * resolves first; a resolved value is literal text, never wildcards, while a default value is
 * policy text whose wildcards stay wildcards (as runtime/variables.ts reads them).
 */
import { EmitContext, lit, viewCall } from "./emitContext.js";
import { parsePattern, type Piece } from "./patterns.js";

/** A policy variable a compiled pattern reads, bound to a local of the statement function. */
export interface VariableUse {
  readonly local: string;
  /** Lower-cased key. */
  readonly key: string;
  /** The key as written, for explanations. */
  readonly written: string;
  readonly fallback?: string;
  /** True when the default holds wildcards that matter here: then it cannot be a plain `??`. */
  readonly wildFallback: boolean;
}

/** A pattern compiled to an expression over a subject. */
export interface CompiledMatch {
  /** Variables to resolve before `expr` is evaluated. */
  readonly variables: readonly VariableUse[];
  readonly expr: string;
  /** Set when the pattern is one fixed string: the literal `expr` compares the subject with. */
  readonly exact?: string;
  /** Set when `expr` reads `part`, where the resource part starts (`View.restStart`). */
  readonly restStart?: true;
}

/** How a pattern is matched. */
export interface MatchOptions {
  /** Lower-case text and variable values (the subject must already be lower-case). */
  readonly fold?: boolean;
  /** Whether `*` and `?` in a variable's default are wildcards (they are in Resource, *Like, Arn*). */
  readonly wildcards?: boolean;
}

/** Hands out statement-local names for variable values: `v0`, `v1`, ... */
export class Locals {
  private next = 0;
  fresh(prefix = "v"): string {
    return `${prefix}${this.next++}`;
  }
}

type Part = { readonly text: string } | { readonly variable: VariableUse } | { readonly hole: true };

interface Segment {
  readonly parts: readonly Part[];
  readonly holes: boolean;
}

function bind(piece: Extract<Piece, { kind: "var" }>, locals: Locals, wildcards: boolean): VariableUse {
  const fallback = piece.fallback;
  return {
    local: locals.fresh(),
    key: piece.key,
    written: piece.written,
    ...(fallback !== undefined ? { fallback } : {}),
    wildFallback: wildcards && fallback !== undefined && /[*?]/.test(fallback),
  };
}

/** Splits pieces at stars, binding each variable to a fresh local. */
function segmentsOf(pieces: readonly Piece[], locals: Locals, options: MatchOptions, uses: VariableUse[]): Segment[] {
  const segments: Segment[] = [];
  let parts: Part[] = [];
  let holes = false;
  for (const piece of pieces) {
    if (piece.kind === "star") {
      segments.push({ parts, holes });
      parts = [];
      holes = false;
    } else if (piece.kind === "one") {
      holes = true;
      parts.push({ hole: true });
    } else if (piece.kind === "text") {
      parts.push({ text: options.fold === true ? piece.text.toLowerCase() : piece.text });
    } else {
      const use = bind(piece, locals, options.wildcards === true);
      uses.push(use);
      parts.push({ variable: use });
    }
  }
  segments.push({ parts, holes });
  return segments;
}

function isStaticSegment(segment: Segment): boolean {
  return segment.parts.every((p) => !("variable" in p));
}

function staticLength(segment: Segment): number {
  return segment.parts.reduce((n, p) => n + ("text" in p ? p.text.length : 1), 0);
}

function valueOf(use: VariableUse, fold: boolean): string {
  const value = use.fallback !== undefined && !use.wildFallback ? `(${use.local} ?? ${lit(use.fallback)})` : use.local;
  return fold ? `${value}.toLowerCase()` : value;
}

/** A string expression for a hole-free segment. */
function segmentString(segment: Segment, fold: boolean): string {
  if (segment.parts.length === 0) return '""';
  return segment.parts
    .map((part) => {
      if ("text" in part) return lit(part.text);
      if ("hole" in part) throw new Error("segmentString: segment has a hole");
      return valueOf(part.variable, fold);
    })
    .join(" + ");
}

/** A static segment as the emitted `Segment` literal: a string, or [text, ...hole offsets]. */
function staticSegmentLiteral(segment: Segment): string {
  let text = "";
  const holes: number[] = [];
  for (const part of segment.parts) {
    if ("hole" in part) {
      holes.push(text.length);
      text += "?";
    } else if ("text" in part) text += part.text;
  }
  return holes.length === 0 ? lit(text) : `[${[lit(text), ...holes].join(", ")}]`;
}

/** The `globOf` part list of a default value (text, 0 for `*`, 1 for `?`), as a constant. */
function fallbackParts(fallback: string, fold: boolean, ctx: EmitContext): string {
  const parts = parsePattern(fallback, true, false).map((p) =>
    p.kind === "star" ? "0" : p.kind === "one" ? "1" : lit(p.kind === "text" ? (fold ? p.text.toLowerCase() : p.text) : ""),
  );
  return ctx.constant("PARTS", "readonly (string | 0 | 1)[]", `[${parts.join(", ")}]`);
}

/** Binds each variable of `pieces` to a fresh local, in order. */
export function bindVariables(pieces: readonly Piece[], locals: Locals, wildcards: boolean): VariableUse[] {
  return pieces.flatMap((p) => (p.kind === "var" ? [bind(p, locals, wildcards)] : []));
}

/**
 * The `globOf`/`arnOf` part list for a pattern whose shape is known only per request: text,
 * 0 for `*`, 1 for `?`, variable values, and a wildcard default spread in when unresolved.
 */
export function globParts(pieces: readonly Piece[], uses: readonly VariableUse[], ctx: EmitContext, fold = false): string {
  let k = 0;
  const parts = pieces.map((p) => {
    if (p.kind === "star") return "0";
    if (p.kind === "one") return "1";
    if (p.kind === "text") return lit(fold ? p.text.toLowerCase() : p.text);
    const v = uses[k++]!;
    if (!v.wildFallback) return valueOf(v, fold);
    const value = fold ? `${v.local}.toLowerCase()` : v.local;
    return `...(${v.local} !== undefined ? [${value}] : ${fallbackParts(v.fallback!, fold, ctx)})`;
  });
  return `[${parts.join(", ")}]`;
}

/**
 * Compiles `pieces` to a boolean expression testing `subject`. The expression assumes every
 * variable without a default resolved; `allResolved` gives the guard.
 */
export function compileMatch(
  pieces: readonly Piece[],
  subject: string,
  ctx: EmitContext,
  locals: Locals,
  options: MatchOptions = {},
): CompiledMatch {
  const fold = options.fold === true;
  const variables: VariableUse[] = [];
  const segments = segmentsOf(pieces, locals, options, variables);
  const allStatic = segments.every(isStaticSegment);
  if (variables.some((v) => v.wildFallback)) {
    return { variables, expr: `glob(${subject}, globOf(${globParts(pieces, variables, ctx, fold)}))` };
  }
  const anyHoles = segments.some((s) => s.holes);
  const headed = anyHoles || fold ? undefined : headVariableMatch(segments, subject, ctx);
  if (headed !== undefined) return { variables, expr: headed };
  if (!anyHoles && (segments.length === 3 || segments.length === 4)) {
    // Most ARN patterns (`arn:aws:apprunner:*:*:service/t0-*`): the glob unrolled over its texts.
    return { variables, expr: `glob${segments.length}(${subject}, ${segments.map((s) => segmentString(s, fold)).join(", ")})` };
  }
  if (anyHoles || segments.length > 2) {
    if (allStatic) {
      const shape = ctx.constant("GLOB", "readonly Segment[]", `[${segments.map(staticSegmentLiteral).join(", ")}]`);
      return { variables, expr: `glob(${subject}, ${shape})` };
    }
    if (anyHoles) {
      return { variables, expr: `glob(${subject}, globOf(${globParts(pieces, variables, ctx, fold)}))` };
    }
    return { variables, expr: `glob(${subject}, [${segments.map((s) => segmentString(s, fold)).join(", ")}])` };
  }
  if (segments.length === 1) {
    const text = segmentString(segments[0]!, fold);
    return { variables, expr: `${subject} === ${text}`, ...(allStatic ? { exact: text } : {}) };
  }
  return { variables, expr: prefixSuffix(subject, segments[0]!, segments[1]!, fold) };
}

/**
 * A glob whose head (the text before its first star) holds one variable and nothing after it
 * does (`service/${aws:username}/*`): `headEnd` compares the head part by part and `globFrom`
 * matches the rest from its end, where building `a + value + b` would cost a string a test.
 */
function headVariableMatch(segments: readonly Segment[], subject: string, ctx: EmitContext): string | undefined {
  const [head, ...rest] = segments;
  if (head === undefined || rest.length === 0 || !rest.every(isStaticSegment)) return undefined;
  const at = head.parts.findIndex((p) => "variable" in p);
  if (at < 0 || head.parts.slice(at + 1).some((p) => "variable" in p)) return undefined;
  const text = (parts: readonly Part[]): string => parts.map((p) => ("text" in p ? p.text : "")).join("");
  const variable = head.parts[at] as { readonly variable: VariableUse };
  const middles = rest.slice(0, -1).map((s) => lit(text(s.parts)));
  const middlesConstant = ctx.constant("MIDDLES", "readonly string[]", `[${middles.join(", ")}]`);
  const end = `headEnd(${subject}, ${lit(text(head.parts.slice(0, at)))}, ${valueOf(variable.variable, false)}, ${lit(text(head.parts.slice(at + 1)))})`;
  return `globFrom(${subject}, ${end}, ${middlesConstant}, ${lit(text(rest[rest.length - 1]!.parts))})`;
}

/** `a*b`: the cheapest exact test for a pattern with one star. */
function prefixSuffix(subject: string, head: Segment, tail: Segment, fold: boolean): string {
  const headEmpty = head.parts.length === 0;
  const tailEmpty = tail.parts.length === 0;
  if (headEmpty && tailEmpty) return "true";
  if (tailEmpty) return `${subject}.startsWith(${segmentString(head, fold)})`;
  if (headEmpty) return `${subject}.endsWith(${segmentString(tail, fold)})`;
  if (isStaticSegment(head) && isStaticSegment(tail)) {
    // The length check keeps head and tail from overlapping: `ab*ba` must not match `aba`.
    const min = staticLength(head) + staticLength(tail);
    return `${subject}.length >= ${min} && ${subject}.startsWith(${segmentString(head, fold)}) && ${subject}.endsWith(${segmentString(tail, fold)})`;
  }
  return `glob(${subject}, [${segmentString(head, fold)}, ${segmentString(tail, fold)}])`;
}

/** Declarations resolving `variables` into locals (undefined when a variable has no value). */
export function resolveVariables(variables: readonly VariableUse[], ctx: EmitContext): string[] {
  return variables.map((v) => `const ${v.local} = ${viewCall(ctx, "variable", v.key, v.written)};`);
}

/** The variables that, unresolved, make a pattern unusable (those without a default). */
export function required(variables: readonly VariableUse[]): VariableUse[] {
  return variables.filter((v) => v.fallback === undefined);
}

/** The condition that every variable without a default resolved (`true` when there are none). */
export function allResolved(variables: readonly VariableUse[]): string {
  const needed = required(variables);
  return needed.length === 0 ? "true" : needed.map((v) => `${v.local} !== undefined`).join(" && ");
}

/** The text a pattern stands for after substitution, for explanations. */
export function substitutedText(pieces: readonly Piece[], variables: readonly VariableUse[]): string {
  let k = 0;
  const terms: string[] = [];
  for (const p of pieces) {
    if (p.kind === "text") terms.push(lit(p.text));
    else if (p.kind === "star") terms.push(lit("*"));
    else if (p.kind === "one") terms.push(lit("?"));
    else {
      const v = variables[k++]!;
      terms.push(v.fallback !== undefined ? `(${v.local} ?? ${lit(v.fallback)})` : v.local);
    }
  }
  return terms.length === 0 ? '""' : terms.join(" + ");
}
