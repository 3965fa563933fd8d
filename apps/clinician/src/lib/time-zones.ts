const COMMON = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Puerto_Rico',
  'UTC',
];

/** Common US zones first, then every zone the browser knows. */
export function timeZoneOptions(current?: string): string[] {
  let all: string[] = [];
  try {
    all =
      (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ??
      [];
  } catch {
    all = [];
  }
  const out = [...COMMON, ...all.filter((z) => !COMMON.includes(z))];
  if (current && !out.includes(current)) out.unshift(current);
  return out;
}
