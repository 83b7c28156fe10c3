/**
 * Every money form of issue 3: amount and currency in either order, inflected names and
 * nationality adjectives, subunits, abbreviations, symbols, ISO codes, CURR, ranges.
 */
import { describe, expect, it } from 'vitest';
import { annotations, numbersPipeline, tag, tagQualified } from '../numbers/tag.js';

type Row = [string, [string, string, unknown][]];
const money = (amount: unknown, currency: string | null) => ({ amount, currency });

describe('money: amount and currency', () => {
  it.each<Row>([
    ['بهدف جمع 601 مليون دولار للمناطق', [['MONEY', '601 مليون دولار', money(601000000, 'USD')]]],
    ['تلتزم بتقديم 148,7 مليون دولار إلى', [['MONEY', '148,7 مليون دولار', money(148700000, 'USD')]]],
    ['تضاف إلى ال50 مليون دولار التي', [['MONEY', '50 مليون دولار', money(50000000, 'USD')]]],
    ['كلف $4,500 فقط', [['MONEY', '$4,500', money(4500, 'USD')]]],
    ['كلف $ 4,500 فقط', [['MONEY', '$ 4,500', money(4500, 'USD')]]],
    ['كلف 4,500$ فقط', [['MONEY', '4,500$', money(4500, 'USD')]]],
    ['دفع ١٠٠ دولار', [['MONEY', '١٠٠ دولار', money(100, 'USD')]]],
    ['دفع مبلغ 100 دولار', [['MONEY', '100 دولار', money(100, 'USD')]]],
    ['صفقة بقيمة خمسة ملايين دولار', [['MONEY', 'خمسة ملايين دولار', money(5000000, 'USD')]]],
    ['تكلف 250 دولارا', [['MONEY', '250 دولارا', money(250, 'USD')]]],
    ['تكلف 250 دولارًا', [['MONEY', '250 دولارًا', money(250, 'USD')]]],
    ['تكلف 5 دولارات', [['MONEY', '5 دولارات', money(5, 'USD')]]],
    ['مليون دولار', [['MONEY', 'مليون دولار', money(1000000, 'USD')]]],
    ['ألف دولار', [['MONEY', 'ألف دولار', money(1000, 'USD')]]],
    ['مليونا دولار', [['MONEY', 'مليونا دولار', money(2000000, 'USD')]]],
    ['مليوني دولار أمريكي', [['MONEY', 'مليوني دولار أمريكي', money(2000000, 'USD')]]],
    ['3 تريليونات دولار', [['MONEY', '3 تريليونات دولار', money(3000000000000, 'USD')]]],
    ['دفع دولارين', [['MONEY', 'دولارين', money(2, 'USD')]]],
    ['دفع دولاران', [['MONEY', 'دولاران', money(2, 'USD')]]],
    ['111 ألف دولار أميركي', [['MONEY', '111 ألف دولار أميركي', money(111000, 'USD')]]],
    ['مليار دولار أمريكي', [['MONEY', 'مليار دولار أمريكي', money(1000000000, 'USD')]]],
    ['ملايين الدولارات', [['CURR', 'الدولارات', { currency: 'USD' }]]],
    ['بلايين الدولارات الأمريكية', [['CURR', 'الدولارات الأمريكية', { currency: 'USD' }]]],
    ['5 دولارات أمريكية', [['MONEY', '5 دولارات أمريكية', money(5, 'USD')]]],
    ['10 دولارات كندية', [['MONEY', '10 دولارات كندية', money(10, 'CAD')]]],
    ['خمسة ملايين دينار كويتي', [['MONEY', 'خمسة ملايين دينار كويتي', money(5000000, 'KWD')]]],
    ['ألف دينار كويتي', [['MONEY', 'ألف دينار كويتي', money(1000, 'KWD')]]],
    ['مائة دينارا كويتيا', [['MONEY', 'مائة دينارا كويتيا', money(100, 'KWD')]]],
    ['ألف دنانير', [['MONEY', 'ألف دنانير', money(1000, null)]]],
    ['500 ريال سعودي', [['MONEY', '500 ريال سعودي', money(500, 'SAR')]]],
    ['500 ريالات', [['MONEY', '500 ريالات', money(500, null)]]],
    ['50 درهما إماراتيا', [['MONEY', '50 درهما إماراتيا', money(50, 'AED')]]],
    ['50 درهم مغربي', [['MONEY', '50 درهم مغربي', money(50, 'MAD')]]],
    ['3 آلاف دراهم', [['MONEY', '3 آلاف دراهم', money(3000, null)]]],
    ['20 جنيها مصريا', [['MONEY', '20 جنيها مصريا', money(20, 'EGP')]]],
    ['30 مليون جنيه إسترليني', [['MONEY', '30 مليون جنيه إسترليني', money(30000000, 'GBP')]]],
    ['30 مليون جنيه استرليني', [['MONEY', '30 مليون جنيه استرليني', money(30000000, 'GBP')]]],
    ['30 مليون إسترليني', [['MONEY', '30 مليون إسترليني', money(30000000, 'GBP')]]],
    ['ألف جنيهات', [['MONEY', 'ألف جنيهات', money(1000, null)]]],
    ['100 ليرة لبنانية', [['MONEY', '100 ليرة لبنانية', money(100, 'LBP')]]],
    ['100 ليرات تركية', [['MONEY', '100 ليرات تركية', money(100, 'TRY')]]],
    ['100 ليرة سورية', [['MONEY', '100 ليرة سورية', money(100, 'SYP')]]],
    ['100 ليرة', [['MONEY', '100 ليرة', money(100, null)]]],
    ['مليون يورو', [['MONEY', 'مليون يورو', money(1000000, 'EUR')]]],
    ['مليار ين', [['MONEY', 'مليار ين', money(1000000000, 'JPY')]]],
    ['مليار ين ياباني', [['MONEY', 'مليار ين ياباني', money(1000000000, 'JPY')]]],
    ['مليار يوان', [['MONEY', 'مليار يوان', money(1000000000, 'CNY')]]],
    ['مليار روبل', [['MONEY', 'مليار روبل', money(1000000000, 'RUB')]]],
    ['مليار روبية', [['MONEY', 'مليار روبية', money(1000000000, null)]]],
    ['مليار روبية هندية', [['MONEY', 'مليار روبية هندية', money(1000000000, 'INR')]]],
    ['7500 فرنك سويسري', [['MONEY', '7500 فرنك سويسري', money(7500, 'CHF')]]],
    ['7500 فرنك', [['MONEY', '7500 فرنك', money(7500, null)]]],
    ['مليون كرونة سويدية', [['MONEY', 'مليون كرونة سويدية', money(1000000, 'SEK')]]],
    ['مليون كرونة', [['MONEY', 'مليون كرونة', money(1000000, null)]]],
    ['ستة مليارات شيكل', [['MONEY', 'ستة مليارات شيكل', money(6000000000, 'ILS')]]],
    ['400 مليون شيقل', [['MONEY', '400 مليون شيقل', money(400000000, 'ILS')]]],
    ['5 ملايين شلن كيني', [['MONEY', '5 ملايين شلن كيني', money(5000000, 'KES')]]],
    ['50 أوقية', [['CARDINAL', '50', 50]]],
  ])('%s', (text, expected) => {
    expect(tag(text)).toEqual(expected);
  });
});

