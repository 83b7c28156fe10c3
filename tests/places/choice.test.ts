// Same-name choice (city, province, country, homonyms) and per-name ambiguity, on the shipped
// gazetteers: the unmarked reading of a name is its default, written with its own confidence;
// a lower confidence only where the name itself is marked ambiguous.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/core/errors.js';
import { loadGazetteerEntries } from '../../src/stages/gazetteer/entries.js';
import { nameTokeniser } from '../../src/stages/gazetteer/phrase-index.js';
import { pipelineOf } from '../helpers.js';
import { runDoc } from './helpers.js';

const pipeline = pipelineOf(['normalise', 'language', 'tokenise', 'sentences', 'places', 'organisations']);

/** Label, surface, id and confidence of every place or organisation of `text`. */
function found(text: string): [string, string, string | null, number][] {
  return runDoc(pipeline, text).annotations.map((a) => [a.label, text.slice(a.start, a.end), (a.value as { id: string | null }).id, a.confidence]);
}

describe('the unmarked reading of a name is its default, at full confidence', () => {
  const cases: [string, [string, string, string | null, number][]][] = [
    // Issue: `في بغداد` gave the governorate at 0.5 with a note saying the city is the default.
    ['في بغداد', [['GPE', 'بغداد', 'gpe.city.IQ.baghdad', 1]]],
    ['في دمشق', [['GPE', 'دمشق', 'gpe.city.SY.damascus', 1]]],
    ['في حلب', [['GPE', 'حلب', 'gpe.city.SY.aleppo', 1]]],
    ['في البصرة', [['GPE', 'البصرة', 'gpe.city.IQ.al-basrah', 1]]],
    ['في كركوك', [['GPE', 'كركوك', 'gpe.city.IQ.kirkuk', 1]]],
    ['في صنعاء', [['GPE', 'صنعاء', 'gpe.city.YE.sanaa', 1]]],
    ['في غزة', [['GPE', 'غزة', 'gpe.city.PS.gaza', 1]]],
    ['في الرياض', [['GPE', 'الرياض', 'gpe.city.SA.riyadh', 1]]],
    ['في القدس', [['GPE', 'القدس', 'gpe.city.PS.jerusalem', 1]]],
    // A country named like its capital: the country, sure.
    ['في الكويت', [['GPE', 'الكويت', 'gpe.country.KW', 1]]],
    ['في الجزائر', [['GPE', 'الجزائر', 'gpe.country.DZ', 1]]],
    ['في تونس', [['GPE', 'تونس', 'gpe.country.TN', 1]]],
    ['في جيبوتي', [['GPE', 'جيبوتي', 'gpe.country.DJ', 1]]],
    // A city far bigger than its namesakes is not doubtful for them.
    ['في لندن', [['GPE', 'لندن', 'gpe.city.GB.london', 1]]],
    ['في برلين', [['GPE', 'برلين', 'gpe.city.DE.berlin', 1]]],
    ['في مدريد', [['GPE', 'مدريد', 'gpe.city.ES.madrid', 1]]],
    ['في الإسكندرية', [['GPE', 'الإسكندرية', 'gpe.city.EG.alexandria', 1]]],
  ];
  it.each(cases)('%s', (text, expected) => expect(found(text)).toEqual(expected));

  it('says what it chose and why', () => {
    const a = runDoc(pipeline, 'في بغداد').annotations[0]!;
    expect(a.note).toContain('gpe.city.IQ.baghdad chosen over gpe.province.IQ.baghdad-governorate (the default reading; the others are marked ambiguous)');
  });
});

describe('a trigger or the document picks another reading', () => {
  const cases: [string, [string, string, string | null, number][]][] = [
    ['محافظة بغداد', [['GPE', 'بغداد', 'gpe.province.IQ.baghdad-governorate', 1]]],
    ['في محافظة حلب', [['GPE', 'حلب', 'gpe.province.SY.aleppo-governorate', 1]]],
    ['مدينة حلب', [['GPE', 'حلب', 'gpe.city.SY.aleppo', 1]]],
  ];
  it.each(cases)('%s', (text, expected) => expect(found(text)).toEqual(expected));

  it('names the trigger in the note, not the default choice', () => {
    const a = runDoc(pipeline, 'محافظة بغداد').annotations[0]!;
    expect(a.note).toContain('gpe.province.IQ.baghdad-governorate chosen over gpe.city.IQ.baghdad: after the place trigger محافظة (province)');
    expect(a.note).not.toContain('the default reading');
  });

  it('عمان is truly ambiguous: Oman or Amman, below full confidence either way', () => {
    expect(found('في عمان')).toEqual([['GPE', 'عمان', 'gpe.country.OM', 0.5]]);
    expect(found('زار الأردن ثم عمان')).toEqual([
      ['GPE', 'الأردن', 'gpe.country.JO', 1],
      ['GPE', 'عمان', 'gpe.city.JO.amman', 0.5],
    ]);
    expect(found('سلطنة عمان')).toEqual([['GPE', 'سلطنة عمان', 'gpe.country.OM', 1]]);
  });
});

