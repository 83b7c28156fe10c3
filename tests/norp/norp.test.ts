import { describe, expect, it } from 'vitest';
import { defaultPipeline, outermost, runChecked, surfaces } from '../persons/helpers.js';

const pipeline = defaultPipeline();
const norp = (text: string) => surfaces(pipeline, text, 'NORP');
const values = (text: string) =>
  outermost(runChecked(pipeline, text).annotations)
    .filter((a) => a.label === 'NORP')
    .map((a) => (a.value as { id: string }).id);

describe('NORP: a nisba as the adjective of a person or people noun', () => {
  it.each([
    ['صدر البيان عن وزير الخارجية السعودي أمس', ['السعودي']],
    ['يقف التحالف إلى جانب الشعب السوري', ['السوري']],
    ['التي يقودها المدنيون الأفارقة وقدرات الاتصال', ['الأفارقة']],
    ['قال الرئيس الأمريكي إن', ['الأمريكي']],
    ['كلمة وزير الخارجية الامريكي في الجلسة', ['الامريكي']],
    ['وقالت السفيرة الأمريكية إن', ['الأمريكية']],
    ['وقالت وزيرة الخارجية الأمريكية إن', []], // الخارجية الأمريكية is also the State Department (ORG), the outer span
    ['التقى رئيس الوزراء الإسرائيلي نظيره', ['الإسرائيلي']],
    ['وقال مسؤول أمريكي إن', ['أمريكي']],
    ['وصل السفير الفرنسي إلى بيروت', ['الفرنسي']],
    ['أعلن المتحدث الرسمي التركي', ['التركي']],
    ['التقى بالعاهل الأردني في عمان', ['الأردني']],
    ['وأفادت مصادر فلسطينية بأن', ['فلسطينية']],
  ])('%s', (text, expected) => expect(norp(text)).toEqual(expected));
});

describe('NORP: a plural or collective nisba as a noun', () => {
  it.each([
    ['التي حددها السوريون والعراقيون أنفسهم', ['السوريون', 'العراقيون']],
    ['ويطالب الأكراد بحقوقهم', ['الأكراد']],
    ['اجتمع قادة الشيعة والسنة', ['الشيعة', 'السنة']],
    ['يعيش آلاف اللبنانيين في الخارج', ['اللبنانيين']],
    ['صوت الشيوعيون ضد القانون', ['الشيوعيون']],
    ['صوت الجمهوريون ضد القانون', []], // the organisations gazetteer names the party: ORG
    ['ورحب المسلمون بالقرار', ['المسلمون']],
    ['ويعيش نحو مليون سوري في تركيا', ['سوري']], // a singular after a number is a noun
    ['قتل 15 سوريا', []], // (the accusative singular is no listed form)
  ])('%s', (text, expected) => expect(norp(text)).toEqual(expected));
});

describe('NORP: not the adjective of a thing, not a word that only looks like a nisba', () => {
  it.each([
    ['وأشادوا بالجهود العراقية لتنفيذ حلول', []],
    ['الدول الساحلية في غرب أفريقيا', []],
    ['تحقيق الاستقرار في المناطق المحررة', []],
    ['ودعم الحكومة العراقية وقوات الأمن العراقية', []],
    ['رئيس الحكومة العراقية', []], // العراقية agrees with الحكومة, not with رئيس
    ['في السنة الماضية', []], // السنة "the year"
    ['تحدث باللغة العربية', []],
    ['وقع الرئيس على القرار الدولي', []], // دولي names no place
  ])('%s', (text, expected) => expect(norp(text)).toEqual(expected));
});

describe('NORP: proclitics, the article, spelling variants, diacritics and tatweel', () => {
  it.each([
    ['والعراقيون يطالبون', ['العراقيون']],
    ['فالأكراد يطالبون', ['الأكراد']],
    ['قدم الدعم بالسوريين', ['السوريين']],
    ['وكالعراقيين في المهجر', ['العراقيين']],
    ['قدم الدعم للسوريين', ['لسوريين']], // ل + ال written لل: the span starts after the first lam
    ['قال الرئيس الأميركي', ['الأميركي']],
    ['قال الرئيس الامريكى', ['الامريكى']],
    ['يقف إلى جانب الشعبِ السوريِّ', ['السوريِّ']],
    ['يقف إلى جانب الشعب السـوري', ['السـوري']],
  ])('%s', (text, expected) => expect(norp(text)).toEqual(expected));

  it('gives the place or group id of the demonym', () => {
    expect(values('وزير الخارجية السعودي والشعب السوري والأكراد والشيعة')).toEqual(['gpe.country.SA', 'gpe.country.SY', 'people.kurds', 'religion.shia']);
    expect(values('قال الرئيس الأميركي')).toEqual(['gpe.country.US']);
    expect(values('المدنيون الأفارقة')).toEqual(['loc.continent.africa']);
  });

  it('a nisba inside an organisation name is left to the organisation (outermost span)', () => {
    const doc = runChecked(pipeline, 'بما في ذلك البشمركة الكردية وقوات الأمن العراقية');
    const out = outermost(doc.annotations);
    expect(out.filter((a) => a.label === 'NORP')).toEqual([]);
    expect(out.filter((a) => a.label === 'ORG').map((a) => a.text)).toEqual(['البشمركة الكردية', 'قوات الأمن العراقية']);
  });
});
