/**
 * Office.js, loaded outside Office, opens Microsoft's telemetry proxy frame 3 s after it starts
 * (`ULSEndpointProxy` in o15apptofilemappingtable.js); offline that request fails. It is Office.js's,
 * not the app's: tests that assert "no console errors" leave it out.
 */
const OFFICE_TELEMETRY = 'telemetryservice.firstpartyapps.oaspapps.com';

export function withoutOfficeTelemetry(errors: readonly string[]): string[] {
  return errors.filter((error) => !error.includes(OFFICE_TELEMETRY));
}
