// `arp diff` takes OLD and NEW as `.arp`, as compiled IAM JSON (what `arp compile` wrote, or a
// policy exported from AWS), or as a path at a git revision; the answer is the same access
// comparison whichever way each side is given.
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { jsonPrincipalSets } from "../../compiler/diff/jsonPrincipalSets.js";
import { runCli } from "../support/runCli.js";
import { tempDir } from "../support/tempDir.js";

const OLD = `policy Deployer "deploys" {
  allow apprunner:UpdateService on service/web/*
}
`;
const WIDER = `policy Deployer "deploys" {
  allow apprunner:UpdateService on service/*
}
`;

interface Diff {
  name: string;
  added: { example: { action: string; resource: string; old: string; new: string } }[];
  removed: unknown[];
}

function write(dir: string, name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

/**
 * Runs `arp diff` with the temp folder pointed at a private one, and returns what the run left
 * there: the shared temp folder also holds other test files' `arp-diff-*` folders, made and
 * removed while this one runs.
 */
async function runLeavingTemp(args: readonly string[], cwd: string): Promise<{ run: Awaited<ReturnType<typeof runCli>>; left: string[] }> {
  const privateTmp = tempDir("arp-gitrev-tmp-");
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = privateTmp;
  try {
    const run = await runCli(args, { cwd });
    return { run, left: readdirSync(privateTmp) };
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
}

describe("arp diff on compiled JSON", () => {
  it("compiled output and its source grant the same access; a widened source is new access", async () => {
    const dir = tempDir("arp-diff-json-");
    const source = write(dir, "deployer.arp", OLD);
    const out = join(dir, "out");
    expect((await runCli(["compile", source, "-o", out])).code).toBe(0);
    const same = await runCli(["diff", "--no-new-access", out, source]);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain("no change in access for 1 principal");
    const wider = write(dir, "wider.arp", WIDER);
    const run = await runCli(["diff", "--no-new-access", "--format", "json", join(out, "Deployer.json"), wider]);
    expect(run.code).toBe(1);
    const [diff] = JSON.parse(run.stdout) as Diff[];
    expect(diff!.name).toBe("Deployer");
    expect(diff!.added[0]!.example).toMatchObject({ action: "apprunner:UpdateService", old: "ImplicitDeny", new: "Allow" });
    expect(diff!.added[0]!.example.resource).not.toMatch(/service\/web\//);
  });

  it("reads a role bundle as one role, its inline policies together, its managed ARNs unknown", () => {
    const bundle = JSON.stringify({
      RoleName: "App",
      AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "tasks.apprunner.amazonaws.com" }, Action: "sts:AssumeRole" }] },
      Policies: [{ PolicyName: "Reads", PolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] } }],
      ManagedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
    });
    const { sets, diagnostics } = jsonPrincipalSets([{ path: "App.role.json", text: bundle }]);
    expect(diagnostics).toEqual([]);
    expect(sets).toMatchObject([{ name: "App", kind: "role", policies: [{ name: "App/Reads" }], unknownManagedArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] }]);
  });

  it("what IAM rejects in the JSON is an error at its place, and nothing is compared", async () => {
    const dir = tempDir("arp-diff-json-");
    const bad = write(dir, "Deployer.json", `{"Version": "2012-10-17", "Statement": [{"Effect": "Alow", "Action": "s3:GetObject", "Resource": "*"}]}`);
    const run = await runCli(["diff", "--no-color", bad, write(dir, "new.arp", OLD)]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/Deployer\.json:1:\d+ - error ARP6003/);
    expect(run.stdout).toBe("");
  });
});

function git(cwd: string, ...args: string[]): void {
  execFileSync("git", ["-c", "user.name=arp", "-c", "user.email=arp@example.com", "-c", "commit.gpgsign=false", ...args], { cwd, stdio: "pipe" });
}

function repository(): string {
  const dir = tempDir("arp-diff-git-");
  git(dir, "init", "-q");
  mkdirSync(join(dir, "policies"));
  write(join(dir, "policies"), "deployer.arp", OLD);
  git(dir, "add", ".");
  git(dir, "commit", "-q", "-m", "deployer");
  write(join(dir, "policies"), "deployer.arp", WIDER);
  return dir;
}

describe("arp diff on git revisions", () => {
  it("REV:path against the working tree catches new access, and leaves no temporary copy", async () => {
    const dir = repository();
    const { run, left } = await runLeavingTemp(["diff", "--no-new-access", "HEAD:policies/", "policies/"], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("policy Deployer:");
    expect(run.stdout).toContain("ImplicitDeny before, Allow now");
    expect(left).toEqual([]);
  });

  it("--git REV compares a path with itself at REV, file or directory", async () => {
    const dir = repository();
    for (const path of ["policies", join("policies", "deployer.arp")]) {
      const run = await runCli(["diff", "--no-new-access", "--git", "HEAD", path], { cwd: dir });
      expect(run.code).toBe(1);
      expect(run.stdout).toContain("new access:");
    }
    git(dir, "commit", "-q", "-am", "wider");
    expect((await runCli(["diff", "--no-new-access", "--git", "HEAD", "policies"], { cwd: dir })).code).toBe(0);
  });

  it("errors in a revision are reported at REV:path, and the copy is still removed", async () => {
    const dir = repository();
    write(join(dir, "policies"), "deployer.arp", "policy Broken {\n");
    git(dir, "commit", "-q", "-am", "broken");
    const { run, left } = await runLeavingTemp(["diff", "--no-color", "HEAD:policies/", "HEAD~1:policies/"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("HEAD:policies/deployer.arp:");
    expect(left).toEqual([]);
  });

  it("an unknown revision, or one git would read as an option, is an error", async () => {
    const dir = repository();
    const unknown = await runCli(["diff", "nosuchrev:policies/", "policies/"], { cwd: dir });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^git: /);
    const option = await runCli(["diff", "--git=--output=x", "policies"], { cwd: dir });
    expect(option.code).toBe(1);
    expect(option.stderr).toContain("is not a revision");
  });

  it("--git takes one path, and without it two are needed", async () => {
    const dir = repository();
    expect((await runCli(["diff", "--git", "HEAD", "policies", "policies"], { cwd: dir })).code).toBe(2);
    expect((await runCli(["diff", "policies"], { cwd: dir })).code).toBe(2);
  });
});
