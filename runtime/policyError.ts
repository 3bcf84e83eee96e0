/**
 * The error every policy entry point throws, before deciding anything, for a document IAM
 * would reject. A malformed statement never just "does not apply": a broken Deny would let an
 * Allow through.
 */

/** A policy document IAM would reject, located to the element. Nothing was decided. */
export class PolicyValidationError extends Error {
  /** The policy's name, or `policy[i]` for an unnamed document at index i. */
  readonly policy: string;
  /** Index into the policy's statements; undefined for a problem outside any statement. */
  readonly statement: number | undefined;
  /**
   * The element, as a path: `Effect`, `Action[2]`, `Condition.StringEqual`,
   * `Condition.NumericLessThan.aws:MultiFactorAuthAge[0]`; `Statement` or `Version` for the
   * document itself, and `` for the policy input as a whole.
   */
  readonly element: string;
  /** What is wrong, without the location. */
  readonly problem: string;

  constructor(policy: string, statement: number | undefined, element: string, problem: string) {
    const where = statement === undefined ? "" : ` statement ${statement}`;
    const at = element === "" ? "" : ` ${element}`;
    super(`invalid policy ${JSON.stringify(policy)}${where}${at}: ${problem}`);
    this.name = "PolicyValidationError";
    this.policy = policy;
    this.statement = statement;
    this.element = element;
    this.problem = problem;
  }
}
