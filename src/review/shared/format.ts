/**
 * Display of annotation values: `{amount: 601000000, currency: "USD"}` reads
 * `601000000 USD`. The page shows it in a left-to-right box, so digits and codes keep
 * their order inside right-to-left text.
 */
export function formatValue(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if ('amount' in v || 'currency' in v) {
      const amount = v.amount === undefined ? '' : v.amount === null ? '?' : String(v.amount);
      const currency = v.currency === undefined || v.currency === null ? '?' : String(v.currency);
      return amount === '' ? currency : `${amount} ${currency}`;
    }
    if ('name' in v && 'id' in v) return `${String(v.name)} (${String(v.id)})`;
  }
  return JSON.stringify(value);
}

/** A confidence as the page shows it: two decimals, or an em dash when missing. */
export function formatConfidence(confidence: unknown): string {
  return typeof confidence === 'number' && Number.isFinite(confidence) ? confidence.toFixed(2) : '\u2014'; // U+2014 EM DASH
}
