/**
 * Role bits of a token from the document's shared look-up: of the whole token, or, when
 * the whole token is no listed word, of its stem after proclitics (و ف ب ك ل, لل):
 *
 * ```
 * token    و و ز ي ر        whole: unknown  ->  reading 1 (cut 1): وزير  office
 * token    ف ي ص ل          whole: given name (never ف + يصل)
 * ```
 *
 * A whole token that is a listed word is never cut (فيصل is not ف + يصل, كريم not
 * ك + the name ريم), and a verb is only read after a conjunction (وقال, not بقال).
 */
import { READINGS, READING_CUTS, type TokenLookup } from '../gazetteer/phrase-index.js';
import { NAME_BITS, PersonRole } from './lexicon.js';

const WAW = 0x0648; // U+0648 ARABIC LETTER WAW
const FEH = 0x0641; // U+0641 ARABIC LETTER FEH

/** Bits that do not keep a whole token from its proclitic readings. */
const WHOLE_ONLY = PersonRole.NonName | PersonRole.Closed;
/** Bits of a name's first token. */
const NAME_STARTS = NAME_BITS | PersonRole.KnownStart | PersonRole.StartParticle;

/** Reads role bits by vocabulary id; remembers the cut of the last reading. */
export class RoleReader {
  /** View units cut off the token by the last {@link read} (proclitics, `#`). */
  cut = 0;
  /** Vocabulary id of the last reading (-1 when none). */
  id = -1;
  private readonly roles: Uint32Array;

  constructor(roles: Uint32Array) {
    this.roles = roles;
  }

  /** Role bits of id (0 for -1 and for ids interned after the lexicon was built). */
  of(id: number): number {
    return id < 0 || id >= this.roles.length ? 0 : this.roles[id]!;
  }

  /** Role bits of token `i` as a whole (no proclitic cut): for tokens inside a name. */
  whole(lookup: TokenLookup, i: number): number {
    return this.of(lookup.ids[i]!);
  }

  /**
   * Role bits of token `i`: the whole token's when it is a listed word, else those of the
   * first proclitic reading that is one. Sets {@link cut} and {@link id}.
   */
  read(lookup: TokenLookup, i: number): number {
    const whole = lookup.ids[i]!;
    const bits = this.of(whole);
    this.cut = lookup.lead[i]!;
    this.id = whole;
    // A whole token that is only a non-name (وقال is listed as a word that ends names)
    // still has its proclitic readings (و + the verb قال).
    if ((bits & ~WHOLE_ONLY) !== 0 || lookup.clitic[i] === 0) return bits;
    // ... but not its name readings: لدينا is لدى + نا, not ل + the name دينا.
    const keep = bits === 0 ? ~0 : ~NAME_STARTS;
    const base = i * READINGS;
    for (let r = 1; r < READINGS; r++) {
      const id = lookup.readings[base + r]!;
      if (id < 0) continue;
      let b = this.of(id) & ~WHOLE_ONLY & keep;
      if (b === 0) continue;
      const t = lookup.tokens;
      const first = t.view.units[t.vStart[i]! + lookup.lead[i]!]!;
      // A verb takes one conjunction (وقال، فأكد), never a preposition.
      if (r !== 1 || (first !== WAW && first !== FEH)) b &= ~PersonRole.Verb;
      if (b === 0) continue;
      this.cut = READING_CUTS[r]! + lookup.lead[i]!;
      this.id = id;
      return b;
    }
    return 0;
  }
}
