/**
 * Which principal's policies decide a request for `arp eval` and `arp why`. IAM evaluates the
 * identity policies of the principal that makes the request, so arp never pools a project's
 * policies: the set is named (`--as`), or read from the request's ARN when it names a role
 * (`arn:aws:iam::123456789012:role/Name`, `arn:aws:sts::123456789012:assumed-role/Name/...`)
 * or a declared IAM user (`arn:aws:iam::123456789012:user/Name`), or is the only one the files
 * define. Anything else is a choice the caller has to make.
 */
import { accountOfArn, inSetAccount, roleNameOfArn, userNameOfArn, type PrincipalSet } from "../driver/principalSets.js";

/** What the choice needs from a compiled program. */
export interface PrincipalLookup {
  /** The inputs' principal sets. */
  readonly candidates: readonly PrincipalSet[];
  /** Any set the program knows by name (a role before a policy); undefined when unknown. */
  named(name: string): PrincipalSet | undefined;
  /** True when a role of that name exists (inputs, imports or stdlib). */
  isRole(name: string): boolean;
  /** True when an IAM user of that name is declared (inputs or imports). */
  isUser(name: string): boolean;
  /** When a group of that name is declared, its users; undefined when there is no such group. */
  groupMembers?(name: string): readonly string[] | undefined;
}

export type PrincipalChoice =
  | { readonly ok: true; readonly set: PrincipalSet; readonly how: "as" | "arn" | "only" }
  | { readonly ok: false; readonly message: string };

/** `SecurityAuditor (role), TeamRead (policy)` */
export function candidateList(sets: readonly PrincipalSet[]): string {
  return sets.map((s) => `${s.name} (${s.kind})`).join(", ");
}

export function choosePrincipal(lookup: PrincipalLookup, principalArn: string, as: string | undefined): PrincipalChoice {
  const list = candidateList(lookup.candidates);
  if (as !== undefined) {
    const set = lookup.named(as);
    if (set !== undefined) return { ok: true, set, how: "as" };
    const members = lookup.groupMembers?.(as);
    if (members !== undefined) {
      const which = members.length > 0 ? `choose one of its users: ${members.map((m) => `\`--as ${m}\``).join(", ")}` : "declare a user in it and choose that user";
      return { ok: false, message: `--as ${as}: \`${as}\` is a group: a group makes no request, its users do; ${which}` };
    }
    return { ok: false, message: `--as ${as}: no role, user or policy of that name${list === "" ? "" : `; the files define: ${list}`}` };
  }
  const role = roleNameOfArn(principalArn);
  if (role !== undefined && lookup.isRole(role)) {
    const set = lookup.named(role);
    if (set !== undefined) return inSetAccount(set, principalArn) ? { ok: true, set, how: "arn" } : otherAccount(set, principalArn);
  }
  const user = userNameOfArn(principalArn);
  if (user !== undefined && lookup.isUser(user)) {
    const set = lookup.named(user);
    if (set?.kind === "user") return inSetAccount(set, principalArn) ? { ok: true, set, how: "arn" } : otherAccount(set, principalArn);
  }
  const [only, ...others] = lookup.candidates;
  if (only !== undefined && others.length === 0) return { ok: true, set: only, how: "only" };
  if (only === undefined) return { ok: false, message: "the files define no role, user or policy to evaluate" };
  const named = role !== undefined ? `no role named \`${role}\` is defined`
    : user !== undefined ? `no user named \`${user}\` is declared`
    : "the principal is not a role or user arp knows";
  return {
    ok: false,
    message: `whose policies decide? ${named}, and IAM evaluates only the policies of the principal that makes the request; choose one with --as: ${list}`,
  };
}

/** A role or user ARN in another account than the files' is another principal of the same name. */
function otherAccount(set: PrincipalSet, principalArn: string): PrincipalChoice {
  return {
    ok: false,
    message: `\`${principalArn}\` is in account ${accountOfArn(principalArn) ?? "(none)"}, but the files' ${set.kind} \`${set.name}\` is in account ${set.account ?? "*"} (\`param account\`): ` +
      `a principal of another account holds its own policies, not these; to evaluate ${set.name}'s policies anyway, choose it with --as ${set.name}`,
  };
}
