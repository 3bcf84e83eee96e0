import { check } from "./compiler/index.js";
console.log(check(`allow apprunner:AssociateWebAcl on service/web/*, arn:aws:wafv2:us-east-1:123456789012:regional/webacl/acl/1\n`).diagnostics.map(d=>d.code+d.message));
console.log(check(`allow apprunner:DescribeService on service/web/*, arn:aws:wafv2:us-east-1:123456789012:regional/webacl/acl/1\n`).diagnostics.map(d=>d.code+d.message));
console.log(check(`allow apprunner:AssociateWebAcl on arn:aws:wafv2:us-east-1:123456789012:regional/webacl/acl/1\n`).diagnostics.map(d=>d.code+d.message));
