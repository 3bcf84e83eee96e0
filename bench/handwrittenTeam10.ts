/**
 * The App Runner team template for team 0 (test/support/appRunnerWorkload.ts, 10 statements)
 * decided by hand: the bar the generated evaluator is held to at 10 statements. Each action
 * maps to the set of statements whose Action matches it (a bit mask), the resource ARN is cut
 * once, the context is read once into locals (exact spellings first, odd case through
 * lower-casing), and every test is written out. It keeps the IAM rules the generated code keeps
 * on this workload (case-insensitive actions and keys, null keys, last spelling wins, a
 * multivalued key is no variable), so the comparison is fair; the bench checks that it decides
 * as the runtime does before timing it.
 */
import type { Decision, Request } from "../runtime/index.js";
import { APP_RUNNER_ACTIONS } from "../test/support/appRunnerWorkload.js";

const enum S {
  Read = 1 << 0,
  OwnServices = 1 << 1,
  ProdDeny = 1 << 2,
  CreateTagged = 1 << 3,
  Connections = 1 << 4,
  Tls = 1 << 5,
  Regions = 1 << 6,
  Config = 1 << 7,
  VpcConnectors = 1 << 8,
  Tagging = 1 << 9,
}

const BY_NAME: Readonly<Record<string, number>> = {
  updateservice: S.OwnServices | S.ProdDeny,
  startdeployment: S.OwnServices,
  pauseservice: S.OwnServices | S.ProdDeny,
  resumeservice: S.OwnServices,
  deleteservice: S.ProdDeny,
  createservice: S.CreateTagged | S.Regions,
  createconnection: S.Connections | S.Regions,
  deleteconnection: S.Connections,
  createvpcconnector: S.Regions | S.VpcConnectors,
  deletevpcconnector: S.VpcConnectors,
  describevpcconnector: S.VpcConnectors,
  createautoscalingconfiguration: S.Config,
  deleteautoscalingconfiguration: S.Config,
  createobservabilityconfiguration: S.Config,
  deleteobservabilityconfiguration: S.Config,
  tagresource: S.Tagging,
  untagresource: S.Tagging,
};

/** The statements each action can select, by lower-cased name. */
function masksOf(lower: string): number {
  if (!lower.startsWith("apprunner:")) return 0;
  const name = lower.slice("apprunner:".length);
  const read = name.startsWith("describe") || name.startsWith("list") ? S.Read : 0;
  return (BY_NAME[name] ?? 0) | read | S.Tls;
}

const MASKS = new Map<string, number>(APP_RUNNER_ACTIONS.flatMap((a) => [[a, masksOf(a.toLowerCase())], [a.toLowerCase(), masksOf(a.toLowerCase())]]));

function maskOf(action: string): number {
  return MASKS.get(action) ?? masksOf(action.toLowerCase());
}

/** A key's value as statements read it: undefined when absent or null ("" or only ""s). */
function present(value: unknown): string | readonly string[] | undefined {
  if (typeof value === "string") return value === "" ? undefined : value;
  if (Array.isArray(value)) return value.some((v) => v !== "") ? (value as string[]) : undefined;
  return undefined;
}

function some(value: string | readonly string[], test: (v: string) => boolean): boolean {
  return typeof value === "string" ? test(value) : value.some(test);
}

function inRanges(ip: string): boolean {
  const parts = ip.split(".");
  if (parts.length !== 4) return false;
  const a = Number(parts[0]);
  const b = Number(parts[1]);
  return (a === 10 && b === 0) || (a === 192 && b === 168);
}

const FREEZE = Date.UTC(2030, 0, 1);

