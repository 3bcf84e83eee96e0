/**
 * A string two IAM wildcard patterns both match, when one exists: the requests where two
 * overlapping patterns (`service/a*` and `service/*b`) both apply are a class of their own,
 * which filling each pattern's wildcards separately does not reach.
 */

/** Patterns' wildcards are `*` (any run) and `?` (one character); variables are already filled. */
export function intersectionWitness(p: string, q: string): string | undefined {
  const key = (i: number, j: number): number => i * (q.length + 1) + j;
  const parent = new Map<number, { from: number; char: string }>();
  const start = key(0, 0);
  parent.set(start, { from: -1, char: "" });
  const queue: [number, number][] = [[0, 0]];
  const visit = (i: number, j: number, from: number, char: string): void => {
    const k = key(i, j);
    if (parent.has(k)) return;
    parent.set(k, { from, char });
    queue.push([i, j]);
  };
  for (let head = 0; head < queue.length; head++) {
    const [i, j] = queue[head]!;
    const here = key(i, j);
    if (i === p.length && j === q.length) {
      let out = "";
      for (let k = here; k !== start; k = parent.get(k)!.from) out = parent.get(k)!.char + out;
      return out;
    }
    // A `*` may match nothing.
    if (p[i] === "*") visit(i + 1, j, here, "");
    if (q[j] === "*") visit(i, j + 1, here, "");
    // One character both sides accept.
    const pc = p[i];
    const qc = q[j];
    if (pc === undefined || qc === undefined) continue;
    const pWild = pc === "*" || pc === "?";
    const qWild = qc === "*" || qc === "?";
    const char = !pWild ? pc : !qWild ? qc : "x";
    if (!pWild && !qWild && pc !== qc) continue;
    visit(pc === "*" ? i : i + 1, qc === "*" ? j : j + 1, here, char);
  }
  return undefined;
}
