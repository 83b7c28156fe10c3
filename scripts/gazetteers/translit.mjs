// A rough consonant-skeleton comparison between an Arabic name and its English name, to catch
// Wikidata rows whose Arabic label translates the English word instead of naming the place
// (Forest -> غابة 'forest', Mokolo -> يوم 'day'). Exonyms also differ (Venice -> البندقية), so
// a low score only sends a row to review; it never decides alone.

// Broad consonant classes: labials, dentals, sibilants, velars, liquids; gutturals, glides and
// vowels carry no class (Arabic script writes short vowels not at all, long ones as glides).
const AR = {
  '\u0628': 'B', '\u067E': 'B', '\u0641': 'F', '\u06A4': 'F', '\u0645': 'M',
  '\u062A': 'T', '\u062B': 'T', '\u062F': 'T', '\u0630': 'T', '\u0637': 'T', '\u0636': 'T',
  '\u0633': 'S', '\u0634': 'S', '\u0635': 'S', '\u0632': 'S', '\u0638': 'S', '\u062C': 'J',
  '\u0643': 'K', '\u0642': 'K', '\u062E': 'K', '\u063A': 'K', '\u06AF': 'K',
  '\u0644': 'L', '\u0631': 'R', '\u0646': 'N',
};

/** Consonant classes of an Arabic name, without the article and doubled classes. */
export function arabicSkeleton(s) {
  const words = s.split(/[\s-]+/).map((w) => w.replace(/^\u0627\u0644/, ''));
  return squeeze(words.join('').split('').map((c) => AR[c] ?? '').join(''));
}

/** Consonant classes of a Latin name, after the same broad mapping. */
export function latinSkeleton(s) {
  let t = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\b(al|el|ad|ar|as|an|at|az|ash|adh|ath)[\s-]/g, ' ')
    .replace(/[^a-z]/g, '');
  t = t
    .replace(/ph/g, 'F').replace(/th/g, 'T').replace(/sh|sch|ch|tch|tsch/g, 'S').replace(/kh|gh/g, 'K')
    .replace(/dj|dzh/g, 'J').replace(/ck|qu/g, 'K').replace(/x/g, 'KS')
    .replace(/c(?=[eiy])/g, 'S').replace(/g(?=[eiy])/g, 'J');
  const map = { b: 'B', p: 'B', f: 'F', v: 'F', m: 'M', t: 'T', d: 'T', s: 'S', z: 'S', j: 'J', k: 'K', c: 'K', q: 'K', g: 'K', l: 'L', r: 'R', n: 'N', w: 'F' };
  return squeeze(t.split('').map((c) => (c === c.toUpperCase() ? c : (map[c] ?? ''))).join(''));
}

function squeeze(s) {
  return s.replace(/(.)\1+/g, '$1');
}

/** Similarity in [0, 1] of two skeletons: 1 - edit distance / longer length; J matches S and K. */
export function skeletonSimilarity(a, b) {
  if (a.length === 0 && b.length === 0) return 1;
  const eq = (x, y) => x === y || (x === 'J' && (y === 'S' || y === 'K')) || (y === 'J' && (x === 'S' || x === 'K')) || (x === 'F' && y === 'B') || (x === 'B' && y === 'F');
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (eq(a[i - 1], b[j - 1]) ? 0 : 1));
  return 1 - d[a.length][b.length] / Math.max(a.length, b.length);
}