describe('money: subunits, abbreviations, symbols, ISO codes', () => {
  it.each<Row>([
    ['أضاف 90 سنتا', [['MONEY', '90 سنتا', money(0.9, 'USD')]]],
    ['25 هللة', [['MONEY', '25 هللة', money(0.25, 'SAR')]]],
    ['50 قرشا', [['MONEY', '50 قرشا', money(0.5, null)]]],
    ['20 سنتيما', [['MONEY', '20 سنتيما', money(0.2, null)]]],
    ['500 مليم', [['MONEY', '500 مليم', money(0.5, null)]]],
    ['100 فلس', [['MONEY', '100 فلس', money(null, null)]]],
    ['100 ر.س', [['MONEY', '100 ر.س', money(100, 'SAR')]]],
    ['100 ر.ق', [['MONEY', '100 ر.ق', money(100, 'QAR')]]],
    ['100 ر.ع', [['MONEY', '100 ر.ع', money(100, 'OMR')]]],
    ['100 د.إ', [['MONEY', '100 د.إ', money(100, 'AED')]]],
    ['100 د.ك', [['MONEY', '100 د.ك', money(100, 'KWD')]]],
    ['100 د.ب', [['MONEY', '100 د.ب', money(100, 'BHD')]]],
    ['100 د.أ', [['MONEY', '100 د.أ', money(100, 'JOD')]]],
    ['100 د.ا', [['MONEY', '100 د.ا', money(100, null)]]],
    ['100 د.ع', [['MONEY', '100 د.ع', money(100, 'IQD')]]],
    ['100 ج.م', [['MONEY', '100 ج.م', money(100, 'EGP')]]],
    ['100 ج.م.', [['MONEY', '100 ج.م.', money(100, 'EGP')]]],
    ['100 ل.ل', [['MONEY', '100 ل.ل', money(100, 'LBP')]]],
    ['100 ل.س', [['MONEY', '100 ل.س', money(100, 'SYP')]]],
    ['و44 ج. م.', [['CARDINAL', '44', 44]]],
    ['€50', [['MONEY', '€50', money(50, 'EUR')]]],
    ['50€', [['MONEY', '50€', money(50, 'EUR')]]],
    ['£50', [['MONEY', '£50', money(50, 'GBP')]]],
    ['¥50', [['MONEY', '¥50', money(50, 'JPY')]]],
    ['₺50', [['MONEY', '₺50', money(50, 'TRY')]]],
    ['50 ₪', [['MONEY', '50 ₪', money(50, 'ILS')]]],
    ['50 ﷼', [['MONEY', '50 ﷼', money(50, null)]]],
    ['US$ 5', [['MONEY', 'US$ 5', money(5, 'USD')]]],
    ['USD 500', [['MONEY', 'USD 500', money(500, 'USD')]]],
    ['500 EUR', [['MONEY', '500 EUR', money(500, 'EUR')]]],
    ['$4.5 مليار', [['MONEY', '$4.5 مليار', money(4500000000, 'USD')]]],
    ['500 ALL', [['MONEY', '500 ALL', money(500, 'ALL')]]],
    ['ALL 500 people', [['MONEY', 'ALL 500', money(500, 'ALL')]]],
  ])('%s', (text, expected) => {
    expect(tag(text)).toEqual(expected);
  });
});

