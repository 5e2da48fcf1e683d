import JSZip from 'jszip';

export interface AppPackageFiles {
  manifestJson: string;
  colorPng: Buffer;
  outlinePng: Buffer;
}

// A fixed timestamp makes the zip reproducible: the same configuration gives the same bytes.
const ENTRY_DATE = new Date(Date.UTC(2026, 0, 1));

/**
 * Zips the app package the way Teams and the Microsoft 365 admin centre expect it:
 * manifest.json and the two icons at the root, no folders.
 */
export async function createAppPackage(files: AppPackageFiles): Promise<Buffer> {
  const zip = new JSZip();
  const options = { date: ENTRY_DATE, createFolders: false };
  zip.file('manifest.json', files.manifestJson, options);
  zip.file('color.png', files.colorPng, options);
  zip.file('outline.png', files.outlinePng, options);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}
