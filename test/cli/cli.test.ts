// End-to-end runs of the `arp` command: exit codes, all-or-nothing output, eval and why. The
// commands run in-process through `main(argv)`; one test runs the built binary itself.
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, type CliRun } from "../support/runCli.js";
import { tempDir } from "../support/tempDir.js";

const BIN = new URL("../../bin/arp.js", import.meta.url).pathname;

const arp = (args: string[]): Promise<CliRun> => runCli(args);

function tmp(): string {
  return tempDir("arp-cli-");
}

describe("arp CLI", async () => {
  it("compiles the card example verbatim", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "card.arp"), "allow apprunner:Describe* on service/* when tag team = $user\n");
    const r = await arp(["compile", join(dir, "card.arp"), "--out", join(dir, "out")]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "out", "card.json"), "utf8"))).toEqual({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Action: "apprunner:Describe*", Resource: "arn:aws:apprunner:*:*:service/*",
        Condition: { StringEquals: { "aws:ResourceTag/team": "${aws:username}" } } }],
    });
    const manifest = JSON.parse(readFileSync(join(dir, "out", "arp.manifest.json"), "utf8"));
    expect(manifest.catalog.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("applies --set to the built-in parameters", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "p.arp"), "allow apprunner:DescribeService on service/web/*\n");
    const r = await arp(["compile", dir, "--out", join(dir, "out"), "--set", "account=123456789012", "--set", "region=us-east-1"]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "out", "p.json"), "utf8")).toContain("arn:aws:apprunner:us-east-1:123456789012:service/web/*");
  });

  it("writes nothing and keeps existing outputs when any file has an error", async () => {
    const dir = tmp();
    const out = join(dir, "out");
    writeFileSync(join(dir, "good.arp"), "allow apprunner:ListServices on *\n");
    expect((await arp(["compile", dir, "--out", out])).code).toBe(0);
    const before = readFileSync(join(out, "good.json"), "utf8");
    writeFileSync(join(dir, "good.arp"), "allow apprunner:DescribeService on *\n");
    writeFileSync(join(dir, "bad.arp"), "allow apprunner:DescribeServce on *\ndeny apprunner:Nope on *\n");
    const r = await arp(["compile", dir, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("bad.arp:1:7");
    expect(r.stderr).toContain("bad.arp:2:6");
    expect(r.stderr).toContain("did you mean `apprunner:DescribeService`?");
    expect(readFileSync(join(out, "good.json"), "utf8")).toBe(before);
    expect(readdirSync(out).sort()).toEqual(["arp.manifest.json", "good.json"]);
  });

  it("exits 2 on usage errors", async () => {
    expect((await arp(["compile", "examples"])).code).toBe(2);
    expect((await arp(["compile", "examples", "--out", "x", "--set", "oops"])).code).toBe(2);
    expect((await arp(["frobnicate"])).code).toBe(2);
  });

  it("prints diagnostics as JSON with --format json", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "bad.arp"), "allow apprunner:DescribeServce on *\n");
    const r = await arp(["check", dir, "--format", "json"]);
    expect(r.code).toBe(1);
    const parsed = JSON.parse(r.stdout);
    expect(parsed[0]).toMatchObject({ code: "ARP2002", line: 1, column: 7 });
  });

  it("is deterministic: compiling twice gives byte-identical files", async () => {
    const [a, b] = [tmp(), tmp()];
    await arp(["compile", "examples", "--out", a]);
    await arp(["compile", "examples", "--out", b]);
    for (const f of readdirSync(a)) expect(readFileSync(join(b, f), "utf8")).toBe(readFileSync(join(a, f), "utf8"));
  });

  it("eval explains an explicit deny with the .arp line and exits 1", async () => {
    const r = await arp(["eval", "examples/protect-production", "--principal", "arn:aws:iam::123456789012:user/dev",
      "--action", "apprunner:DeleteService", "--resource", "arn:aws:apprunner:us-east-1:123456789012:service/prod-api/1"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("ExplicitDeny");
    expect(r.stdout).toMatch(/protect-production\.arp:\d+/);
  });

  it("why reads the troubleshooting page's message and proposes the smallest allow", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "mary.arp"), "allow apprunner:ListServices on *\n");
    const message = "User: arn:aws:iam::123456789012:user/marymajor is not authorized to perform: apprunner:DescribeService on resource: my-example-service";
    const r = await arp(["why", message, dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("ImplicitDeny");
    expect(r.stdout).toContain("allow apprunner:DescribeService on service/my-example-service/*");
  });

  it("test runs the examples' tests and prints the plain summary line", async () => {
    const r = await arp(["test", "examples", "stdlib"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+ passed, 0 failed$/m);
  });

  it("catalog lists App Runner actions", async () => {
    const r = await arp(["catalog", "apprunner:Describe*"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("apprunner:DescribeService");
  });

  it("the built binary runs main and exits with its code (a process)", () => {
    const dir = tmp();
    writeFileSync(join(dir, "bad.arp"), "allow apprunner:DescribeServce on *\n");
    const r = spawnSync(process.execPath, [BIN, "check", join(dir, "bad.arp")], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("bad.arp:1:7 - error ARP2002");
  });
});
