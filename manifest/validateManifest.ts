import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';

type ValidatorInput = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];

const BUNDLED_SCHEMA_URL =
  /^https:\/\/developer\.microsoft\.com\/json-schemas\/(teams\/v[^/]+\/MicrosoftTeams\.schema\.json)$/;

/**
 * The bundled schema file `@microsoft/app-manifest` resolves `$schema` to, or undefined.
 * The validator reads `<package>/build/json-schemas/...` when the URL has exactly this form and
 * falls back to fetching the URL otherwise; resolving it here keeps packaging offline.
 */
export function bundledSchemaPath(schemaUrl: string): string | undefined {
  const match = BUNDLED_SCHEMA_URL.exec(schemaUrl);
  if (match?.[1] === undefined) return undefined;
  const packageJson = createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json');
  const file = join(dirname(packageJson), 'build', 'json-schemas', match[1]);
  return existsSync(file) ? file : undefined;
}

/**
 * Validates a manifest against the JSON schema named by its `$schema`, offline. Returns the
 * schema errors (empty when valid). A `$schema` without a bundled copy is reported as an error
 * instead of letting the validator download it.
 */
export async function validateManifest(manifest: object): Promise<string[]> {
  const schemaUrl: unknown = '$schema' in manifest ? manifest.$schema : undefined;
  if (typeof schemaUrl !== 'string') {
    return [
      '/$schema is missing: set it to a bundled schema such as https://developer.microsoft.com/json-schemas/teams/v1.24/MicrosoftTeams.schema.json.',
    ];
  }
  if (bundledSchemaPath(schemaUrl) === undefined) {
    return [
      `/$schema ${schemaUrl} has no copy in @microsoft/app-manifest, so validating would download it. ` +
        'Use https://developer.microsoft.com/json-schemas/teams/vX/MicrosoftTeams.schema.json with a bundled version (1.17, 1.19–1.30).',
    ];
  }
  // The validator compiles the schema per call; a JSON round trip drops `undefined` fields the
  // way writing manifest.json does, so what is validated is what is packaged.
  return AppManifestUtils.validateAgainstSchema(JSON.parse(JSON.stringify(manifest)) as ValidatorInput);
}
