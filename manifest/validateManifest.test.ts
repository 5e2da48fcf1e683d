import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MANIFEST_SCHEMA_URL, buildManifest } from './buildManifest';
import { bundledSchemaPath, validateManifest } from './validateManifest';

const config = {
  organisation: { name: 'Sjöby kommun' },
  auth: { clientId: '3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b' },
  app: { baseUrl: 'https://brevladevakten.sjoby.se' },
};

describe('validateManifest', () => {
  const fetchSpy = vi.fn(() => {
    throw new Error('network access during manifest validation');
  });
  beforeEach(() => vi.stubGlobal('fetch', fetchSpy));
  afterEach(() => {
    vi.unstubAllGlobals();
    fetchSpy.mockClear();
  });

  it('finds the schema for the manifest version in the installed package', () => {
    expect(bundledSchemaPath(MANIFEST_SCHEMA_URL)).toMatch(
      /json-schemas\/teams\/v1\.24\/MicrosoftTeams\.schema\.json$/,
    );
  });

  it('reports a missing id, which proves the schema validator really runs', async () => {
    const { id: _id, ...withoutId } = buildManifest(config);
    const errors = await validateManifest(withoutId);
    expect(errors.some((e) => e.includes("must have required property 'id'"))).toBe(true);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('reports a wrong value deep inside the Outlook extension', async () => {
    const manifest = buildManifest(config);
    const broken = JSON.parse(JSON.stringify(manifest).replace('"softBlock"', '"hardBlock"')) as object;
    const errors = await validateManifest(broken);
    expect(errors.some((e) => e.includes('/extensions/0/autoRunEvents/1/events/0/options/sendMode'))).toBe(
      true,
    );
  });

  it('refuses a schema URL without a bundled copy instead of downloading it', async () => {
    const manifest = { ...buildManifest(config), $schema: 'https://example.com/MicrosoftTeams.schema.json' };
    const errors = await validateManifest(manifest);
    expect(errors).toEqual([expect.stringContaining('has no copy in @microsoft/app-manifest')]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('refuses the 1.18 schema, which the package does not bundle', async () => {
    const manifest = {
      ...buildManifest(config),
      $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.18/MicrosoftTeams.schema.json',
    };
    expect(await validateManifest(manifest)).toEqual([expect.stringContaining('would download it')]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
