import { describe, expect, it } from 'vitest';
import { entitiesOf, fixturePipeline, runDoc, type Found } from './helpers.js';

const pipeline = fixturePipeline();
const run = (text: string) => entitiesOf(pipeline, text);

describe('places: proclitics are cut off the span, the article is kept', () => {
  const cases: [string, Found[]][] = [
    ['زار العراق أمس', [['GPE', 'العراق']]],
    ['والعراق بلد', [['GPE', 'العراق']]],
    ['فالعراق بلد', [['GPE', 'العراق']]],
    ['بالعراق مشاكل', [['GPE', 'العراق']]],
    ['كالعراق تماما', [['GPE', 'العراق']]],
    ['وبالعراق أيضا', [['GPE', 'العراق']]],
    ['وصل إلى بغداد وبغداد ولبغداد', [['GPE', 'بغداد'], ['GPE', 'بغداد'], ['GPE', 'بغداد']]],
    // ل + ال contracts to لل: the span starts after the first lam (SPEC.md).
    ['شكرا للعراق', [['GPE', 'لعراق']]],
    ['شكرا للمملكة العربية السعودية على', [['GPE', 'لمملكة العربية السعودية']]],
    ['وللعراق حق', [['GPE', 'لعراق']]],
    ['سافر إلى بيروت', [['GPE', 'بيروت']]],
  ];
  it.each(cases)('%s', (text, expected) => expect(run(text)).toEqual(expected));
});

describe('places: whole tokens only, longest match', () => {
  const cases: [string, Found[]][] = [
    ['أعلن مصرف لبنان', [['ORG', 'مصرف لبنان']]], // مصر never inside مصرف (and the bank is named)
    ['المصريون في مصر', [['GPE', 'مصر']]],
    ['جمهورية مصر العربية ومصر', [['GPE', 'جمهورية مصر العربية'], ['GPE', 'مصر']]],
    ['زار جنوب أفريقيا', [['GPE', 'جنوب أفريقيا']]], // the country, not a direction + continent
    ['عاصمة العراقية', []],
  ];
  it.each(cases)('%s', (text, expected) => expect(run(text)).toEqual(expected));
});

describe('places: spelling that normalisation folds, diacritics and tatweel inside names', () => {
  const cases: [string, Found[]][] = [
    ['في أفريقيا', [['LOC', 'أفريقيا']]],
    ['في إفريقيا', [['LOC', 'إفريقيا']]],
    ['في افريقيا', [['LOC', 'افريقيا']]],
    ['في أفريقية', [['LOC', 'أفريقية']]], // a listed variant normalisation does not fold
    ['في العِرَاق', [['GPE', 'العِرَاق']]],
    ['في العـــراق', [['GPE', 'العـــراق']]],
    ['في سُوريَّا', [['GPE', 'سُوريَّا']]],
    ['وَالعِرَاقُ', [['GPE', 'العِرَاقُ']]],
  ];
  it.each(cases)('%s', (text, expected) => expect(run(text)).toEqual(expected));
});

describe('places: a nisba adjective is not a place', () => {
  const cases: [string, Found[]][] = [
    ['الحكومة العراقية', [['ORG', 'الحكومة العراقية']]],
    ['وزير الخارجية السعودي', []],
    ['وزارة الخارجية السعودية', [['ORG', 'وزارة الخارجية السعودية']]],
    ['الأجواء السعودية', []], // السعودية (a name of the country) agreeing with a definite noun
    ['سافر إلى السعودية', [['GPE', 'السعودية']]],
    ['والسعودية دولة', [['GPE', 'السعودية']]],
  ];
  it.each(cases)('%s', (text, expected) => expect(run(text)).toEqual(expected));
});

describe('places: ambiguity is decided by context and said in the note', () => {
  it('عمان is Oman by default and Amman when the document names Jordan', () => {
    expect(entitiesOf(pipeline, 'زار عمان', true)).toEqual([['GPE', 'عمان', 'gpe.country.OM']]);
    expect(entitiesOf(pipeline, 'زار الأردن ثم عمان', true)).toEqual([
      ['GPE', 'الأردن', 'gpe.country.JO'],
      ['GPE', 'عمان', 'gpe.city.JO.amman'],
    ]);
    const doc = runDoc(pipeline, 'زار الأردن ثم عمان');
    expect(doc.annotations[1]!.note).toMatch(/gpe\.city\.JO\.amman chosen over gpe\.country\.OM.*document names JO/);
    expect(entitiesOf(pipeline, 'سلطنة عمان', true)).toEqual([['GPE', 'سلطنة عمان', 'gpe.country.OM']]);
  });
  const cases: [string, Found[]][] = [
    ['جلسوا على الساحل', []], // the coast: ambiguous, no context
    ['في منطقة الساحل', [['LOC', 'الساحل']]], // a trigger, outside the span
    ['غرب أفريقيا والساحل', [['LOC', 'غرب أفريقيا'], ['LOC', 'الساحل']]], // coordinated
    ['يقيم في الهول', []],
    ['مخيم الهول. ثم عاد إلى الهول', [['LOC', 'الهول'], ['LOC', 'الهول']]], // one sense per discourse
    ['وكان الجو جميلا', []], // the city كان (Cannes) is the verb "was" here
  ];
  it.each(cases)('%s', (text, expected) => expect(run(text)).toEqual(expected));
  it('writes why an ambiguous name was accepted', () => {
    const doc = runDoc(pipeline, 'في منطقة الساحل');
    expect(doc.annotations[0]!.note).toMatch(/ambiguous \(common-word\).*after the place trigger/);
    expect(doc.annotations[0]!.confidence).toBeGreaterThanOrEqual(0.9);
  });
});

