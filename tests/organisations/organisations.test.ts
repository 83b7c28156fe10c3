import { describe, expect, it } from 'vitest';
import { entitiesOf, fixturePipeline, runDoc, type Found } from '../places/helpers.js';

const pipeline = fixturePipeline();
const run = (text: string) => entitiesOf(pipeline, text);

describe('organisations: gazetteer names with proclitics', () => {
  const cases: [string, Found[]][] = [
    ['هزيمة داعش', [['ORG', 'داعش']]],
    ['ولداعش وبداعش', [['ORG', 'داعش'], ['ORG', 'داعش']]],
    ['قرار للأمم المتحدة', [['ORG', 'لأمم المتحدة']]], // ل + ال: the span starts after the first lam
    ['حلف شمال الأطلسي (الناتو)', [['ORG', 'حلف شمال الأطلسي'], ['ORG', 'الناتو']]],
    ['#داعش', [['ORG', 'داعش']]], // a hashtag's # is not part of the name
  ];
  it.each(cases)('%s', (text, expected) => expect(run(text)).toEqual(expected));
});

describe('organisations: trigger + known organisation', () => {
  const cases: [string, Found[]][] = [
    ['هزيمة تنظيم داعش', [['ORG', 'تنظيم داعش']]],
    ['وأعلنت منظمة أوبك', [['ORG', 'منظمة أوبك']]],
    ['بثت قناة الجزيرة', [['ORG', 'الجزيرة']]], // a media trigger introduces the name (span: exclude)
  ];
  it.each(cases)('%s', (text, expected) => expect(run(text)).toEqual(expected));
  it('keeps the id of the organisation named', () => {
    expect(entitiesOf(pipeline, 'تنظيم داعش', true)).toEqual([['ORG', 'تنظيم داعش', 'org.armed.isis']]);
  });
});

describe('organisations: trigger + noun phrase + nisba, place, ل-phrase, acronym, quotes', () => {
  const cases: [string, Found[]][] = [
    ['ودعم الحكومة العراقية', [['ORG', 'الحكومة العراقية']]],
    ['وقوات الأمن العراقية', [['ORG', 'قوات الأمن العراقية']]],
    ['البنك المركزي التركي', [['ORG', 'البنك المركزي التركي']]],
    ['وزارة الخارجية السعودية', [['ORG', 'وزارة الخارجية السعودية']]],
    ['مجموعة التركيز الأفريقية', [['ORG', 'مجموعة التركيز الأفريقية']]],
    ['حكومة عراقية جديدة', []], // indefinite: "an Iraqi government", no name
    ['والجهود العراقية', []], // no trigger noun
    ['المنظمات الدولية', []], // plural: no organisation is named
    ['جامعة القاهرة', []], // القاهرة is not in the fixture gazetteer
    ['جامعة بغداد', [['ORG', 'جامعة بغداد']]],
    ['مجموعة التركيز على أفريقيا', [['ORG', 'مجموعة التركيز على أفريقيا']]],
    ['مجموعة التركيز الخاصة بأفريقيا', [['ORG', 'مجموعة التركيز الخاصة بأفريقيا']]],
    ['المديرية العامة للمقاطعات', [['ORG', 'المديرية العامة للمقاطعات']]],
    ['الوكالة الدولية للطاقة الذرية', [['ORG', 'الوكالة الدولية للطاقة الذرية']]],
    ['التحالف الدولي لهزيمة داعش', [['ORG', 'التحالف الدولي لهزيمة داعش']]],
    ['المنظمة العربية للتنمية الزراعية', [['ORG', 'المنظمة العربية للتنمية الزراعية']]],
    ['منظمة حماية الطفولة (UNICEF)', [['ORG', 'منظمة حماية الطفولة']]],
    ['أعلنت شركة « ميكروسوفت » أمس', [['ORG', 'ميكروسوفت']]],
    ['انضم إلى نادي بوردو أمس', [['ORG', 'نادي بوردو']]], // an unknown name after a trigger that takes names
    ['درس في جامعة ليدز .', [['ORG', 'جامعة ليدز']]],
    ['تمتلك شركة إنتاج', []], // a verbal noun (إفعال), not a name
    ['أسست شركة تسويق', []], // تفعيل
    ['طالب شركة نفط نيبال', []], // a common noun in construct
    ['حققت 32 شركة ارتفاعا', []], // counted companies
    ['تأسس حزب سياسي', []], // an adjective
    ['دعم صندوق الأمم المتحدة لرعاية الطفولة', [['ORG', 'صندوق الأمم المتحدة لرعاية الطفولة']]], // a body within a known one
    ['قوات حماس', [['ORG', 'حماس']]], // forces of: not the organisation's own name
    ['صندوق الأمم المتحدة', [['ORG', 'الأمم المتحدة']]],
  ];
  it.each(cases)('%s', (text, expected) => expect(run(text)).toEqual(expected));

  it('names a rule-built organisation as written, with what it lies within', () => {
    const a = runDoc(pipeline, 'دعم صندوق الأمم المتحدة لرعاية الطفولة').annotations[0]!;
    expect(a).toMatchObject({ source: 'organisations:trigger+organisation', value: { id: null, name: 'صندوق الأمم المتحدة لرعاية الطفولة', within: 'org.intl.un' } });
  });

  it('records the rule and the place behind a nisba', () => {
    const a = runDoc(pipeline, 'الحكومة العراقية').annotations[0]!;
    expect(a).toMatchObject({ source: 'organisations:trigger+nisba', value: { id: null, within: 'gpe.country.IQ' } });
  });

  it('switches each rule family off', () => {
    const off = fixturePipeline({}, { triggerNisba: false, triggerPlace: false, institutional: false, triggerOrganisation: false, acronyms: false, quotedNames: false });
    expect(entitiesOf(off, 'الحكومة العراقية وتنظيم داعش وجامعة بغداد')).toEqual([
      ['ORG', 'داعش'],
      ['GPE', 'بغداد'],
    ]);
  });
});

