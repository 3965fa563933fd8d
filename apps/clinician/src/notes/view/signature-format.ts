// Wording of signatures: "Signed by Dana Reyes, LCSW · Jan 5, 2027, 3:12 PM" and a short content hash.

const WHEN = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

export const formatInstant = (iso: string) => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : WHEN.format(new Date(t));
};

export const signerWithCredentials = (name: string, credentials: string | null) =>
  credentials ? `${name}, ${credentials}` : name;

/** The first 12 hex digits: enough to compare with the PDF; the full hash is in the title. */
export const shortHash = (hash: string | null | undefined) => (hash ? hash.slice(0, 12) : '');