describe('money: currencies without an amount (CURR)', () => {
  it.each<Row>([
    ['سعر الدولار الأمريكي', [['CURR', 'الدولار الأمريكي', { currency: 'USD' }]]],
    ['سعر الدولار', [['CURR', 'الدولار', { currency: 'USD' }]]],
    ['بالريال', [['CURR', 'الريال', { currency: null }]]],
    ['بالريال السعودي أو الدولار الأمريكي', [['CURR', 'الريال السعودي', { currency: 'SAR' }], ['CURR', 'الدولار الأمريكي', { currency: 'USD' }]]],
    ['للدولار', [['CURR', 'لدولار', { currency: 'USD' }]]],
    ['والاسترليني', [['CURR', 'الاسترليني', { currency: 'GBP' }]]],
    ['اليورو', [['CURR', 'اليورو', { currency: 'EUR' }]]],
    ['الين الياباني', [['CURR', 'الين الياباني', { currency: 'JPY' }]]],
    ['الجنيه المصري', [['CURR', 'الجنيه المصري', { currency: 'EGP' }]]],
    ['الليرة', [['CURR', 'الليرة', { currency: null }]]],
    ['الدينار', [['CURR', 'الدينار', { currency: null }]]],
    ['الشلن الكيني', [['CURR', 'الشلن الكيني', { currency: 'KES' }]]],
    ['المارك الألماني', [['CURR', 'المارك الألماني', { currency: 'DEM' }]]],
    // Not currencies.
    ['فاز ريال مدريد', []],
    ['فاز الريال', []],
    ['بطولة يورو 2004', []],
    ['دولار', []],
    ['بين الطرفين', []],
    ['مارك زوكربيرغ', []],
    ['الشلن', []],
    ['أفغاني', []],
  ])('%s', (text, expected) => {
    expect(tag(text)).toEqual(expected);
  });

  it('CURR off when asked', () => {
    expect(tag('سعر الدولار', numbersPipeline({}, { curr: false }))).toEqual([]);
  });
});