describe('organisations: one name, a place or an organisation', () => {
  it('keeps the place when only the organisation entry is ambiguous, and says so', () => {
    const doc = runDoc(pipeline, 'في شبه الجزيرة العربية والجزيرة');
    expect(doc.annotations.map((a) => [a.label, doc.text.slice(a.start, a.end)])).toEqual([
      ['LOC', 'الجزيرة العربية'],
      ['LOC', 'الجزيرة'],
    ]);
    expect(doc.annotations[1]!.note).toMatch(/also the organisation الجزيرة .*written as a place/);
  });
  it('takes a quoted media name as the organisation', () => {
    const doc = runDoc(pipeline, 'وقال لـ « الجزيرة » أمس');
    expect(doc.annotations.map((a) => [a.label, doc.text.slice(a.start, a.end)])).toEqual([['ORG', 'الجزيرة']]);
    expect(doc.annotations[0]!.note).toMatch(/written as an organisation: a media name in quotes/);
  });
  it('takes the organisation after a media trigger', () => {
    expect(run('قالت قناة الجزيرة')).toEqual([['ORG', 'الجزيرة']]);
    expect(runDoc(pipeline, 'قالت قناة الجزيرة').annotations[0]!.note).toMatch(/after قناة; also the place الجزيرة .*written as an organisation/);
  });
});

describe('organisations: a city named like a club, in sports news', () => {
  const cases: [string, Found[]][] = [
    ['فاز برشلونة في المباراة', [['ORG', 'برشلونة']]],
    ['سافر إلى برشلونة', [['GPE', 'برشلونة']]],
    ['خسر الفريق في برشلونة', [['GPE', 'برشلونة']]], // a preposition makes it the city
  ];
  it.each(cases)('%s', (text, expected) => expect(run(text)).toEqual(expected));
  it('can be switched off', () => {
    expect(entitiesOf(fixturePipeline({}, { sportsContext: false }), 'فاز برشلونة في المباراة')).toEqual([['GPE', 'برشلونة']]);
  });
});