export function authorize(request: Request): Decision {
  const mask = maskOf(request.action);
  const resource = request.resource;
  // arn:aws:apprunner:<region>:<account>:<rest>
  if (!resource.startsWith("arn:aws:apprunner:")) return "ImplicitDeny";
  const regionEnd = resource.indexOf(":", 18);
  const accountEnd = regionEnd < 0 ? -1 : resource.indexOf(":", regionEnd + 1);
  if (accountEnd < 0) return "ImplicitDeny";
  const rest = resource.slice(accountEnd + 1);
  const service = rest.startsWith("service/t0-");
  const prod = rest.startsWith("service/prod-t0-");
  const connection = rest.startsWith("connection/t0-");
  const vpc = rest.startsWith("vpcconnector/t0-");
  const config = rest.startsWith("autoscalingconfiguration/t0-") || rest.startsWith("observabilityconfiguration/t0-");
  if (!(service || prod || connection || vpc || config)) return "ImplicitDeny";

  let username: unknown, dept: unknown, role: unknown, resourceTeam: unknown, requestTeam: unknown, tagKeys: unknown;
  let secure: unknown, ip: unknown, time: unknown, region: unknown, principalArn: unknown;
  const context = (request.context ?? {}) as Record<string, unknown>;
  for (const given in context) {
    const value = context[given];
    if (value === undefined) continue;
    let key = given;
    for (let pass = 0; pass < 2; pass++) {
      switch (key) {
        case "aws:username": username = value; break;
        case "aws:PrincipalTag/dept": case "aws:principaltag/dept": dept = value; break;
        case "aws:PrincipalTag/role": case "aws:principaltag/role": role = value; break;
        case "aws:ResourceTag/team": case "aws:resourcetag/team": resourceTeam = value; break;
        case "aws:RequestTag/team": case "aws:requesttag/team": requestTeam = value; break;
        case "aws:TagKeys": case "aws:tagkeys": tagKeys = value; break;
        case "aws:SecureTransport": case "aws:securetransport": secure = value; break;
        case "aws:SourceIp": case "aws:sourceip": ip = value; break;
        case "aws:CurrentTime": case "aws:currenttime": time = value; break;
        case "aws:RequestedRegion": case "aws:requestedregion": region = value; break;
        case "aws:PrincipalArn": case "aws:principalarn": principalArn = value; break;
        default:
          key = pass === 0 ? given.toLowerCase() : "";
          continue;
      }
      break;
    }
  }
  const user = typeof username === "string" && username !== "" ? username : undefined;

  // Deny statements first.
  if (mask & S.ProdDeny && prod) {
    const r = present(role);
    if (r === undefined || !some(r, (v) => v === "admin")) return "ExplicitDeny";
  }
  if (mask & S.Tls && (service || connection)) {
    const s = present(secure);
    if (s !== undefined && some(s, (v) => v.toLowerCase() === "false")) return "ExplicitDeny";
  }
  if (mask & S.Regions && (service || connection || vpc)) {
    const r = present(region);
    if (r === undefined || !some(r, (v) => v === "us-east-1" || v === "eu-west-1")) return "ExplicitDeny";
  }
  if (mask & S.Read && (service || connection || vpc)) {
    const d = present(dept);
    if (d !== undefined && some(d, (v) => v === "dept0")) return "Allow";
  }
  if (mask & S.OwnServices && service && user !== undefined) {
    const t = present(resourceTeam);
    if (t !== undefined && some(t, (v) => v === user)) return "Allow";
  }
  if (mask & S.CreateTagged && service && user !== undefined && resource.slice(regionEnd + 1, accountEnd) === "123456789012") {
    const t = present(requestTeam);
    const k = present(tagKeys);
    if (t !== undefined && some(t, (v) => v === user) && (k === undefined || !some(k, (v) => v !== "team" && v !== "env" && v !== "cost-center"))) {
      return "Allow";
    }
  }
  if (mask & S.Connections && connection) {
    const i = present(ip);
    if (i !== undefined && some(i, inRanges)) return "Allow";
  }
  if (mask & S.Config && config) {
    const t = present(resourceTeam);
    if (t === undefined || some(t, (v) => v === "team0")) return "Allow";
  }
  if (mask & S.VpcConnectors && vpc) {
    const p = present(principalArn);
    if (p !== undefined && some(p, (v) => v.startsWith("arn:aws:iam::") && /^arn:aws:iam::.*:role\/t0-.*$/.test(v))) return "Allow";
  }
  if (mask & S.Tagging && service) {
    const k = present(tagKeys);
    const t = present(time);
    if (k !== undefined && some(k, (v) => v.startsWith("env") || v === "team") && t !== undefined && some(t, (v) => Date.parse(v) < FREEZE)) {
      return "Allow";
    }
  }
  return "ImplicitDeny";
}
