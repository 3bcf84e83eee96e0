/**
 * `apprunner:ResourceTag/K`, the resource-tag key App Runner's guide names ("provide tag
 * information in the condition element of a policy using the `apprunner:ResourceTag/key-name`
 * ... condition keys"), where the Service Authorization Reference lists only
 * `aws:ResourceTag/K`. App Runner's requests carry a resource's tags under both spellings.
 */
const LEGACY_RESOURCE_TAG = /^apprunner:ResourceTag\//i;

/** The `aws:ResourceTag/K` a legacy `apprunner:ResourceTag/K` is the old spelling of; undefined for any other key. */
export function modernResourceTagKey(key: string): string | undefined {
  return LEGACY_RESOURCE_TAG.test(key) ? key.replace(LEGACY_RESOURCE_TAG, "aws:ResourceTag/") : undefined;
}
