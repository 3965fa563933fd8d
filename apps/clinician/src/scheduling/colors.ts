// Appointment-type colours are chosen by the practice and may be light (amber, lime): text never sits
// on them directly. Events use a pale tint of the colour as background with dark text, and the full
// colour as a thick left border, so every type reads at AA contrast and the type name is always text.

function parseHex(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const n = parseInt(m[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const toHex = (rgb: number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** The colour mixed with white; `amount` is the share of the colour (0..1). */
export function tint(hex: string, amount = 0.16): string {
  const rgb = parseHex(hex);
  if (!rgb) return '#f1f3f5';
  return toHex(rgb.map((c) => 255 - (255 - c) * amount));
}

/** A valid colour or a neutral grey for anything the API might send that is not #rrggbb. */
export const safeColor = (hex: string) => (parseHex(hex) ? hex : '#868e96');
