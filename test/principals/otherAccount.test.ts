// A principal ARN in another account is another principal, whatever its name: "the principal
// making the request" is identified by its ARN (reference_policies_evaluation-logic.md), and
// `arn:aws:iam::999999999999:user/alice` holds none of the policies of this account's alice.
// When the files name their account, neither `eval`/`why` nor the generated principalSetOf
// maps such an ARN to a set of the files, and the two agree on every ARN.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compile, generateEvaluatorModule } from "../../compiler/index.js";
import { analyzeProgram } from "../../compiler/compileProgram.js";
import { choosePrincipal } from "../../compiler/why/choosePrincipal.js";
import { runInProcess } from "../fuzz/cliHarness.js";
import { loadEvaluator } from "../codegen/support.js";
import { tempDir } from "../support/tempDir.js";

const PROJECT = `param account = "111122223333"
param region = "eu-west-1"
policy Read { allow apprunner:DescribeService on service/* }
role Auditor {
  trust account "111122223333"
  attach Read
}
role Deployer {
  trust service "build.apprunner.amazonaws.com"
  policy Deploy { allow apprunner:StartDeployment on service/* }
}
user alice { attach Read }
`;

const ARNS = [
  "arn:aws:iam::111122223333:role/Auditor",
  "arn:aws:iam::999999999999:role/Auditor",
  "arn:aws:sts::111122223333:assumed-role/Deployer/x",
  "arn:aws:sts::999999999999:assumed-role/Deployer/x",
  "arn:aws:iam::111122223333:user/alice",
  "arn:aws:iam::999999999999:user/alice",
  "arn:aws:iam::111122223333:user/bob",
];

describe("principals of another account", () => {
  it("the generated principalSetOf and eval's choice agree, and map no other account's ARN", async () => {
    const result = compile({ path: "project.arp", text: PROJECT });
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const module = loadEvaluator(await generateEvaluatorModule(result)) as unknown as { principalSetOf(arn: string): string | undefined };
    const { program, built } = analyzeProgram([{ path: "project.arp", text: PROJECT }]);
    const lookup = {
      candidates: built.principals,
      named: built.principalNamed,
      isRole: (n: string) => program.role(n) !== undefined,
      isUser: (n: string) => program.user(n) !== undefined,
    };
    const generated = ARNS.map((a) => module.principalSetOf(a));
    const cli = ARNS.map((a) => {
      const c = choosePrincipal(lookup, a, undefined);
      return c.ok && c.how === "arn" ? c.set.name : undefined;
    });
    expect(generated).toEqual(["Auditor", undefined, "Deployer", undefined, "alice", undefined, undefined]);
    expect(cli).toEqual(generated);
  });

  it("without a concrete account, any account's ARN names the set, as before", async () => {
    const text = PROJECT.replace('param account = "111122223333"\n', "");
    const module = loadEvaluator(await generateEvaluatorModule(compile({ path: "project.arp", text }))) as unknown as { principalSetOf(arn: string): string | undefined };
    expect(module.principalSetOf("arn:aws:iam::999999999999:role/Auditor")).toBe("Auditor");
  });

  it("eval and why say the ARN is in another account", async () => {
    const dir = tempDir("arp-other-account-");
    writeFileSync(join(dir, "project.arp"), PROJECT);
    const e = await runInProcess(["eval", dir, "--principal", "arn:aws:iam::999999999999:user/alice", "--action", "apprunner:DescribeService", "--resource", "arn:aws:apprunner:eu-west-1:111122223333:service/web/abc"]);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain("is in account 999999999999, but the files' user `alice` is in account 111122223333");
    const w = await runInProcess(["why", "User: arn:aws:sts::999999999999:assumed-role/Deployer/x is not authorized to perform: apprunner:StartDeployment on resource: arn:aws:apprunner:eu-west-1:111122223333:service/web/abc", dir]);
    expect(w.stderr + w.stdout).toContain("the files' role `Deployer` is in account 111122223333");
  });
});
