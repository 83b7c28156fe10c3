import { describe, expect, it } from 'vitest';
import { entitiesOf, fixturePipeline, runDoc, type Found } from '../places/helpers.js';

const pipeline = fixturePipeline({}, {}, true);

describe('latin-entities: Latin-script names inside Arabic text', () => {
  const cases: [string, Found[]][] = [
    ['وصل الوفد إلى Riyadh أمس', [['GPE', 'Riyadh', 'gpe.city.SA.riyadh']]],
    ['قالت United Nations إن', [['ORG', 'United Nations', 'org.intl.un']]],
    // A bracketed acronym after an Arabic entity takes its label and id.
    ['هاجم تنظيم الدولة الإسلامية (ISIS) القرية', [['ORG', 'تنظيم الدولة الإسلامية', 'org.armed.isis'], ['ORG', 'ISIS', 'org.armed.isis']]],
    // compromise on the Latin run only, for names the gazetteers lack.
    ['زار الرئيس Paris و London', [['GPE', 'Paris', null], ['GPE', 'London', null]]],
    ['شكرا', []],
  ];
  it.each(cases)('%s', (text, expected) => expect(entitiesOf(pipeline, text, true)).toEqual(expected));

  it('maps offsets exactly around emoji, diacritics and CRLF', () => {
    const text = '😀 العِرَاق\r\nو Riyadh 👍🏽 NATO';
    const doc = runDoc(pipeline, text);
    const spans = doc.annotations.map((a) => text.slice(a.start, a.end));
    expect(spans).toEqual(['العِرَاق', 'Riyadh', 'NATO']);
    expect(doc.annotations.map((a) => a.source)).toEqual(['places:gazetteer', 'latin:gazetteer', 'latin:gazetteer']);
  });
});