describe('places: direction + place', () => {
  const cases: [string, Found[]][] = [
    ['من شمال شرق سوريا', [['LOC', 'شمال شرق سوريا']]],
    ['في غرب أفريقيا', [['LOC', 'غرب أفريقيا']]],
    ['في أفريقيا وجنوب ووسط آسيا', [['LOC', 'أفريقيا'], ['LOC', 'جنوب ووسط آسيا']]],
    ['في وسط وجنوب أفريقيا', [['LOC', 'وسط وجنوب أفريقيا']]],
    ['وشمال العراق', [['LOC', 'شمال العراق']]],
    // Relational: a direction after a place or a distance is "north of".
    ['في بغداد شمال العراق', [['GPE', 'بغداد'], ['GPE', 'العراق']]],
    ['على بعد 20 كلم شمال بغداد', [['GPE', 'بغداد']]],
    ['في حي المنصور غرب بغداد', [['GPE', 'بغداد']]], // after a name: "west of"
    ['ومعظم غرب أفريقيا', [['LOC', 'غرب أفريقيا']]], // after a quantifier: a region
  ];
  it.each(cases)('%s', (text, expected) => expect(run(text)).toEqual(expected));
  it('can be switched off', () => {
    expect(entitiesOf(fixturePipeline({ directions: false }), 'من شمال شرق سوريا')).toEqual([['GPE', 'سوريا']]);
  });
});

describe('places: trigger + name', () => {
  const cases: [string, Found[]][] = [
    ['في مقاطعة كيفو الشمالية', [['GPE', 'كيفو الشمالية']]],
    ['في مخيمي الهول والروج', [['LOC', 'الهول'], ['LOC', 'الروج']]],
    ['في مدينة كبيرة', []], // an adjective, not a name
    ['في مدينة جميلة', []],
    ['في المخيم عليهم', []], // a function word
    ['في منطقة مفتوحة', []], // منطقة confirms known names only
  ];
  it.each(cases)('%s', (text, expected) => expect(run(text)).toEqual(expected));
  it('says that the name is not in the gazetteer', () => {
    const a = runDoc(pipeline, 'في مقاطعة كيفو الشمالية').annotations[0]!;
    expect(a).toMatchObject({ source: 'places:trigger', value: { id: null } });
    expect(a.note).toMatch(/not in the gazetteer/);
  });
  it('can be switched off', () => {
    expect(entitiesOf(fixturePipeline({ unknownNames: false }), 'في مقاطعة كيفو الشمالية')).toEqual([]);
  });
});

describe('places: near-misses are reported, never silently written', () => {
  const reporting = fixturePipeline({ fuzzy: { enabled: true } });
  it('is off by default', () => {
    expect(runDoc(pipeline, 'ورحب بمشاركة طاجكستان').messages).toEqual([]);
  });
  it('reports طاجكستان as a variant of طاجيكستان in a message when on', () => {
    const doc = runDoc(reporting, 'ورحب بمشاركة طاجكستان وأوزبكستان');
    expect(doc.annotations).toEqual([]);
    const m = doc.messages.filter((x) => x.code === 'near-miss');
    expect(m).toHaveLength(1);
    expect(m[0]!.text).toMatch(/"طاجكستان" is 1 edit\(s\) from "طاجيكستان" \(gpe\.country\.TJ, Jaro-Winkler 0\.\d\d\)/);
  });
  it('writes a low-confidence candidate with a note when asked to', () => {
    const p = fixturePipeline({ fuzzy: { annotate: true } });
    const doc = runDoc(p, 'وطاجكستان');
    expect(doc.annotations).toHaveLength(1);
    expect(doc.annotations[0]).toMatchObject({ label: 'GPE', source: 'places:fuzzy', confidence: 0.4, value: { id: 'gpe.country.TJ' } });
    expect(doc.text.slice(doc.annotations[0]!.start, doc.annotations[0]!.end)).toBe('طاجكستان');
  });
  it('does not report ordinary words one letter away from a name', () => {
    // النسبة / النوبة and similar pairs differ by a letter no transliteration swaps.
    const doc = runDoc(reporting, 'بالنسبة إلى العراقي والعراقيين');
    expect(doc.messages.filter((x) => x.code === 'near-miss')).toEqual([]);
  });
});

describe('places: the record carries id and canonical name', () => {
  it('value is {id, name} from the gazetteer', () => {
    const doc = runDoc(pipeline, 'زار جمهورية العراق');
    expect(doc.annotations[0]).toMatchObject({ label: 'GPE', value: { id: 'gpe.country.IQ', name: 'العراق' }, source: 'places:gazetteer', confidence: 1, status: 'auto' });
  });
});
