#!/usr/bin/env node
/**
 * Writes gazetteers/currencies.cldr.tsv: the Arabic (and English) name of every ISO 4217
 * currency Node's ICU knows (Intl.supportedValuesOf('currency')), plus the historic
 * currencies that Arabic news archives still mention (pre-euro currencies, the Sudanese
 * dinar ...). Names come from CLDR through Intl.DisplayNames (Unicode licence).
 *
 *   node scripts/build-currencies.mjs            # writes the file
 *   node scripts/build-currencies.mjs --check    # exits 1 when the file is out of date
 *
 * The file is the base the money stage compiles at load; inflected forms, news spellings,
 * abbreviations and symbols are added by hand in gazetteers/currencies.jsonl and
 * gazetteers/currencies.nouns.tsv.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const OUT = fileURLToPath(new URL('../gazetteers/currencies.cldr.tsv', import.meta.url));

/** Replaced currencies still found in Arabic news text of the last decades. */
const HISTORIC = ['DEM', 'FRF', 'ITL', 'ESP', 'NLG', 'BEF', 'ATS', 'GRD', 'PTE', 'IEP', 'FIM', 'SDD', 'CYP', 'MTL', 'LTL', 'LVL', 'EEK', 'SKK', 'HRK'];

/** Codes that are not money (precious metals, test and fund codes). */
const SKIP = new Set(['XAU', 'XAG', 'XPT', 'XPD', 'XTS', 'XXX', 'XSU', 'XUA', 'XBA', 'XBB', 'XBC', 'XBD', 'XDR']);

const ar = new Intl.DisplayNames(['ar'], { type: 'currency', fallback: 'none' });
const en = new Intl.DisplayNames(['en'], { type: 'currency', fallback: 'none' });

const rows = [];
const add = (code, status) => {
  if (SKIP.has(code)) return;
  const name = ar.of(code);
  // Names with years or ranges (ليون سيراليوني - 1964-2022) are the replaced issues of a
  // currency whose current name is listed too; names equal to the code are untranslated.
  if (name === undefined || name === code || /[0-9٠-٩()–-]/.test(name)) return;
  rows.push([code, name, en.of(code) ?? '', status]);
};
for (const code of Intl.supportedValuesOf('currency')) add(code, 'current');
for (const code of HISTORIC) if (!rows.some((r) => r[0] === code)) add(code, 'historic');
rows.sort((a, b) => (a[0] < b[0] ? -1 : 1));

const header = [
  '# ISO 4217 currencies with their CLDR Arabic names (generated: node scripts/build-currencies.mjs).',
  `# Source: Unicode CLDR via Intl.DisplayNames in Node ${process.versions.node} (ICU ${process.versions.icu}, CLDR ${process.versions.cldr}); Unicode licence.`,
  '# Do not edit by hand: add variants in currencies.jsonl and inflections in currencies.nouns.tsv.',
  '# code\tarabic\tenglish\tstatus',
];
const text = `${header.join('\n')}\n${rows.map((r) => r.join('\t')).join('\n')}\n`;

if (process.argv.includes('--check')) {
  const current = readFileSync(OUT, 'utf8');
  // The header names the ICU version; compare the rows only.
  const body = (s) => s.split('\n').filter((l) => !l.startsWith('#')).join('\n');
  if (body(current) !== body(text)) {
    console.error(`${OUT} differs from what this Node's CLDR gives; rerun the script.`);
    process.exit(1);
  }
  console.log(`${OUT} is up to date (${rows.length} currencies).`);
} else {
  writeFileSync(OUT, text);
  console.log(`wrote ${OUT}: ${rows.length} currencies`);
}
