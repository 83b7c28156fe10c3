/**
 * gazetteers/dates.tsv: it loads, covers every month of every series and the weekdays,
 * and a broken file stops loading with `file:line`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TokenVocabulary } from '../../src/core/token-trie.js';
import { normaliseStage } from '../../src/stages/normalise.js';
import { loadDateLexicon } from '../../src/stages/dates/lexicon.js';
import { DATE_SCOPE } from '../../src/stages/token-lookup.js';

const normalise = normaliseStage.createStringNormaliser!(normaliseStage.options.parse({}));
const path = 'gazetteers/dates.tsv';

describe('dates: the word list', () => {
  const vocabulary = new TokenVocabulary();
  const lexicon = loadDateLexicon(path, normalise, vocabulary);
  const months = (names: string[]) => names.map((n) => lexicon.entries.find((e) => e.cls === 'month' && e.tokens.join(' ') === normalise(n))?.value ?? `missing ${n}`);

  it('has the twelve months of each series, with their numbers', () => {
    const twelve = Array.from({ length: 12 }, (_, k) => String(k + 1));
    expect(months(['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'])).toEqual(twelve);
    expect(months(['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول'])).toEqual(twelve);
    expect(months(['يناير', 'فبراير', 'مارس', 'أبريل', 'ماي', 'يونيو', 'يوليوز', 'غشت', 'شتنبر', 'أكتوبر', 'نونبر', 'دجنبر'])).toEqual(twelve);
    expect(months(['جانفي', 'فيفري', 'مارس', 'أفريل', 'ماي', 'جوان', 'جويلية', 'أوت', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'])).toEqual(twelve);
    expect(months(['محرم', 'صفر', 'ربيع الأول', 'ربيع الآخر', 'جمادى الأولى', 'جمادى الآخرة', 'رجب', 'شعبان', 'رمضان', 'شوال', 'ذو القعدة', 'ذو الحجة'])).toEqual(twelve.map((m) => `h${m}`));
  });

  it('has the spelling variants news uses', () => {
    for (const [variant, value] of [['اكتوبر', '10'], ['إبريل', '4'], ['يونيه', '6'], ['يوليه', '7'], ['اغسطس', '8'], ['ذي الحجة', 'h12'], ['كانون ثاني', '1']]) {
      expect(months([variant!])).toEqual([value]);
    }
  });

  it('has the seven weekdays (ISO numbers), the year nouns and the eras', () => {
    const values = (cls: string) => new Set(lexicon.entries.filter((e) => e.cls === cls).map((e) => e.num));
    expect(values('weekday')).toEqual(new Set([1, 2, 3, 4, 5, 6, 7]));
    expect(new Set(lexicon.entries.filter((e) => e.cls === 'year-marker').map((e) => e.value))).toEqual(new Set(['ce', 'ah', 'bce']));
    expect(lexicon.entries.filter((e) => e.cls === 'year-noun').map((e) => e.tokens[0])).toEqual(expect.arrayContaining(['عام', 'العام', 'سنه', 'عامي']));
  });

  it('wakes the per-token loop only on words that open a date', () => {
    const scope = (s: string) => vocabulary.scopesById[vocabulary.idOf(normalise(s))]! & DATE_SCOPE;
    for (const w of ['يونيو', 'عام', 'العام', 'الخميس', 'القرن', 'يوم', 'شهر', 'كانون']) expect(scope(w), w).toBe(DATE_SCOPE);
    for (const w of ['من', 'في', 'الماضي', 'م', 'الثاني']) expect(scope(w), w).toBe(0);
  });

  it('stops a broken file with file:line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tawsim-dates-'));
    const write = (body: string) => {
      const p = join(dir, `d${Math.random().toString(36).slice(2)}.tsv`);
      writeFileSync(p, `# comment\nعام\tyear-noun\t1\nم\tyear-marker\tce\n${body}\n`);
      return p;
    };
    const load = (body: string) => () => loadDateLexicon(write(body), normalise, new TokenVocabulary());
    expect(load('يناير\tmonth\t13')).toThrow(/:4: value "13" is not valid for class month/);
    expect(load('يناير\tmonths\t1')).toThrow(/:4: unknown class "months"/);
    expect(load('يناير\tmonth')).toThrow(/:4: expected phrase, class, value/);
    expect(load('يناير\tmonth\t1\tsometimes')).toThrow(/:4: unknown flag "sometimes"/);
    expect(load('يناير\tmonth\t1\nيناير\tmonth\t2')).toThrow(/:5: "يناير" folds like .*:4 but means something else/);
    expect(load('أبريل\tmonth\t4\nابريل\tmonth\t4')).not.toThrow();
    expect(() => loadDateLexicon(join(dir, 'none.tsv'), normalise, new TokenVocabulary())).toThrow(/cannot be read/);
  });
});
