// A test in its own file evaluates requests built with the parameters of the policies it
// tests, so a deny expectation cannot pass because the request names another account.
import { describe, expect, it } from "vitest";
import { runPolicyTests } from "../../compiler/index.js";

const PROJ = `param account = "111122223333"
param region = "eu-west-1"
role Deployer {
  trust service "tasks.apprunner.amazonaws.com"
  policy Deploy { allow apprunner:StartDeployment on service/* }
}
`;

function run(tests: string, proj = PROJ) {
  return runPolicyTests([{ path: "proj.arp", text: proj }, { path: "tests.arp", text: `import "./proj.arp"\n${tests}` }]);
}

describe("tests in a separate file", () => {
  it("expand shorthand resources and `as role` with the tested role's account and region", () => {
    const r = run(`test "d" for Deployer { expect allow apprunner:StartDeployment on service/web/abc as role Deployer }\n`);
    expect(r.diagnostics).toEqual([]);
    expect(r.outcomes.map((o) => o.got)).toEqual(["Allow"]);
  });

  it("an implicit-deny expectation does not pass against another account", () => {
    const proj = PROJ.replace("on service/*", 'on "arn:aws:apprunner:eu-west-1:111122223333:service/*"');
    const r = run(`test "d" for Deployer { expect implicit deny apprunner:StartDeployment on service/web/abc }\n`, proj);
    expect(r.outcomes.map((o) => o.got)).toEqual(["Allow"]);
    expect(r.ok).toBe(false);
  });

  it("a test file whose own parameters disagree with the tested policies' is an error", () => {
    const r = run(`param region = "us-west-2"\ntest "d" for Deployer { expect allow apprunner:StartDeployment on service/web/abc }\n`);
    const d = r.diagnostics.find((x) => x.code === "ARP5007");
    expect(d?.message).toContain("disagree on `region`");
    expect(d?.message).toContain("`eu-west-1` (proj.arp)");
    expect(r.outcomes).toEqual([]);
  });
});
