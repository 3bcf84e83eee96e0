// The security warnings must not be talked out of a finding by a test that only looks like a
// limit: each risky case here is one a reviewer could mistake for a pinned one.
import { describe, expect, it } from "vitest";
import { check } from "../../compiler/index.js";

/** The codes lint reports; every case compiles, so a quiet answer is lint's, not a parse error's. */
function codes(text: string): string[] {
  const { diagnostics } = check({ path: "p.arp", text }, { lint: true });
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return diagnostics.map((d) => d.code);
}

const pin = 'iam:PassedToService = "apprunner.amazonaws.com"';

describe("ARP7001: iam:PassRole on any role", () => {
  it("is reported when a wildcard comes before the role's name, wherever in `role/`", () => {
    for (const resource of ["arn:aws:iam::123456789012:role*", "arn:aws:iam::123456789012:r*", "arn:aws:iam::123456789012:ro?e/*", "arn:aws:iam::123456789012:role/?*", "arn:aws:iam::123456789012:*"]) {
      expect(codes(`allow iam:PassRole on "${resource}" when ${pin}\n`), resource).toContain("ARP7001");
    }
  });

  it("is quiet when the path or name begins with text", () => {
    expect(codes(`allow iam:PassRole on "arn:aws:iam::123456789012:role/apprunner/*" when ${pin}\n`)).not.toContain("ARP7001");
    expect(codes(`allow iam:PassRole on "arn:aws:iam::123456789012:role/AppRunnerECRAccessRole" when ${pin}\n`)).not.toContain("ARP7001");
  });
});

describe("ARP7002: iam:PassRole to any service", () => {
  const on = (when: string): string[] => codes(`allow iam:PassRole on "arn:aws:iam::123456789012:role/apprunner/*" when ${when}\n`);

  it("is reported when the iam:PassedToService test admits every service, or every service but some", () => {
    expect(on('iam:PassedToService like "*"')).toContain("ARP7002");
    expect(on('iam:PassedToService like "*.amazonaws.com"')).toContain("ARP7002");
    expect(on('iam:PassedToService != "ec2.amazonaws.com"')).toContain("ARP7002");
    expect(on("iam:PassedToService exists")).toContain("ARP7002");
  });

  it("is quiet when the test names the service", () => {
    expect(on(pin)).not.toContain("ARP7002");
    expect(on('iam:PassedToService in ["apprunner.amazonaws.com", "ecs-tasks.amazonaws.com"]')).not.toContain("ARP7002");
  });
});

describe("ARP7011: a trusted service without a source pin", () => {
  const trust = (when: string): string[] => codes(`role Instance {\n  trust service "tasks.apprunner.amazonaws.com" when ${when}\n}\n`);

  it("is reported when the source test admits every source, or a missing one", () => {
    expect(trust("aws:SourceAccount missing")).toContain("ARP7011");
    expect(trust('aws:SourceAccount like "*"')).toContain("ARP7011");
    expect(trust('aws:SourceAccount like "1234*"')).toContain("ARP7011");
    expect(trust('aws:SourceAccount != "111122223333"')).toContain("ARP7011");
    expect(trust('aws:SourceAccount = "123456789012" if exists')).toContain("ARP7011");
    expect(trust('aws:SourceArn like "arn:aws:apprunner:*:*:service/*"')).toContain("ARP7011");
  });

  it("is quiet when the source account is fixed, also inside an ARN pattern", () => {
    expect(trust('aws:SourceAccount = "123456789012"')).not.toContain("ARP7011");
    expect(trust('aws:SourceArn like "arn:aws:apprunner:*:123456789012:*"')).not.toContain("ARP7011");
  });
});

describe("ARP7006: all K without a presence guard", () => {
  const on = (when: string): string[] => codes(`allow apprunner:CreateService on * when ${when}\n`);

  it("is reported when the only other test of the key, or of a request tag, holds on a missing key", () => {
    // A request without tags passes `all aws:TagKeys in [...]` and `request tag team != "x"` alike.
    expect(on('all aws:TagKeys in ["team", "env"] and request tag team != "x"')).toContain("ARP7006");
    expect(on('all aws:TagKeys in ["team", "env"] and any aws:TagKeys != "owner"')).not.toContain("ARP7006");
  });

  it("is quiet with a positive test that needs the key", () => {
    expect(on('all aws:TagKeys in ["team", "env"] and request tag team = "web"')).not.toContain("ARP7006");
    expect(on('all aws:TagKeys in ["team", "env"] and aws:TagKeys exists')).not.toContain("ARP7006");
  });
});

describe("ARP7005: every action of a service", () => {
  it("is reported for any spelling of the service's whole wildcard", () => {
    for (const action of ["apprunner:*", "apprunner:?*", "apprunner:**", "iam:*?"]) {
      expect(codes(`allow ${action} on *\n`), action).toContain("ARP7005");
    }
  });

  it("is quiet for a wildcard that keeps a part of the name", () => {
    expect(codes("allow apprunner:Describe* on *\n")).not.toContain("ARP7005");
    expect(codes("allow apprunner:*Service on *\n")).not.toContain("ARP7005");
  });
});

describe("ARP7010: a request tag without a limit on the other tags", () => {
  const on = (when: string): string[] => codes(`allow apprunner:TagResource on * when ${when}\n`);

  it("is reported when the aws:TagKeys test lets any other tag come along", () => {
    expect(on('request tag team = "web" and any aws:TagKeys = "team"')).toContain("ARP7010");
    expect(on('request tag team = "web" and aws:TagKeys exists')).toContain("ARP7010");
  });

  it("is quiet with `tag keys within [...]`", () => {
    expect(on('request tag team = "web" and tag keys within ["team", "env"]')).not.toContain("ARP7010");
  });
});