describe('ambiguity belongs to a name: a sure long name, a doubtful short one', () => {
  const cases: [string, [string, string, string | null, number][]][] = [
    ['في قطاع غزة', [['GPE', 'قطاع غزة', 'gpe.province.PS.gaza-strip', 1]]],
    ['نشرت صحيفة السفير', [['ORG', 'السفير', 'org.media.lb.as-safir', 0.95]]],
    ['قال السفير إن', []], // "the ambassador": the short name alone is not written
    ['وقالت شركة تويوتا', [['ORG', 'شركة تويوتا', 'org.company.jp.toyota', 1]]],
    ['أعلنت وكالة الأنباء القطرية', [['ORG', 'وكالة الأنباء القطرية', 'org.agency.qa.qatar-news-agency', 1]]],
  ];
  it.each(cases)('%s', (text, expected) => expect(found(text)).toEqual(expected));
});

describe('the variant format', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tawsim-variants-'));
  const file = (name: string, lines: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, lines.join('\n') + '\n');
    return path;
  };
  const tokenise = nameTokeniser((s) => s);

  it('reads an object variant with its own mark, and a plain one with the entry\'s', () => {
    const path = file('ok.jsonl', [
      '{"id":"gpe.province.x","label":"GPE","type":"province","name":"قطاع ألف","variants":["قطاع الألف",{"name":"ألف","ambiguous":"city-province","confidence":0.4,"note":"also the city"}],"source":"tawsim"}',
      '{"id":"gpe.city.x","label":"GPE","type":"city","name":"ألف","variants":[],"source":"tawsim"}',
      '{"id":"org.media.y","label":"ORG","type":"media","name":"باء","variants":[{"name":"صحيفة باء"}],"source":"tawsim","ambiguous":"common-word","confidence":0.3}',
    ]);
    const { forms } = loadGazetteerEntries([path], tokenise);
    const mark = (key: string, id: string) => {
      const f = forms.find((x) => x.key === key && x.entry.id === id)!;
      return [f.ambiguous, f.confidence, f.note];
    };
    expect(mark('قطاع ألف', 'gpe.province.x')).toEqual([undefined, 1, undefined]);
    expect(mark('قطاع الألف', 'gpe.province.x')).toEqual([undefined, 1, undefined]);
    expect(mark('ألف', 'gpe.province.x')).toEqual(['city-province', 0.4, 'also the city']);
    expect(mark('باء', 'org.media.y')).toEqual(['common-word', 0.3, undefined]);
    expect(mark('صحيفة باء', 'org.media.y')).toEqual([undefined, 1, undefined]);
  });

  it('reports bad object variants and unmarked shared names as file:line', () => {
    const path = file('bad.jsonl', [
      '{"id":"gpe.city.a","label":"GPE","type":"city","name":"ألف","variants":[{"nam":"باء"},{"name":"جيم","confidence":3},{"name":""},7,""],"source":"tawsim"}',
      '{"id":"gpe.city.b","label":"GPE","type":"city","name":"دال","variants":[{"name":"ألف"}],"source":"tawsim","ambiguous":"homonym"}',
      '{"id":"gpe.city.c","label":"GPE","type":"city","name":"ألف","variants":[],"source":"tawsim"}',
    ]);
    let error: unknown;
    try {
      loadGazetteerEntries([path], tokenise);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataError);
    const message = (error as Error).message;
    for (const line of [
      `${path}:1: variant 1: unknown key "nam"`,
      `${path}:1: variant 1: "name" is required`,
      `${path}:1: variant 2: "confidence" must be a number from 0 to 1`,
      `${path}:1: variant 3: "name" must be a non-empty string`,
      `${path}:1: variant 4 must be a string or an object`,
      `${path}:1: variant 5 is empty`,
      // The entry is marked, but its object variant ألف is not: two unmarked ألف.
      `${path}:3: "ألف" (gpe.city.c) normalises like a name of gpe.city.b`,
    ])
      expect(message).toContain(line);
  });
});
