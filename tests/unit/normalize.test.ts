import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldText, NEGATOR, splitFolded, splitFoldedWithRegex, tokenize } from '../../server/triage/normalize.js';

const words = (text: string, known: string[] = []) => tokenize(text, (w) => known.includes(w)).map((t) => t.word);

describe('foldText', () => {
  it('applies NFKC, lowercases and strips accents from Latin letters only', () => {
    expect(foldText('Ｒｅｆｕｎｄ Verspätet Ça')).toBe('refund verspatet ca');
    expect(foldText('ﬁle')).toBe('file');
    // Japanese voicing marks survive: が must not become か.
    expect(foldText('がまだ届かない')).toBe('がまだ届かない');
  });

  it('turns curly apostrophes straight and ß into ss', () => {
    expect(foldText('don’t Straße')).toBe("don't strasse");
  });
});

describe('tokenize', () => {
  it('expands contractions, with or without the apostrophe, into a negator', () => {
    expect(words("I didn't get it")).toEqual(['i', 'did', NEGATOR, 'get', 'it']);
    expect(words('it doesnt work, cant log in')).toEqual(['it', 'does', NEGATOR, 'work', 'can', NEGATOR, 'log', 'in']);
    expect(words("won't")).toEqual(['will', NEGATOR]);
    expect(words("where's my order")).toEqual(['where', 'is', 'my', 'order']);
  });

  it('maps every negator to the same token', () => {
    expect(words('never no not without')).toEqual([NEGATOR, NEGATOR, NEGATOR, NEGATOR]);
  });

  it('fixes common misspellings and shorthand', () => {
    expect(words('i never recieved my packege pls')).toEqual(['i', NEGATOR, 'received', 'my', 'package', 'please']);
    expect(words('refnd ur adress')).toEqual(['refund', 'your', 'address']);
  });

  it('collapses elongations, keeping a known double letter', () => {
    expect(words('sooo late')).toEqual(['so', 'late']);
    expect(words('refuuuund')).toEqual(['refund']);
    expect(words('goood', ['good'])).toEqual(['good']);
  });

  it('keeps accented words whole (natural splits "verspätet") and segments Japanese and Chinese into words', () => {
    expect(words('Bestellung verspätet')).toEqual(['bestellung', 'verspatet']);
    expect(words('注文はどこ？')).toEqual(['注文', 'は', 'どこ']);
    expect(words('我的订单')).toEqual(['我的', '订单']);
  });

  it('folds full-width letters, half-width katakana and katakana to one form', () => {
    expect(foldText('ＲＥＦＵＮＤ')).toBe('refund');
    expect(foldText('ｷｬﾝｾﾙ')).toBe(foldText('キャンセル'));
    expect(foldText('キャンセル')).toBe('きゃんせる');
  });

  it('removes zero-width characters, soft hyphens and bidi marks', () => {
    expect(foldText('fi\u200bre re\u00adfund \u200fok\u2060')).toBe('fire refund ok');
  });

  it('starts a new clause at punctuation and at "but", so negation cannot cross it', () => {
    const tokens = tokenize('not damaged but missing. ok');
    expect(tokens.map((t) => [t.word, t.clause])).toEqual([
      [NEGATOR, 0], ['damaged', 0], ['missing', 1], ['ok', 2],
    ]);
  });

  it('returns nothing for empty or symbol-only text', () => {
    expect(words('')).toEqual([]);
    expect(words('!!! ??? ...')).toEqual([]);
  });
});

describe('splitFolded (the ASCII scan triage uses)', () => {
  // The hand-written scan must give exactly the regex's words and clauses, or results would drift.
  const asciiChars = fc.constantFrom(...'abcxyzdnt019 \'.,!?;:()\n-_@#/"'.split(''));
  it('matches the regex tokenizer on any ASCII text', () => {
    const known = (word: string) => word === 'good' || word === 'too';
    fc.assert(
      fc.property(fc.array(asciiChars, { maxLength: 40 }).map((chars) => chars.join('')), (text) => {
        const folded = foldText(text);
        expect(splitFolded(folded, known)).toEqual(splitFoldedWithRegex(folded, known));
      }),
      { numRuns: 2000 },
    );
  });

  it('matches it on contractions, elongations, clause breakers and digits', () => {
    for (const text of ["i didn't get it but it's sooo late!!! dogs' toys", "rock'n'roll 12'ab x'9 goood", "can't,wont;no:(ok)\nbut however"]) {
      const folded = foldText(text);
      expect(splitFolded(folded)).toEqual(splitFoldedWithRegex(folded));
    }
  });
});
