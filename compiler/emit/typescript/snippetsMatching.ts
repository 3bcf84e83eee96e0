/**
 * Generated-code snippets for matching patterns that could not be reduced to a comparison at
 * generation time: the linear glob, globs built per request (policy variables), and ARN
 * components. Each is TypeScript source that helpers.ts emits only when the policies need it.
 */

/** Emitted source: the `Segment` type and the linear `glob` matcher. */
export const GLOB = `
/**
 * A glob split at its stars: a plain string, or [text, ...offsets of one-character holes].
 * Matched leftmost segment by segment, which is exact for star-separated fixed-length
 * segments: no backtracking, so the cost stays linear in practice whatever the pattern.
 */
type Segment = string | readonly [string, ...number[]];

function segmentText(segment: Segment): string {
  return typeof segment === "string" ? segment : segment[0];
}

function segmentAt(s: string, at: number, segment: Segment): boolean {
  if (typeof segment === "string") return s.startsWith(segment, at);
  const text = segment[0];
  let hole = 1;
  for (let i = 0; i < text.length; i++) {
    if (hole < segment.length && segment[hole] === i) {
      hole++;
      continue;
    }
    if (s.charCodeAt(at + i) !== text.charCodeAt(i)) return false;
  }
  return true;
}

function findSegment(s: string, from: number, segment: Segment): number {
  if (typeof segment === "string") return s.indexOf(segment, from);
  const length = segment[0].length;
  for (let at = from; at + length <= s.length; at++) if (segmentAt(s, at, segment)) return at;
  return -1;
}

/** Whether \`s\` matches the glob whose star-separated segments are \`segments\`. */
function glob(s: string, segments: readonly Segment[]): boolean {
  const first = segments[0]!;
  const firstLength = segmentText(first).length;
  if (segments.length === 1) return s.length === firstLength && segmentAt(s, 0, first);
  const last = segments[segments.length - 1]!;
  const end = s.length - segmentText(last).length;
  if (end < firstLength || !segmentAt(s, 0, first) || !segmentAt(s, end, last)) return false;
  let at = firstLength;
  for (let k = 1; k < segments.length - 1; k++) {
    const segment = segments[k]!;
    const found = findSegment(s, at, segment);
    const next = found + segmentText(segment).length;
    if (found < 0 || next > end) return false;
    at = next;
  }
  return true;
}
`;

/** Emitted source: `globOf`, glob segments built per request from variable values. */
export const GLOB_OF = `
/**
 * Builds glob segments from parts known only per request: strings are literal text (variable
 * values never act as wildcards), 0 is \`*\` and 1 is \`?\`.
 */
function globOf(parts: readonly (string | 0 | 1)[]): Segment[] {
  const segments: Segment[] = [];
  let text = "";
  let holes: number[] = [];
  for (const part of parts) {
    if (part === 0) {
      segments.push(holes.length === 0 ? text : [text, ...holes]);
      text = "";
      holes = [];
    } else if (part === 1) {
      holes.push(text.length);
      text += "?";
    } else {
      text += part;
    }
  }
  segments.push(holes.length === 0 ? text : [text, ...holes]);
  return segments;
}
`;

/** Emitted source: `arnParts`, a request value split into ARN components. */
export const ARN = `
/**
 * ARN operators compare colon-separated components one by one, each a glob, so a \`*\` never
 * spans a colon between components. A pattern of k components splits the value at its first
 * k - 1 colons; the last component takes the rest, colons included.
 */
function arnParts(s: string, components: number): string[] | undefined {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < components - 1; i++) {
    const colon = s.indexOf(":", from);
    if (colon < 0) return undefined;
    parts.push(s.slice(from, colon));
    from = colon + 1;
  }
  parts.push(s.slice(from));
  return parts;
}
`;

/** Emitted source: `arnOf`/`arnLike`, for ARN patterns whose components depend on a variable. */
export const ARN_OF = `
/**
 * An ARN pattern known only per request (a variable before its sixth component): glob parts
 * split at the first five colons of any text, then each component made a glob.
 */
function arnOf(parts: readonly (string | 0 | 1)[]): Segment[][] {
  const components: (string | 0 | 1)[][] = [[]];
  for (const part of parts) {
    if (typeof part !== "string") {
      components[components.length - 1]!.push(part);
      continue;
    }
    let rest = part;
    let colon = rest.indexOf(":");
    while (colon >= 0 && components.length < 6) {
      components[components.length - 1]!.push(rest.slice(0, colon));
      components.push([]);
      rest = rest.slice(colon + 1);
      colon = rest.indexOf(":");
    }
    components[components.length - 1]!.push(rest);
  }
  return components.map(globOf);
}

/** Whether \`s\` matches an ARN pattern given as per-component globs. */
function arnLike(s: string, pattern: readonly (readonly Segment[])[]): boolean {
  const parts = arnParts(s, pattern.length);
  if (parts === undefined) return false;
  for (let i = 0; i < pattern.length; i++) if (!glob(parts[i]!, pattern[i]!)) return false;
  return true;
}
`;
