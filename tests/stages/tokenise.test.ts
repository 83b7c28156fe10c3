import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { procliticReadings } from '../../src/arabic/clitics.js';
import { checkDocument } from '../../src/core/invariants.js';
import { TOKEN_KIND_NAMES } from '../../src/core/tokens.js';
import { SEED, anyText, arabicishText, pipelineOf, run, tokenSurfaces } from '../helpers.js';

const pipeline = pipelineOf(['normalise', 'tokenise']);
const kinds = (text: string) => {
  const doc = run(pipeline, text);
  const t = doc.tokens!;
  return Array.from({ length: t.count }, (_, i) => `${TOKEN_KIND_NAMES[t.kind[i]!]}:${t.surface(i)}`);
};

describe('tokenise', () => {
  it.each([
    ['words and Arabic punctuation', 'قال، ثم؛ لماذا؟', ['word:قال', 'punct:،', 'word:ثم', 'punct:؛', 'word:لماذا', 'punct:؟']],
    ['thousands separators stay inside', 'بلغ 1,250,000 دولار', ['word:بلغ', 'number:1,250,000', 'word:دولار']],
    ['decimal comma stays inside', '148,7 مليون', ['number:148,7', 'word:مليون']],
    ['Arabic decimal separator', '٣٫٥ مليار', ['number:٣٫٥', 'word:مليار']],
    ['Arabic thousands separator', '١٬٢٥٠ دينار', ['number:١٬٢٥٠', 'word:دينار']],
    ['a comma after a number is punctuation', 'عدد 86، وهو', ['word:عدد', 'number:86', 'punct:،', 'word:وهو']],
    ['a stop after a number ends it', 'إلى 86.', ['word:إلى', 'number:86', 'punct:.']],
    ['dates are split at hyphens and slashes', '8-06- 2023 مارس/ 2023', ['number:8', 'punct:-', 'number:06', 'punct:-', 'number:2023', 'word:مارس', 'punct:/', 'number:2023']],
    ['the article on digits stays one token', 'ال50 مليون والـ25', ['alnum:ال50', 'word:مليون', 'alnum:والـ25']],
    ['a letter after digits stays one token', '2023م', ['alnum:2023م']],
    ['quotes and guillemets', '«نص» و"آخر"', ['punct:«', 'word:نص', 'punct:»', 'word:و', 'punct:"', 'word:آخر', 'punct:"']],
    ['right double quote as opening quote', 'ب”خلافة” داعش', ['word:ب', 'punct:”', 'word:خلافة', 'punct:”', 'word:داعش']],
    ['ellipsis characters and runs', 'شكرا… نعم...', ['word:شكرا', 'punct:…', 'word:نعم', 'punct:...']],
    ['Latin words apart from Arabic', 'تنظيم(ISIS)داعش', ['word:تنظيم', 'punct:(', 'latin:ISIS', 'punct:)', 'word:داعش']],
    ['URL without its final stop', 'انظر https://example.org/a?b=1.', ['word:انظر', 'url:https://example.org/a?b=1', 'punct:.']],
    ['e-mail', 'راسلنا info@example.com الآن', ['word:راسلنا', 'email:info@example.com', 'word:الآن']],
    ['hashtag with a closing hash', 'لهزيمة #داعش# عقب', ['word:لهزيمة', 'hashtag:#داعش', 'punct:#', 'word:عقب']],
    ['hashtag with underscore', '#السعودية_الآن', ['hashtag:#السعودية_الآن']],
    ['mention', '@AmbassadorX قال', ['mention:@AmbassadorX', 'word:قال']],
    ['emoji with skin tone and ZWJ family', 'رائع 👍🏽👨‍👩‍👧', ['word:رائع', 'emoji:👍🏽', 'emoji:👨‍👩‍👧']],
    ['flag', '🇸🇦 السعودية', ['emoji:🇸🇦', 'word:السعودية']],
    ['diacritics and tatweel inside a word', 'بَغْـــدَادَ', ['word:بَغْـــدَادَ']],
    ['ZWNJ inside a Persian word', 'می\u200Cخواهم', ['word:می\u200Cخواهم']],
    ['bidi controls belong to no token', '\u202Bبغداد\u202C', ['word:بغداد']],
    ['lam-alef ligature is a whole word part', '\uFEFB', ['word:\uFEFB']],
    ['no split of فيه.نهاية at the word level', 'فيه.نهاية', ['word:فيه', 'punct:.', 'word:نهاية']],
    ['Latin apostrophe', "don't", ["latin:don't"]],
    ['currency symbols', '$4,500 و€5 و﷼', ['symbol:$', 'number:4,500', 'word:و', 'symbol:€', 'number:5', 'word:و', 'symbol:﷼']],
    ['percent signs', '25% و٨٪', ['number:25', 'punct:%', 'alnum:و٨', 'symbol:٪']],
  ])('%s', (_name, input, expected) => {
    expect(kinds(input)).toEqual(expected);
  });

  it('records line breaks between tokens', () => {
    const doc = run(pipeline, 'عنوان\r\nنص\n\nفقرة');
    expect(Array.from(doc.tokens!.flags.subarray(0, 3))).toEqual([0, 3, 7]);
  });

  it('gives each token a folded norm', () => {
    const doc = run(pipeline, 'أفريقيا إفريقيا افريقيا الـــمدينة');
    const t = doc.tokens!;
    expect([0, 1, 2, 3].map((i) => t.norm(i))).toEqual(['افريقيا', 'افريقيا', 'افريقيا', 'المدينه']);
  });

  it('property: tokens are ordered, well-formed spans of the original (random text)', () => {
    fc.assert(
      fc.property(fc.oneof(arabicishText, anyText), (text) => {
        const doc = run(pipeline, text);
        checkDocument(doc);
        // Tokens never swallow whitespace: each surface trimmed is itself.
        for (const s of tokenSurfaces(doc)) expect(s.length).toBeGreaterThan(0);
      }),
      { seed: SEED, numRuns: 500 },
    );
  });
});

describe('proclitic readings', () => {
  const readings = (s: string) => procliticReadings(s).map((r) => `${r.cut}:${r.stem}${r.article ? '+ال' : ''}`);
  it.each([
    ['plain word', 'بغداد', ['0:بغداد', '1:غداد']],
    ['waw', 'وبغداد', ['0:وبغداد', '1:بغداد', '2:غداد']],
    ['waw + beh + article', 'وبالعراق', ['0:وبالعراق', '1:بالعراق', '2:العراق+ال']],
    ['feh + lam', 'فلسوريا', ['0:فلسوريا', '1:لسوريا', '2:سوريا']],
    ['lam contraction restores the article', 'للعراق', ['0:للعراق', '1:لعراق', '1:العراق+ال']],
    ['lam before a name starting with lam', 'للبنان', ['0:للبنان', '1:لبنان', '1:البنان+ال']],
    ['kaf + article', 'كالعادة', ['0:كالعاده', '1:العاده+ال']],
    ['article on digits', 'وال50', ['0:وال50', '1:ال50+ال']],
    ['a lone proclitic letter is not a reading', 'لست', ['0:لست', '1:ست']],
    ['too short to split', 'وب', ['0:وب']],
  ])('%s', (_name, input, expected) => {
    const norm = input.replace('ة', 'ه');
    expect(readings(norm)).toEqual(expected);
  });
});
