/**
 * A claim about an `.arp` construct holds only when it holds for every statement or test the
 * construct lowered to. One construct has several copies in IAM's model: `a or b` lowers to one
 * statement per branch, a policy sits in its own principal set and in each role that attaches it,
 * and one test may lower to several. Removing the construct removes every copy, so "this is
 * redundant" (ARP7007, ARP7051) or "this never grants" (ARP7050) is proved only when each copy,
 * in each principal set, is covered by something that comes from another construct.
 */
import type { Span } from "../../grammar/diagnostics/diagnostic.js";

/** A key that is the same for two spans exactly when they are the same construct. */
export function spanKey(span: Span): string {
  return `${span.file}\u0000${span.start}\u0000${span.end}`;
}

/** Whether two spans are the same construct. */
export function sameSpan(a: Span, b: Span): boolean {
  return a.file === b.file && a.start === b.start && a.end === b.end;
}

/** Verdicts on the copies of constructs, gathered before any is reported. */
export class EveryCopy<T> {
  private readonly verdicts = new Map<string, { span: Span; witness: T | undefined }>();

  /** Records one copy of the construct at `span`: `witness` proves the claim for it, undefined refutes it. */
  add(span: Span, witness: T | undefined): void {
    const key = spanKey(span);
    const known = this.verdicts.get(key);
    if (known === undefined) this.verdicts.set(key, { span, witness });
    else if (witness === undefined) known.witness = undefined;
  }

  /** The constructs every copy of which has a witness (the first copy's), in the order first seen. */
  *holding(): Iterable<{ readonly span: Span; readonly witness: T }> {
    for (const { span, witness } of this.verdicts.values()) if (witness !== undefined) yield { span, witness };
  }
}
