/**
 * Inputs that used to crash `arp` with a stack trace, hang it, or reach the terminal raw:
 * special files, invalid UTF-8, lone surrogates, a full disk on stdout, prototype names in
 * options, huge generated text, and control characters in arguments and file names.
 */
import { spawnSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reportInternalError } from "../../compiler/cli/main.js";
import { loneSurrogates } from "../../compiler/cli/loneSurrogates.js";
import { join as joinPieces, mapped } from "../../compiler/import/mappedText.js";
import { runInProcess } from "../fuzz/cliHarness.js";
import { tempDir } from "../support/tempDir.js";

const BIN = new URL("../../bin/arp.js", import.meta.url).pathname;
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const POLICY = "allow apprunner:ListServices on *\n";
const IAM = (value: string) =>
  `{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "apprunner:ListServices", "Resource": "*",\n` +
  ` "Condition": {"StringEquals": {"aws:PrincipalTag/team": "${value}"}}}}\n`;


function spawnArp(args: string[], stdout: "pipe" | number = "pipe") {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 8000, stdio: ["ignore", stdout, "pipe"], env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, signal: r.signal, stdout: r.stdout ?? "", stderr: r.stderr };
}

describe("special files are refused, not read", () => {
  it("a FIFO given to check is ARP9002 at once, without waiting for a writer", () => {
    const dir = tempDir("arp-hostile-");
    const fifo = join(dir, "pipe.arp");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const check = spawnArp(["check", fifo]);
    expect(check.signal).toBeNull();
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("error ARP9002");
    expect(check.stderr).toContain("not a regular file");
  });

  it("a device is ARP9002 for every reading command", async () => {
    for (const argv of [["check", "/dev/null"], ["fmt", "/dev/null"], ["test", "/dev/null"], ["import", "/dev/zero"]]) {
      const r = await runInProcess(argv);
      expect(r.code, argv.join(" ")).toBe(1);
      expect(r.stderr).toContain("error ARP9002");
    }
  });

  it("a directory given to import is ARP9002", async () => {
    const r = await runInProcess(["import", tempDir("arp-hostile-")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error ARP9002");
  });
});

describe("files that are not UTF-8 are refused with ARP9004", () => {
  const latin1 = Buffer.concat([Buffer.from("allow apprunner:ListServices on * // caf"), Buffer.from([0xe9]), Buffer.from("\n")]);

  it("arp fmt never rewrites a Latin-1 file", async () => {
    const dir = tempDir("arp-hostile-");
    const file = join(dir, "latin.arp");
    writeFileSync(file, latin1);
    const r = await runInProcess(["fmt", file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error ARP9004");
    expect(r.stderr).toContain("0xE9 on line 1 (byte offset 40)");
    expect(readFileSync(file)).toEqual(latin1);
    expect(readdirSync(dir)).toEqual(["latin.arp"]);
  });

  it("arp check and arp import refuse it too", async () => {
    const dir = tempDir("arp-hostile-");
    writeFileSync(join(dir, "latin.arp"), latin1);
    writeFileSync(join(dir, "latin.json"), Buffer.concat([Buffer.from(IAM("caf")), Buffer.from([0xff])]));
    for (const argv of [["check", join(dir, "latin.arp")], ["import", join(dir, "latin.json")]]) {
      const r = await runInProcess(argv);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("error ARP9004");
    }
  });

  it("a UTF-8 file with a byte-order mark still reads", async () => {
    const dir = tempDir("arp-hostile-");
    writeFileSync(join(dir, "bom.arp"), `\ufeff${POLICY}`);
    expect((await runInProcess(["check", dir])).stderr).not.toContain("ARP9004");
  });
});

describe("arp import of lone surrogates", () => {
  it("refuses them at the escape, writing nothing, instead of claiming a round trip", async () => {
    const dir = tempDir("arp-hostile-");
    writeFileSync(join(dir, "lone.json"), IAM("a\\ud800b"));
    const r = await runInProcess(["import", join(dir, "lone.json"), "--out", join(dir, "out")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/lone\.json:2:\d+ - error ARP9004: `\\ud800` is a lone surrogate/);
    expect(readdirSync(dir)).toEqual(["lone.json"]);
  });

  it("finds escaped and raw lone halves and passes whole pairs", () => {
    expect(loneSurrogates('["\\ud83d\\ude00", "\\\\ud800", "😀"]', "f")).toEqual([]);
    const found = loneSurrogates('["\\udc00", "x\\uD800", "\ud800", "\\ud800\\u0041"]', "f");
    expect(found.map((d) => [d.code, d.span.start, d.span.end])).toEqual([
      ["ARP9004", 2, 8], ["ARP9004", 13, 19], ["ARP9004", 23, 24], ["ARP9004", 28, 34],
    ]);
  });
});

describe("output that cannot be written", () => {
  it("a full disk on stdout (ENOSPC) exits 1 with one line and no stack trace", () => {
    const full = openSync("/dev/full", "w");
    try {
      const r = spawnArp(["catalog", "apprunner"], full);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe("error: cannot write to standard output: ENOSPC\n");
    } finally {
      closeSync(full);
    }
  });
});

describe("prototype names in options", () => {
  const request = ["--principal", "arn:aws:iam::123456789012:user/a", "--action", "apprunner:ListServices", "--resource", "*", "--format", "json"];

  it("--context constructor, __proto__ and toString are context keys like any other", async () => {
    const dir = tempDir("arp-hostile-");
    writeFileSync(join(dir, "p.arp"), POLICY);
    const r = await runInProcess(["eval", dir, ...request,
      "--context", "constructor=x", "--context", "constructor=y", "--context", "__proto__=p", "--context", "toString=t"]);
    expect(r.code).toBe(0);
    const context = JSON.parse(r.stdout).request.context;
    expect(Object.getPrototypeOf(context)).toBe(Object.prototype);
    expect(Object.keys(context)).toEqual(["constructor", "__proto__", "toString"]);
    expect(context.constructor).toEqual(["x", "y"]);
    expect(Object.getOwnPropertyDescriptor(context, "__proto__")?.value).toBe("p");
  });

  it("--set toString sets a parameter named toString", async () => {
    const dir = tempDir("arp-hostile-");
    writeFileSync(join(dir, "p.arp"), 'param toString\nallow apprunner:DescribeService on "service/${toString}/*"\n');
    const out = join(dir, "out");
    const r = await runInProcess(["compile", join(dir, "p.arp"), "--out", out, "--set", "toString=web"]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, "p.json"), "utf8")).toContain("service/web/*");
  });

  it("--set of an undeclared prototype name is ARP2009, not a crash", async () => {
    const dir = tempDir("arp-hostile-");
    writeFileSync(join(dir, "p.arp"), POLICY);
    for (const name of ["__proto__", "constructor", "valueOf"]) {
      const r = await runInProcess(["check", dir, "--set", `${name}=x`]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("error ARP2009");
    }
  });
});

describe("control characters from users are escaped on the terminal", () => {
  it("in a file name, a .arp string and --principal", async () => {
    const dir = tempDir("arp-hostile-");
    mkdirSync(join(dir, "d"));
    const name = join(dir, "d", "\u001b[2Jevil\u202e.arp");
    writeFileSync(name, 'allow apprunner:ListServices on "\u001b]0;pwned\u0007"\n');
    const check = await runInProcess(["check", name]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("\\x1B[2Jevil\\u{202E}.arp");
    const evaluation = await runInProcess(["eval", join(dir, "d"), "--principal", "\u001b[31marn\u009b", "--action", "a:b", "--resource", "*"]);
    for (const r of [check, evaluation]) expect(`${r.stdout}${r.stderr}`).not.toMatch(UNSAFE);
  });

  it("in usage errors", async () => {
    for (const argv of [["check", "--\u001b[31m"], ["eval", "x", "--context", "\u001b="], ["--set", "\u001b"], ["frob\u001bnicate"]]) {
      const r = await runInProcess(argv);
      expect(r.code, JSON.stringify(argv)).toBe(2);
      expect(r.stderr).not.toMatch(UNSAFE);
    }
  });
});

describe("internal errors", () => {
  function captured(debug: string | undefined): string {
    let text = "";
    const write = process.stderr.write;
    const saved = process.env.ARP_DEBUG;
    if (debug === undefined) delete process.env.ARP_DEBUG;
    else process.env.ARP_DEBUG = debug;
    process.stderr.write = ((s: string) => ((text += s), true)) as typeof process.stderr.write;
    try {
      reportInternalError(new TypeError("boom \u001b[31m"));
    } finally {
      process.stderr.write = write;
      if (saved === undefined) delete process.env.ARP_DEBUG;
      else process.env.ARP_DEBUG = saved;
    }
    return text;
  }

  it("are one line and a request to report, with the stack only under ARP_DEBUG", () => {
    const plain = captured(undefined);
    expect(plain.split("\n")[0]).toBe("internal error: boom \\x1B[31m");
    expect(plain).toContain("please report it");
    expect(plain).not.toMatch(/^ {4}at /m);
    expect(captured("1")).toMatch(/^ {4}at /m);
  });
});

describe("huge generated text", () => {
  it("joins 200,000 pieces without overflowing the stack", () => {
    const pieces = Array.from({ length: 200_000 }, (_, i) => mapped("ab", { file: "f", start: i, end: i + 1 }));
    const text = joinPieces(pieces, ",");
    expect(text.length).toBe(200_000 * 3 - 1);
    expect(text.segments[199_999]).toEqual({ start: 599_997, end: 599_999, origin: { file: "f", start: 199_999, end: 200_000 } });
  });
});

describe("files reached through `import`", () => {
  it("are read like the command line's own: a device or a Latin-1 file is refused at the import", async () => {
    const dir = tempDir("arp-hostile-");
    symlinkSync("/dev/null", join(dir, "device.arp"));
    writeFileSync(join(dir, "latin.arp"), Buffer.from([0x2f, 0x2f, 0x20, 0xe9, 0x0a]));
    writeFileSync(join(dir, "main.arp"), 'import "./device"\nimport "./latin"\nallow apprunner:ListServices on *\n');
    const r = await runInProcess(["check", join(dir, "main.arp")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/main\.arp:1:8 - error ARP9002: cannot read `[^`]*device\.arp`: it is not a regular file/);
    expect(r.stderr).toMatch(/main\.arp:2:8 - error ARP9004/);
  });
});

describe("requests the evaluator refuses", () => {
  it("an empty --resource for eval or why is a usage error (exit 2), not an internal error", async () => {
    const dir = tempDir("arp-hostile-");
    const file = join(dir, "p.arp");
    writeFileSync(file, POLICY);
    const message = "User: arn:aws:iam::123456789012:user/alice is not authorized to perform: apprunner:ListServices on resource: x";
    for (const argv of [
      ["eval", file, "--principal", "arn:aws:iam::123456789012:user/alice", "--action", "apprunner:ListServices", "--resource", ""],
      ["why", message, file, "--resource", ""],
    ]) {
      const r = await runInProcess(argv);
      expect(r.code, argv[0]).toBe(2);
      expect(r.stderr).toContain("invalid request: resource");
      expect(r.stderr).not.toContain("internal error");
    }
  });
});
