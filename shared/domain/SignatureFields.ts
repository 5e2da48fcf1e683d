/**
 * The placeholders of the organisation's signature template (`organisation.signatureTemplate` in
 * `config.json`), in the order the configuration documents them.
 */
export const SIGNATURE_FIELDS = Object.freeze([
  'displayName',
  'jobTitle',
  'department',
  'organisationName',
  'phone',
  'switchboard',
  'mail',
  'visitingAddress',
  'postalAddress',
  'website',
] as const);

export type SignatureField = (typeof SIGNATURE_FIELDS)[number];

/**
 * What a signature is filled from: the person's directory profile with the organisation's details, or a
 * function mailbox's details when writing from it. A missing, `null` or blank value is empty.
 */
export type SignatureFields = { [field in SignatureField]?: string | null | undefined };

export function isSignatureField(name: string): name is SignatureField {
  return (SIGNATURE_FIELDS as readonly string[]).includes(name);
}
