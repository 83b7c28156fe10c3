import { describe, expect, it } from 'vitest';
import { detectLanguage, languageOptions } from '../../src/stages/language.js';
import { pipelineOf, run } from '../helpers.js';

const options = languageOptions.parse({});
const detect = (text: string) => detectLanguage(text, options);

describe('language', () => {
  it('Arabic news is arb from script counts alone', () => {
    const r = detect('اجتمع وزراء خارجية التحالف الدولي لهزيمة داعش في الرياض اليوم.');
    expect(r.info).toMatchObject({ code: 'arb', confidence: 1, method: 'script' });
    expect(r.tag).toBe(true);
  });

  it('Persian is told apart with franc, and pes/prs map to fas', () => {
    const r = detect('این یک متن فارسی است که برای آزمایش نوشته شده است و باید به درستی تشخیص داده شود.');
    expect(r.info.code).toBe('fas');
    expect(r.info.method).toBe('franc');
    expect(r.tag).toBe(false);
  });

  it('Urdu is not Arabic', () => {
    expect(detect('یہ ایک اردو متن ہے جو جانچ کے لیے لکھا گیا ہے اور اسے پہچانا جانا چاہیے۔').info.code).toBe('urd');
  });

  it('English is detected by franc and not tagged by default', () => {
    const r = detect('The ministers of the Global Coalition to Defeat ISIS met in Riyadh today to discuss stabilisation.');
    expect(r.info.code).toBe('eng');
    expect(r.tag).toBe(false);
  });

  it('flags a mixed document and still tags its Arabic', () => {
    const r = detect('قال الوزير في مؤتمر صحفي إن التحالف مستمر. The minister said the coalition will continue its work.');
    expect(r.info.mixed).toBe(true);
    expect(r.info.scripts).toHaveProperty('Arab');
    expect(r.info.scripts).toHaveProperty('Latn');
    expect(r.tag).toBe(true);
  });

  it('a text with no letters is zxx', () => {
    expect(detect('123 456 !!! 😀').info.code).toBe('zxx');
  });

  it('the stage marks non-Arabic documents as not to tag, with a message', () => {
    const doc = run(pipelineOf(['language']), 'This is plainly an English sentence about nothing in particular at all.');
    expect(doc.skipTagging).toBe(true);
    expect(doc.messages[0]?.code).toBe('not-tagged');
  });

  it('tag: "all" tags every document', () => {
    expect(detectLanguage('An English sentence, long enough to be detected by franc.', languageOptions.parse({ tag: 'all' })).tag).toBe(true);
  });

  it('samples a long document instead of counting every character', () => {
    const text = 'نص عربي طويل جدا '.repeat(200_000);
    const t0 = performance.now();
    expect(detect(text).info.code).toBe('arb');
    expect(performance.now() - t0).toBeLessThan(2000); // generous: sampling, not a speed test
  });
});
