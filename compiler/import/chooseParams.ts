/**
 * Decides which parameters an imported policy declares: `account`, `region` (and `partition`)
 * when one concrete value is written at least twice — in ARNs' account and region segments,
 * principals and condition values. A value written once stays where it is.
 */
import type { ImportParams } from "./iamText.js";
import type { ImportedPolicy, ImportedStatement } from "./policyModel.js";

const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const PARTITION = /^aws(-[a-z]+)*$/;
const PLAIN = /^[^*?$]+$/;

class Counter {
  private readonly counts = new Map<string, number>();

  add(value: string | undefined): void {
    if (value !== undefined) this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
  }

  /** The most frequent value written at least twice (the first seen on a tie). */
  repeated(): string | undefined {
    let best: string | undefined;
    let bestCount = 1;
    for (const [value, count] of this.counts) {
      if (count > bestCount) {
        best = value;
        bestCount = count;
      }
    }
    return best;
  }
}

interface Counters {
  readonly partition: Counter;
  readonly region: Counter;
  readonly account: Counter;
}

function countArn(text: string, c: Counters): void {
  const segments = text.split(":");
  if (segments.length < 6 || segments[0] !== "arn") return;
  const [, partition = "", , region = "", account = ""] = segments;
  if (PARTITION.test(partition) && partition !== "aws") c.partition.add(partition);
  if (PLAIN.test(region) && REGION.test(region)) c.region.add(region);
  if (ACCOUNT.test(account)) c.account.add(account);
}

function countStatement(s: ImportedStatement, c: Counters): void {
  for (const r of s.resources?.items ?? []) countArn(r.text, c);
  for (const p of s.principal?.entries ?? []) {
    if (p.field !== "AWS") continue;
    if (ACCOUNT.test(p.value.text)) c.account.add(p.value.text);
    else countArn(p.value.text, c);
  }
  for (const t of s.tests) {
    for (const v of t.values) {
      if (ACCOUNT.test(v.text)) c.account.add(v.text);
      else countArn(v.text, c);
    }
  }
}

export function chooseParams(policy: ImportedPolicy): ImportParams {
  const c: Counters = { partition: new Counter(), region: new Counter(), account: new Counter() };
  for (const s of policy.statements) countStatement(s, c);
  const partition = c.partition.repeated();
  const region = c.region.repeated();
  const account = c.account.repeated();
  return {
    ...(partition !== undefined ? { partition } : {}),
    ...(region !== undefined ? { region } : {}),
    ...(account !== undefined ? { account } : {}),
  };
}
