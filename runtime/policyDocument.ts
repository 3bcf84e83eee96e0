/**
 * The IAM JSON policy document model, exactly as IAM reads it: a single value may be a
 * string or an array of strings. The runtime accepts these plain objects; the compiler emits
 * them. Nothing here depends on arp's language.
 */

export type OneOrMany<T> = T | T[];

/** `{ "StringEquals": { "aws:ResourceTag/team": "${aws:username}" } }` */
export type IamConditionBlock = Record<string, Record<string, OneOrMany<string | number | boolean>>>;

export type IamPrincipal =
  | "*"
  | {
      AWS?: OneOrMany<string>;
      Service?: OneOrMany<string>;
      Federated?: OneOrMany<string>;
      CanonicalUser?: OneOrMany<string>;
    };

export interface IamStatement {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Principal?: IamPrincipal;
  NotPrincipal?: IamPrincipal;
  Action?: OneOrMany<string>;
  NotAction?: OneOrMany<string>;
  Resource?: OneOrMany<string>;
  NotResource?: OneOrMany<string>;
  Condition?: IamConditionBlock;
}

export interface IamPolicyDocument {
  Version: "2012-10-17" | "2008-10-17";
  Id?: string;
  Statement: OneOrMany<IamStatement>;
}
