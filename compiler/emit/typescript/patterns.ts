/**
 * Reading IAM pattern strings at generation time: splitting a Resource or condition value into
 * literal text, wildcards and policy variables, so the emitters can decide once how to match
 * it (equality, prefix, suffix, or the linear glob helper) instead of re-parsing per request.
 */
import { parseResourceTemplate } from "../../../runtime/resourcePattern.js";
import { parseTemplate, type Template } from "../../../runtime/variables.js";
import { lit } from "./emitContext.js";

/** One piece of a pattern string, in order. */
export type Piece =
  /** Text matched literally, character by character. */
  | { readonly kind: "text"; readonly text: string }
  /** `*`: any run of characters (including none, including `:` and `/`). */
  | { readonly kind: "star" }
  /** `?`: exactly one character. */
  | { readonly kind: "one" }
  /** `${key}` or `${key, 'default'}`, resolved from the request context. */
  | { readonly kind: "var"; readonly key: string; readonly written: string; readonly fallback?: string };

/**
 * Splits `source` into pieces. `wildcards` says whether `*` and `?` are wildcards here (Resource
 * and *Like values) or plain characters (StringEquals). `variables` is false for policies in
 * the 2008-10-17 language and for operators that take no variables, where `${...}` is text.
 * The `${...}` scan is the runtime's own (`parseTemplate`), so both read a policy alike:
 * malformed `${` stays literal text, and escapes such as `${*}` are never wildcards.
 */
export function parsePattern(source: string, wildcards: boolean, variables: boolean): Piece[] {
  return piecesOf(parseTemplate(source, variables), wildcards);
}

/**
 * Splits a Resource or NotResource pattern into pieces: as `parsePattern` with wildcards, but
 * `${...}` is a variable only after the fifth colon, where the runtime substitutes it
 * (runtime/resourcePattern.ts reads both alike).
 */
export function parseResourcePattern(source: string, variables: boolean): Piece[] {
  return piecesOf(parseResourceTemplate(source, variables), true);
}

function piecesOf(template: Template, wildcards: boolean): Piece[] {
  const pieces: Piece[] = [];
  const addText = (text: string, wild: boolean): void => {
    for (const ch of text) {
      if (wild && wildcards && (ch === "*" || ch === "?")) {
        pieces.push(ch === "*" ? { kind: "star" } : { kind: "one" });
        continue;
      }
      const last = pieces[pieces.length - 1];
      if (last?.kind === "text") pieces[pieces.length - 1] = { kind: "text", text: last.text + ch };
      else pieces.push({ kind: "text", text: ch });
    }
  };
  for (const part of template.parts) {
    if ("lowerName" in part) {
      pieces.push({
        kind: "var",
        key: part.lowerName,
        written: part.name,
        ...(part.fallback !== undefined ? { fallback: part.fallback } : {}),
      });
    } else addText(part.text, part.wild);
  }
  return pieces;
}

/** The text a pattern stands for when it has no variables, escapes applied (for messages). */
export function patternText(pieces: readonly Piece[]): string {
  return pieces.map((p) => (p.kind === "text" ? p.text : p.kind === "star" ? "*" : p.kind === "one" ? "?" : "")).join("");
}

/** True when the pieces hold a wildcard. */
export function hasWildcard(pieces: readonly Piece[]): boolean {
  return pieces.some((p) => p.kind === "star" || p.kind === "one");
}

/** The literal text of wildcard-free, variable-free pieces. */
export function literalText(pieces: readonly Piece[]): string {
  return pieces.map((p) => (p.kind === "text" ? p.text : "")).join("");
}

/**
 * A static glob split at its stars, the shape the generated `glob` helper takes: `segments[0]`
 * must match at the start, the last segment at the end, and the ones between in order; `?`
 * inside a segment is a one-character hole whose offsets are listed in `holes`. With no star
 * there is one segment that must match the whole string. Matching it leftmost, segment by
 * segment, is exact for star-separated fixed-length segments and never backtracks.
 */
export interface GlobShape {
  readonly segments: readonly GlobSegment[];
}

/** One star-separated segment of a static glob. */
export interface GlobSegment {
  /** The segment's characters; a hole's character is a placeholder and never compared. */
  readonly text: string;
  readonly holes: readonly number[];
}

/** Builds the glob shape of static pieces (throws on a variable: an internal invariant). */
export function globShape(pieces: readonly Piece[]): GlobShape {
  const segments: GlobSegment[] = [];
  let text = "";
  let holes: number[] = [];
  for (const p of pieces) {
    if (p.kind === "star") {
      segments.push({ text, holes });
      text = "";
      holes = [];
    } else if (p.kind === "one") {
      holes.push(text.length);
      text += "?";
    } else if (p.kind === "text") {
      text += p.text;
    } else {
      throw new Error("globShape: pattern holds a variable");
    }
  }
  segments.push({ text, holes });
  return { segments };
}

/** Lower-cases the text of pieces (for case-insensitive matching such as actions). */
export function lowerPieces(pieces: readonly Piece[]): Piece[] {
  return pieces.map((p) => (p.kind === "text" ? { kind: "text", text: p.text.toLowerCase() } : p));
}

/** A glob shape as the emitted `Segment[]` literal. */
export function shapeLiteral(shape: GlobShape): string {
  const segments = shape.segments.map((s) =>
    s.holes.length === 0 ? lit(s.text) : `[${[lit(s.text), ...s.holes].join(", ")}]`,
  );
  return `[${segments.join(", ")}]`;
}