describe('money: ranges, qualifiers, documents', () => {
  it('a range takes the currency for both ends', () => {
    expect(tagQualified('بين 5 و7 ملايين دولار')).toEqual([
      ['MONEY', '5', money(5000000, 'USD'), 'range-from'],
      ['MONEY', '7 ملايين دولار', money(7000000, 'USD'), 'range-to'],
    ]);
    expect(tagQualified('ما بين 2200 و2400 يورو')).toEqual([
      ['MONEY', '2200', money(2200, 'EUR'), 'range-from'],
      ['MONEY', '2400 يورو', money(2400, 'EUR'), 'range-to'],
    ]);
    expect(tagQualified('بين 50 و70 سنتا')).toEqual([
      ['MONEY', '50', money(0.5, 'USD'), 'range-from'],
      ['MONEY', '70 سنتا', money(0.7, 'USD'), 'range-to'],
    ]);
  });

  it('qualifiers carry over from the number', () => {
    expect(tagQualified('بأكثر من 300 مليون دولار')).toEqual([['MONEY', '300 مليون دولار', money(300000000, 'USD'), 'more-than']]);
    expect(tagQualified('قدره أكثر بقليل من 601 مليون دولار')).toEqual([['MONEY', '601 مليون دولار', money(601000000, 'USD'), 'more-than']]);
    expect(tagQualified('نحو نصف مليار شيكل')).toEqual([['MONEY', 'نصف مليار شيكل', money(500000000, 'ILS'), 'approximately']]);
  });

  it('an ambiguous name takes the one full name of the document', () => {
    expect(tag('5 ملايين دينار كويتي ثم 300 ألف دينار')).toEqual([
      ['MONEY', '5 ملايين دينار كويتي', money(5000000, 'KWD')],
      ['MONEY', '300 ألف دينار', money(300000, 'KWD')],
    ]);
    // Two different full names: the short one stays ambiguous.
    expect(tag('5 دنانير كويتية و3 دنانير بحرينية و300 دينار')).toEqual([
      ['MONEY', '5 دنانير كويتية', money(5, 'KWD')],
      ['MONEY', '3 دنانير بحرينية', money(3, 'BHD')],
      ['MONEY', '300 دينار', money(300, null)],
    ]);
    expect(tag('5 ملايين دينار كويتي ثم 300 ألف دينار', numbersPipeline({}, { documentHints: false }))[1]).toEqual(['MONEY', '300 ألف دينار', money(300000, null)]);
    const note = annotations('5 ملايين دينار كويتي ثم 300 ألف دينار')[1]!.note;
    expect(note).toBe('currency KWD from its full name elsewhere in the document');
  });

  it('a resolution or identifier number never becomes money', () => {
    expect(tag('القرار رقم 2254 دولار')).toEqual([['CARDINAL', '2254', 2254]]);
  });

  it('a date is never money', () => {
    expect(tag('في عام 2018 دولار')).toEqual([]);
    expect(tag('في 8-06- 2023 دولار')).toEqual([]);
  });

  it('nested mode keeps the CARDINAL and the CURR inside a MONEY', () => {
    const p = numbersPipeline({}, {}, true);
    expect(tag('جمع 601 مليون دولار أمريكي', p)).toEqual([
      ['MONEY', '601 مليون دولار أمريكي', money(601000000, 'USD')],
      ['CARDINAL', '601 مليون', 601000000],
      ['CURR', 'دولار أمريكي', { currency: 'USD' }],
    ]);
    expect(tag('كلف $4,500', p)).toEqual([
      ['MONEY', '$4,500', money(4500, 'USD')],
      ['CURR', '$', { currency: 'USD' }],
      ['CARDINAL', '4,500', 4500],
    ]);
  });
});
